import CArgon2
import Foundation
import Testing
@testable import Host

/// Plinth's single-threaded argon2 gives the same hashes as the reference library (what node-argon2,
/// and so Directus, uses), in both directions.
@Suite("Password hashing")
struct PasswordHasherTests {
    @Test("hashes verify with the reference implementation, and reference hashes verify here")
    func referenceCompatibility() throws {
        let hasher = try PasswordHasher()
        let ours = try hasher.hash("correct horse")
        #expect(ours.hasPrefix("$argon2id$v=19$m=65536,t=3,p=4$"))
        #expect(argon2id_verify(ours, "correct horse", 13) == ARGON2_OK.rawValue)
        #expect(argon2id_verify(ours, "wrong horse", 11) != ARGON2_OK.rawValue)

        let salt = Array("0123456789abcdef".utf8)
        var encoded = [CChar](repeating: 0, count: 256)
        let password = Array("battery staple".utf8)
        #expect(argon2id_hash_encoded(3, 65536, 4, password, password.count, salt, salt.count, 32, &encoded, encoded.count) == ARGON2_OK.rawValue)
        let reference = String(cString: encoded)
        #expect(hasher.verify("battery staple", against: reference))
        #expect(!hasher.verify("battery stapler", against: reference))

        // Same salt, same parameters: byte-identical digests.
        let digest = try #require(PasswordHasher.compute(password, salt: salt, type: Argon2_id, version: 0x13, memory: 65536, time: 3, lanes: 4, length: 32))
        #expect(reference.hasSuffix("$" + PasswordHasher.base64(digest)))

        // argon2i and other parameters, as older installs may hold.
        #expect(argon2i_hash_encoded(2, 4096, 1, password, password.count, salt, salt.count, 32, &encoded, encoded.count) == ARGON2_OK.rawValue)
        #expect(hasher.verify("battery staple", against: String(cString: encoded)))
        #expect(!hasher.verify("battery staple", against: "$argon2id$v=19$m=65536,t=3,p=4$broken"))
        #expect(!hasher.verify("battery staple", against: "plain-text"))
    }
}
