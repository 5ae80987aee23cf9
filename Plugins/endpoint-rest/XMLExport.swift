import PlinthJSON
import PluginKit

/// Directus's XML export: js2xmlparser 5 `parse("data", data)` with default options.
///
/// - The root is `<data>`; each item of a list is a `<data>` element inside it.
/// - An object member is an element named by its key; an array repeats the element of its key,
///   one per item (nested arrays are flattened into the same run).
/// - Scalars are text as JavaScript's `String()` writes them (`null` is the text "null").
/// - js2xmlparser's reserved keys keep their meaning: `=` renames the enclosing element, `@…`
///   (with an object value) adds attributes, `#…` adds text to the enclosing element.
/// - Output is indented by four spaces, empty elements self-close, there is no final newline.
/// - Like js2xmlparser's validation, a key that is not an XML name or text with characters XML
///   cannot hold fails the export rather than producing a malformed document.
enum XMLExport {
    static func render(_ data: JSON) throws -> String {
        let root = try Element(name: "data")
        try addValue(data, key: "data", to: root)
        return "<?xml version='1.0'?>\n" + root.serialized(indent: "")
    }

    private static func addValue(_ value: JSON, key: String, to element: Element) throws {
        switch value {
        case .object(let object):
            for member in JS.keys(object) { try addMember(member, object[member]!, to: element) }
        case .array(let items):
            for item in items {
                if case .array = item {
                    try addValue(item, key: key, to: element)
                } else {
                    let child = try Element(name: key)
                    element.children.append(.element(child))
                    try addValue(item, key: key, to: child)
                }
            }
        default:
            try element.addText(JS.string(value))
        }
    }

    private static func addMember(_ key: String, _ value: JSON, to element: Element) throws {
        if key == "=" {
            element.name = try validName(JS.string(value))
        } else if key.hasPrefix("@"), let attributes = value.objectValue {
            for name in JS.keys(attributes) { try element.addAttribute(name, JS.string(attributes[name]!)) }
        } else if key.hasPrefix("#") {
            try addValue(value, key: key, to: element)
        } else if case .array = value {
            try addValue(value, key: key, to: element)
        } else {
            let child = try Element(name: key)
            element.children.append(.element(child))
            try addValue(value, key: key, to: child)
        }
    }

    /// An element under construction; a class because members are added to it after it is attached.
    final class Element {
        enum Node {
            case element(Element)
            case text(String)

            var isText: Bool { if case .text = self { true } else { false } }
        }

        var name: String
        var attributes: [(name: String, value: String)] = []
        var children: [Node] = []

        init(name: String) throws { self.name = try XMLExport.validName(name) }

        func addText(_ text: String) throws {
            guard XMLExport.isValidText(text) else { throw XMLExport.failure("Character data should not contain characters not allowed in XML") }
            children.append(.text(text))
        }

        func addAttribute(_ name: String, _ value: String) throws {
            guard !attributes.contains(where: { $0.name == name }) else {
                throw XMLExport.failure("element \"\(self.name)\" already contains an attribute with the name \"\(name)\"")
            }
            guard XMLExport.isValidText(value) else { throw XMLExport.failure("Attribute text should not contain characters not allowed in XML") }
            attributes.append((try XMLExport.validName(name), value))
        }

        /// xmlcreate's pretty printing: children on their own lines unless they are all text.
        func serialized(indent: String) -> String {
            var out = "<" + name
            for attribute in attributes {
                out += " " + attribute.name + "='" + XMLExport.escape(attribute.value, attribute: true) + "'"
            }
            guard !children.isEmpty else { return out + "/>" }
            let allText = children.allSatisfy(\.isText)
            let inner = indent + "    "
            var content = ""
            for (index, node) in children.enumerated() {
                var next: String
                switch node {
                case .element(let element): next = element.serialized(indent: inner)
                case .text(let text):
                    next = XMLExport.escape(text, attribute: false)
                    if next.isEmpty { continue }
                }
                if !allText, !(index > 0 && node.isText && children[index - 1].isText) { next = "\n" + inner + next }
                content += next
            }
            if !allText { content += "\n" + indent }
            return content.isEmpty ? out + "/>" : out + ">" + content + "</" + name + ">"
        }
    }

    /// xmlcreate's escaping: `&` and `<` always; `'` in (single-quoted) attributes; the `>` of `]]>` in text.
    static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        var brackets = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case "'" where attribute: out += "&apos;"
            case ">" where !attribute && brackets >= 2: out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
            brackets = scalar == "]" ? brackets + 1 : 0
        }
        return out
    }

    /// XML 1.0's Char production.
    static func isValidText(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            return value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
                || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
        }
    }

    /// `name` when it matches XML 1.0's Name production, else the export's failure.
    static func validName(_ name: String) throws -> String {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, isNameStart(first.value), scalars.dropFirst().allSatisfy({ isNameChar($0.value) }) else {
            throw failure(name.isEmpty ? "element name should not be empty" : "element name \"\(name)\" should not contain characters not allowed in XML names")
        }
        return name
    }

    private static func isNameStart(_ value: UInt32) -> Bool {
        value == 0x3A || value == 0x5F || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            || (0xC0...0xD6).contains(value) || (0xD8...0xF6).contains(value) || (0xF8...0x2FF).contains(value)
            || (0x370...0x37D).contains(value) || (0x37F...0x1FFF).contains(value) || (0x200C...0x200D).contains(value)
            || (0x2070...0x218F).contains(value) || (0x2C00...0x2FEF).contains(value) || (0x3001...0xD7FF).contains(value)
            || (0xF900...0xFDCF).contains(value) || (0xFDF0...0xFFFD).contains(value) || (0x10000...0xEFFFF).contains(value)
    }

    private static func isNameChar(_ value: UInt32) -> Bool {
        isNameStart(value) || value == 0x2D || value == 0x2E || value == 0xB7 || (0x30...0x39).contains(value)
            || (0x300...0x36F).contains(value) || (0x203F...0x2040).contains(value)
    }

    /// Directus answers a failed export with a 500; the message says which value could not be written.
    static func failure(_ reason: String) -> PluginError {
        PluginError.directus(code: "INTERNAL_SERVER_ERROR", message: "The data cannot be exported as XML: \(reason).", status: 500)
    }
}
