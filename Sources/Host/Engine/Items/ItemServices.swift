import PlinthJSON

/// Registers the items services (docs/services.md): reads return the whole `{"data", "meta"}` envelope as bytes.
enum ItemServices {
    static func register(in runtime: Runtime) {
        let services = runtime.services
        func service(_ context: CallContext?, _ args: JSON) throws -> ItemsService {
            guard let engine = runtime.engine else { throw APIError.serviceUnavailable("database") }
            guard let name = args["collection"]?.stringValue else { throw APIError.invalidPayload("\"collection\" is required") }
            // System collections have their own routes; /items never serves them.
            if args["system"]?.boolValue != true, name.hasPrefix("directus_") { throw APIError.forbidden() }
            return try ItemsService(engine: engine, context: context, collection: name)
        }
        services.registerRaw("items.read/1") { context, args in
            let items = try service(context, args)
            let query = try QuerySanitizer.object(args["query"] ?? .object([:]), "query")
            if let id = args["id"]?.stringValue ?? args["id"].flatMap({ $0.intValue.map(String.init) }) {
                if items.collection.singleton { throw APIError.forbidden() }
                return envelope(try items.readOne(id, query), meta: nil)
            }
            if items.collection.singleton {
                let (data, meta) = try items.readSingletonWithMeta(query)
                return envelope(data, meta: meta)
            }
            if let keys = args["keys"]?.arrayValue { return envelope(try items.readMany(keys, query), meta: nil) }
            let (data, meta) = try items.readByQuery(query)
            return envelope(data, meta: meta)
        }
        registerWrites(in: runtime, service)
    }

    static func registerWrites(in runtime: Runtime, _ service: @escaping (CallContext?, JSON) throws -> ItemsService) {
        let services = runtime.services
        let noContent = Array("null".utf8)
        func query(_ args: JSON) throws -> JSONObject { try QuerySanitizer.object(args["query"] ?? .object([:]), "query") }
        func reply(_ data: [UInt8]?) -> [UInt8] { data.map { envelope($0, meta: nil) } ?? noContent }
        services.registerRaw("items.create/1") { context, args in
            reply(try service(context, args).create(args["data"] ?? .null, query: try query(args)))
        }
        services.registerRaw("items.update/1") { context, args in
            let items = try service(context, args)
            if let id = args["id"]?.stringValue ?? args["id"].flatMap({ $0.intValue.map(String.init) }) {
                return reply(try items.updateOne(id, args["data"] ?? .null, query: try query(args)))
            }
            return reply(try items.update(args["data"] ?? .null, query: try query(args)))
        }
        services.registerRaw("items.delete/1") { context, args in
            let items = try service(context, args)
            if let id = args["id"]?.stringValue ?? args["id"].flatMap({ $0.intValue.map(String.init) }) {
                try items.deleteOne(id)
            } else {
                try items.delete(args["data"] ?? .null)
            }
            return noContent
        }
    }

    /// `{["meta": …, ]"data": …}` around already-encoded data (Directus sends `meta` first).
    static func envelope(_ data: [UInt8], meta: JSON?) -> [UInt8] {
        let metaBytes = meta?.encoded()
        var out: [UInt8] = []
        out.reserveCapacity(data.count + (metaBytes?.count ?? 0) + 18)
        out.append(UInt8(ascii: "{"))
        if let metaBytes {
            out += Array("\"meta\":".utf8)
            out += metaBytes
            out.append(UInt8(ascii: ","))
        }
        out += Array("\"data\":".utf8)
        out += data
        out.append(UInt8(ascii: "}"))
        return out
    }
}
