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

    /// At most this many hashes or verifications run at once, each on one thread, so a login storm
    /// leaves a core to everything else (argon2 is CPU- and memory-bound by design).
    static let slots = DispatchSemaphore(value: max(1, ProcessInfo.processInfo.activeProcessorCount - 1))

    /// Hashes `password` with a fresh 16-byte salt.
    public func hash(_ password: String) throws -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = UInt8.random(in: 0...255, using: &generator) }
        guard let digest = Self.compute(Array(password.utf8), salt: salt, type: Argon2_id, version: 0x13,
                                        memory: memoryCost, time: timeCost, lanes: parallelism, length: hashLength) else {
            throw APIError(code: "INTERNAL_SERVER_ERROR", status: 500, message: "Password hashing failed.")
        }
        return "$argon2id$v=19$m=\(memoryCost),t=\(timeCost),p=\(parallelism)$\(Self.base64(salt))$\(Self.base64(digest))"
    }

    /// Whether `password` matches an encoded argon2 hash (any variant, any parameters).
    public func verify(_ password: String, against encoded: String) -> Bool {
        guard let phc = PHC(encoded) else { return false }
        guard let digest = Self.compute(Array(password.utf8), salt: phc.salt, type: phc.type, version: phc.version,
                                        memory: phc.memory, time: phc.time, lanes: phc.lanes, length: phc.hash.count) else { return false }
        var difference: UInt8 = 0
        for index in digest.indices { difference |= digest[index] ^ phc.hash[index] }
        return difference == 0
    }

    /// Runs argon2 on one thread (lanes are computed in turn; the result is the same as with one thread per lane).
    static func compute(_ password: [UInt8], salt: [UInt8], type: argon2_type, version: UInt32, memory: UInt32, time: UInt32,
                        lanes: UInt32, length: Int) -> [UInt8]? {
        slots.wait()
        defer { slots.signal() }
        var out = [UInt8](repeating: 0, count: length)
        var pwd = password
        var saltBytes = salt
        let status = out.withUnsafeMutableBufferPointer { outBuffer in
            pwd.withUnsafeMutableBufferPointer { pwdBuffer in
                saltBytes.withUnsafeMutableBufferPointer { saltBuffer in
                    var context = argon2_context()
                    context.out = outBuffer.baseAddress
                    context.outlen = UInt32(length)
                    context.pwd = pwdBuffer.baseAddress
                    context.pwdlen = UInt32(pwdBuffer.count)
                    context.salt = saltBuffer.baseAddress
                    context.saltlen = UInt32(saltBuffer.count)
                    context.t_cost = time
                    context.m_cost = memory
                    context.lanes = lanes
                    context.threads = 1
                    context.version = version
                    context.flags = 0 // ARGON2_DEFAULT_FLAGS
                    return argon2_ctx(&context, type)
                }
            }
        }
        return status == ARGON2_OK.rawValue ? out : nil
    }

    /// Unpadded standard base64, as the PHC string format writes salts and hashes.
    static func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    /// `$argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>` (the version part is optional, meaning 0x10).
    struct PHC {
        let type: argon2_type
        let version: UInt32
        let memory: UInt32
        let time: UInt32
        let lanes: UInt32
        let salt: [UInt8]
        let hash: [UInt8]

        init?(_ encoded: String) {
            var parts = encoded.split(separator: "$", omittingEmptySubsequences: false).dropFirst().map(String.init)
            guard parts.count >= 4 else { return nil }
            switch parts.removeFirst() {
            case "argon2id": type = Argon2_id
            case "argon2i": type = Argon2_i
            case "argon2d": type = Argon2_d
            default: return nil
            }
            if parts.first?.hasPrefix("v=") == true {
                guard let value = UInt32(parts.removeFirst().dropFirst(2)) else { return nil }
                version = value
            } else {
                version = 0x10
            }
            guard parts.count == 3 else { return nil }
            var values: [String: UInt32] = [:]
            for pair in parts[0].split(separator: ",") {
                let kv = pair.split(separator: "=", maxSplits: 1)
                guard kv.count == 2, let value = UInt32(kv[1]) else { return nil }
                values[String(kv[0])] = value
            }
            guard let m = values["m"], let t = values["t"], let p = values["p"], p >= 1, t >= 1,
                  let salt = PHC.decode(parts[1]), let hash = PHC.decode(parts[2]), hash.count >= 4 else { return nil }
            memory = m
            time = t
            lanes = p
            self.salt = salt
            self.hash = hash
        }

        static func decode(_ text: String) -> [UInt8]? {
            var padded = text
            while padded.count % 4 != 0 { padded += "=" }
            return Data(base64Encoded: padded).map(Array.init)
        }
    }
}
