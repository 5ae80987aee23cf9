import CArgon2
import Foundation

/// Argon2id password hashes in the PHC string format Directus (node-argon2) uses,
/// so passwords move between Directus and Plinth in both directions.
public struct PasswordHasher: Sendable {
    public var memoryCost: UInt32
    public var timeCost: UInt32
    public var parallelism: UInt32
    public var hashLength: Int

    /// node-argon2's defaults (m=65536, t=3, p=4, 32-byte hash), overridable with HASH_* variables.
    public init(_ env: Environment = Environment([:])) throws {
        memoryCost = UInt32(try env.int("HASH_MEMORY_COST", default: 65_536, in: 8...4_194_304))
        timeCost = UInt32(try env.int("HASH_TIME_COST", default: 3, in: 1...100))
        parallelism = UInt32(try env.int("HASH_PARALLELISM", default: 4, in: 1...64))
        hashLength = try env.int("HASH_LENGTH", default: 32, in: 4...1024)
    }

    /// Hashes `password` with a fresh 16-byte salt.
    public func hash(_ password: String) throws -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = UInt8.random(in: 0...255, using: &generator) }
        let encodedLength = argon2_encodedlen(timeCost, memoryCost, parallelism, UInt32(salt.count), UInt32(hashLength), Argon2_id)
        var encoded = [CChar](repeating: 0, count: encodedLength)
        let password = Array(password.utf8)
        let status = password.withUnsafeBytes { pwd in
            argon2id_hash_encoded(timeCost, memoryCost, parallelism, pwd.baseAddress, pwd.count, salt, salt.count, hashLength, &encoded, encodedLength)
        }
        guard status == ARGON2_OK.rawValue else {
            throw APIError(code: "INTERNAL_SERVER_ERROR", status: 500, message: "Password hashing failed: \(String(cString: argon2_error_message(status)))")
        }
        return String(cString: encoded)
    }

    /// Whether `password` matches an encoded argon2 hash (any variant, any parameters).
    public func verify(_ password: String, against encoded: String) -> Bool {
        let type: argon2_type
        if encoded.hasPrefix("$argon2id$") { type = Argon2_id }
        else if encoded.hasPrefix("$argon2i$") { type = Argon2_i }
        else if encoded.hasPrefix("$argon2d$") { type = Argon2_d }
        else { return false }
        let password = Array(password.utf8)
        return password.withUnsafeBytes { argon2_verify(encoded, $0.baseAddress, $0.count, type) } == ARGON2_OK.rawValue
    }
}
