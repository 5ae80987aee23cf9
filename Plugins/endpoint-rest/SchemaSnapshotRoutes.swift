import Foundation
import PlinthJSON
import PluginKit

/// `/schema/snapshot`, `/schema/diff`, `/schema/apply`.
enum SchemaSnapshotRoutes {
    static func register(_ host: PluginHost) throws {
        try host.rest("GET", "/schema/snapshot") { exchange in
            let query = try exchange.query()
            if query["export"]?.stringValue == "yaml" {
                let result = try JSON.parse(try exchange.call("schema.snapshot/1", ["format": "yaml"]))
                let name = "snapshot-\(Int(Date().timeIntervalSince1970)).yaml"
                return Response(status: 200, headers: [("content-type", "text/yaml; charset=utf-8"), ("content-disposition", "attachment; filename=\"\(name)\"")],
                                body: Array((result["yaml"]?.stringValue ?? "").utf8))
            }
            return .data(try exchange.call("schema.snapshot/1", [:]))
        }
        try host.rest("POST", "/schema/diff") { exchange in
            var args: JSONObject = ["force": .bool(QueryString.parse(exchange.request.query)["force"] != nil)]
            try upload(exchange, into: &args, jsonKey: "snapshot")
            let result = try exchange.call("schema.diff/1", args)
            return result == Array("null".utf8) ? Exchange.noContent : .data(result)
        }
        try host.rest("POST", "/schema/apply") { exchange in
            let force = QueryString.parse(exchange.request.query)["force"]?.stringValue
            var args: JSONObject = ["force": .bool(force.map { !["false", "0", ""].contains($0.lowercased()) } ?? false)]
            try upload(exchange, into: &args, jsonKey: "diff")
            _ = try exchange.call("schema.apply/1", args)
            return Exchange.noContent
        }
    }

    /// The body as JSON, or the single uploaded file (JSON or YAML) of a multipart body.
    private static func upload(_ exchange: Exchange, into args: inout JSONObject, jsonKey: String) throws {
        let contentType = exchange.request.header("content-type") ?? "application/json"
        if let parts = Multipart.parse(contentType: contentType, body: exchange.request.body) {
            let files = parts.filter { $0.filename != nil }
            guard !files.isEmpty else { throw invalid("No file was included in the body") }
            guard files.count == 1 else { throw invalid("More than one file was included in the body") }
            let file = files[0]
            if file.contentType?.hasPrefix("application/json") == true {
                guard let json = try? JSON.parse(file.body) else { throw invalid("The provided JSON is invalid") }
                args[jsonKey] = json
            } else {
                args["yaml"] = .string(String(decoding: file.body, as: UTF8.self))
            }
            return
        }
        guard contentType.lowercased().hasPrefix("application/json") else {
            throw PluginError.directus(code: "UNSUPPORTED_MEDIA_TYPE", message: "Unsupported media type \"\(contentType)\".", status: 415)
        }
        let body = try exchange.body()
        if body.isNull || body.objectValue?.isEmpty == true { throw invalid("No data was included in the body") }
        args[jsonKey] = body
    }

    private static func invalid(_ reason: String) -> PluginError {
        PluginError(PLINTH_ERR_INVALID, "{\"message\":\(JSON.quote("Invalid payload. \(reason).")),\"code\":\"INVALID_PAYLOAD\",\"status\":400,\"reason\":\(JSON.quote(reason))}")
    }
}
