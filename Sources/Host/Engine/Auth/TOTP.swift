import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30 s steps) with base32 secrets,
/// compatible with the authenticator apps Directus users already enrolled.
enum TOTP {
    static let period: TimeInterval = 30
    static let digits = 6

    /// A new base32 secret of `bytes` random bytes (10 bytes: 16 characters, as Directus generates).
    static func generateSecret(bytes: Int = 10) -> String {
        var generator = SystemRandomNumberGenerator()
        return base32Encode((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// The code for `secret` at `date`, or nil for a secret that is not base32.
    static func code(secret: String, at date: Date = Date()) -> String? {
        guard let key = base32Decode(secret) else { return nil }
        return code(key: key, counter: UInt64(max(0, date.timeIntervalSince1970) / period))
    }

    /// Whether `otp` is the code for `secret` now or one step either side (clock drift).
    static func check(_ otp: String, secret: String, at date: Date = Date()) -> Bool {
        let candidate = otp.trimmingCharacters(in: .whitespaces)
        guard candidate.count == digits, candidate.allSatisfy(\.isASCII), candidate.allSatisfy(\.isNumber),
              let key = base32Decode(secret) else { return false }
        let counter = Int64(max(0, date.timeIntervalSince1970) / period)
        var matched = false
        for offset in -1...1 where counter + Int64(offset) >= 0 {
            // Compare every window so timing does not tell which one matched.
            if constantTimeEqual(code(key: key, counter: UInt64(counter + Int64(offset))), candidate) { matched = true }
        }
        return matched
    }

    /// `otpauth://totp/<issuer>:<account>?secret=…&period=30&digits=6&algorithm=SHA1&issuer=<issuer>`.
    static func keyURI(account: String, issuer: String, secret: String) -> String {
        func escape(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
        }
        return "otpauth://totp/\(escape(issuer)):\(escape(account))?secret=\(secret)&period=30&digits=6&algorithm=SHA1&issuer=\(escape(issuer))"
    }

    static func code(key: [UInt8], counter: UInt64) -> String {
        var message = [UInt8](repeating: 0, count: 8)
        for index in 0..<8 { message[index] = UInt8(truncatingIfNeeded: counter >> (56 - 8 * UInt64(index))) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary = (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        let value = binary % 1_000_000
        let text = String(value)
        return String(repeating: "0", count: digits - text.count) + text
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    static func base32Encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return String(decoding: output, as: UTF8.self)
    }

    static func base32Decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for character in text.uppercased().utf8 where character != UInt8(ascii: "=") && character != UInt8(ascii: " ") {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | UInt32(value)
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> UInt32(bits - 8)) & 0xff))
                bits -= 8
            }
        }
        return output.isEmpty ? nil : output
    }
}
