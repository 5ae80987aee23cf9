import Foundation
import PlinthJSON
import PluginKit

/// The `?export=` formats of Directus's `respond` middleware.
enum ExportFormat: String {
    case json, csv, csv_utf8, xml, yaml

    /// The Content-Type Directus answers with (Express adds `charset=utf-8` to every text type).
    var contentType: String {
        switch self {
        case .json: "application/json; charset=utf-8"
        case .csv, .csv_utf8: "text/csv; charset=utf-8"
        case .xml: "text/xml; charset=utf-8"
        case .yaml: "text/yaml; charset=utf-8"
        }
    }

    /// The file name extension: both CSV variants are `.csv`.
    var fileExtension: String { self == .csv_utf8 ? "csv" : rawValue }

    /// `data` in this format, byte for byte what Directus's ExportService.transform produces.
    func render(_ data: JSON) throws -> String {
        switch self {
        case .json: JS.stringify(data, indent: "\t")
        case .csv: CSVExport.render(data, byteOrderMark: false)
        case .csv_utf8: CSVExport.render(data, byteOrderMark: true)
        case .xml: try XMLExport.render(data)
        case .yaml: YAMLExport.render(data)
        }
    }
}

/// A response's `data` sent as a downloadable file.
enum ExportFile {
    /// The attachment for the `data` member of `envelope`, named `<collection> <timestamp>.<ext>`.
    static func response(_ envelope: [UInt8], format: ExportFormat, collection: String, now: Date = Date()) throws -> Response {
        let data = try JSON.parse(envelope)["data"] ?? .null
        let filename = "\(collection) \(timestamp(now)).\(format.fileExtension)"
        return Response(status: 200, headers: [("content-type", format.contentType), ("content-disposition", contentDisposition(filename))],
                        body: Array(try format.render(data).utf8))
    }

    /// Directus's `getDateTimeFormatted()`: local time as `YYYYMMDD-HMS`, where hours, minutes and
    /// seconds are not zero-padded (13:05:09 is `1359`), as Directus writes it.
    static func timestamp(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { let text = String(value ?? 0); return text.count == 1 ? "0" + text : text }
        return "\(parts.year ?? 0)\(two(parts.month))\(two(parts.day))-\(parts.hour ?? 0)\(parts.minute ?? 0)\(parts.second ?? 0)"
    }

    /// `attachment; filename="…"` as Express's `res.attachment` writes it (the `content-disposition`
    /// package): a quoted ISO-8859-1 name, plus `filename*` in UTF-8 when the name needs it.
    static func contentDisposition(_ path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        let units = Array(name.utf16)
        let quotable = !units.isEmpty && units.allSatisfy { (0x20...0x7E).contains($0) || (0x80...0xFF).contains($0) }
        let fallback = String(decoding: units.map { (0x20...0x7E).contains($0) || (0xA0...0xFF).contains($0) ? $0 : 0x3F }, as: UTF16.self)
        let hasFallback = fallback != name
        var header = "attachment"
        if quotable || hasFallback {
            header += "; filename=\"" + (hasFallback ? fallback : name).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        if hasFallback || !quotable || name.range(of: "%[0-9A-Fa-f]{2}", options: .regularExpression) != nil {
            header += "; filename*=UTF-8''" + percentEncoded(name)
        }
        return header
    }

    /// RFC 5987 encoding: `encodeURIComponent`, then also `'()*`.
    private static func percentEncoded(_ text: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~".utf8)
        var out = ""
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
