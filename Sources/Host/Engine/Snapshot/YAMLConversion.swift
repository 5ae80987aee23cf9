import Foundation
import PlinthJSON
import Yams

/// JSON ↔ YAML for snapshots (`?export=yaml`, `plinth schema snapshot`, YAML uploads to /schema/diff).
enum YAMLConversion {
    /// YAML text for a JSON value, keeping key order.
    static func yaml(_ value: JSON) throws -> String {
        try Yams.serialize(node: node(value), sortKeys: false)
    }

    /// Parses YAML (a superset of JSON) into a JSON value.
    static func json(fromYAML text: String) throws -> JSON {
        guard let root = try Yams.compose(yaml: text) else { return .null }
        return json(root)
    }

    private static func node(_ value: JSON) -> Node {
        switch value {
        case .null: return Node("null", Tag(.null))
        case .bool(let flag): return Node(flag ? "true" : "false", Tag(.bool))
        case .number(let text): return Node(text, Tag(text.contains(".") || text.contains("e") || text.contains("E") ? .float : .int))
        case .string(let text): return Node(text, Tag(.str), Node.Scalar.Style.any)
        case .array(let items): return Node(items.map(node))
        case .object(let object): return Node(object.map { (Node($0.key), node($0.value)) })
        }
    }

    private static func json(_ node: Node) -> JSON {
        switch node {
        case .scalar:
            switch node.any {
            case is NSNull: return .null
            case let flag as Bool: return .bool(flag)
            case let integer as Int: return .int(integer)
            case let double as Double: return .double(double)
            case let date as Date: return .string(ISO8601DateFormatter().string(from: date))
            default: return .string(node.string ?? "")
            }
        case .sequence(let sequence): return .array(sequence.map(json))
        case .mapping(let mapping):
            return .object(JSONObject(mapping.map { ($0.key.string ?? "", json($0.value)) }))
        }
    }
}
