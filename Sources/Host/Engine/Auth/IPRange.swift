import Foundation

/// Matching an IP address against `ip_access` entries: single addresses, CIDR ranges and `a-b` ranges, IPv4 and IPv6.
enum IPRange {
    static func matches(_ ip: String, any entries: [String]) -> Bool {
        guard let address = parse(ip) else { return false }
        return entries.contains { matches(address, $0) }
    }

    private static func matches(_ address: [UInt8], _ entry: String) -> Bool {
        if let slash = entry.firstIndex(of: "/") {
            guard let network = parse(String(entry[..<slash])), network.count == address.count,
                  let bits = Int(entry[entry.index(after: slash)...]), bits >= 0, bits <= network.count * 8 else { return false }
            for index in 0..<network.count {
                let remaining = bits - index * 8
                if remaining <= 0 { break }
                let mask: UInt8 = remaining >= 8 ? 0xFF : UInt8(0xFF << (8 - remaining))
                if address[index] & mask != network[index] & mask { return false }
            }
            return true
        }
        if let dash = entry.firstIndex(of: "-"), let low = parse(String(entry[..<dash])), let high = parse(String(entry[entry.index(after: dash)...])),
           low.count == address.count, high.count == address.count {
            return !address.lexicographicallyPrecedes(low) && !high.lexicographicallyPrecedes(address)
        }
        return parse(entry) == address
    }

    /// Whether `entry` is an address, an `a-b` range or a CIDR block.
    static func isValidEntry(_ entry: String) -> Bool {
        if let slash = entry.firstIndex(of: "/") {
            guard let network = parse(String(entry[..<slash])), let bits = Int(entry[entry.index(after: slash)...]) else { return false }
            return bits >= 0 && bits <= network.count * 8
        }
        if let dash = entry.firstIndex(of: "-") {
            guard let low = parse(String(entry[..<dash])), let high = parse(String(entry[entry.index(after: dash)...])) else { return false }
            return low.count == high.count
        }
        return parse(entry) != nil
    }

    /// The bytes of an IPv4 or IPv6 address (IPv4-mapped IPv6 reduced to IPv4).
    static func parse(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF { return Array(bytes[12...]) }
        return bytes
    }
}
