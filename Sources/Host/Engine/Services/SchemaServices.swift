import PlinthJSON

/// Registers the `/collections`, `/fields` and `/relations` services (docs/services.md).
enum SchemaServices {
    static func register(in runtime: Runtime) {
        let services = runtime.services
        func engine() throws -> Engine {
            guard let engine = runtime.engine else { throw APIError.serviceUnavailable("database") }
            return engine
        }
        func string(_ args: JSON, _ key: String) throws -> String {
            guard let value = args[key]?.stringValue else { throw APIError.invalidPayload("\"\(key)\" is required") }
            return value
        }
        services.register("collections.list/1") { context, _ in try CollectionsService(engine: engine()).list(context) }
        services.register("collections.read/1") { context, args in try CollectionsService(engine: engine()).read(string(args, "collection"), context) }
        services.register("collections.create/1") { context, args in try CollectionsService(engine: engine()).create(args["data"] ?? .null, context) }
        services.register("collections.update/1") { context, args in
            try CollectionsService(engine: engine()).update(string(args, "collection"), args["data"] ?? .null, context)
        }
        services.register("collections.update_many/1") { context, args in try CollectionsService(engine: engine()).updateMany(args["data"] ?? .null, context) }
        services.register("collections.delete/1") { context, args in
            try CollectionsService(engine: engine()).delete(string(args, "collection"), context)
            return .null
        }

        services.register("fields.list/1") { context, args in try FieldsService(engine: engine()).list(collection: args["collection"]?.stringValue, context) }
        services.register("fields.read/1") { context, args in try FieldsService(engine: engine()).read(string(args, "collection"), string(args, "field"), context) }
        services.register("fields.create/1") { context, args in
            try FieldsService(engine: engine()).create(string(args, "collection"), args["data"] ?? .null, context)
        }
        services.register("fields.update/1") { context, args in
            try FieldsService(engine: engine()).update(string(args, "collection"), string(args, "field"), args["data"] ?? .null, context)
        }
        services.register("fields.update_many/1") { context, args in
            try FieldsService(engine: engine()).updateMany(string(args, "collection"), args["data"] ?? .null, context)
        }
        services.register("fields.delete/1") { context, args in
            try FieldsService(engine: engine()).delete(string(args, "collection"), string(args, "field"), context)
            return .null
        }

        services.register("relations.list/1") { context, args in try RelationsService(engine: engine()).list(collection: args["collection"]?.stringValue, context) }
        services.register("relations.read/1") { context, args in
            try RelationsService(engine: engine()).read(string(args, "collection"), string(args, "field"), context)
        }
        services.register("relations.create/1") { context, args in try RelationsService(engine: engine()).create(args["data"] ?? .null, context) }
        services.register("relations.update/1") { context, args in
            try RelationsService(engine: engine()).update(string(args, "collection"), string(args, "field"), args["data"] ?? .null, context)
        }
        services.register("schema.snapshot/1") { context, args in
            let snapshot = try SchemaService(engine: engine()).snapshot(context)
            return args["format"]?.stringValue == "yaml" ? ["yaml": .string(try YAMLConversion.yaml(snapshot))] : snapshot
        }
        services.register("schema.diff/1") { context, args in
            let uploaded: JSON
            if let yaml = args["yaml"]?.stringValue {
                do { uploaded = try YAMLConversion.json(fromYAML: yaml) } catch { throw APIError.invalidPayload("The provided YAML is invalid") }
            } else {
                uploaded = args["snapshot"] ?? .null
            }
            return try SchemaService(engine: engine()).diff(uploaded, force: args["force"]?.boolValue ?? false, context) ?? .null
        }
        services.register("schema.apply/1") { context, args in
            var body = args["diff"] ?? .null
            if let yaml = args["yaml"]?.stringValue {
                do { body = try YAMLConversion.json(fromYAML: yaml) } catch { throw APIError.invalidPayload("The provided YAML is invalid") }
            }
            try SchemaService(engine: engine()).apply(body, force: args["force"]?.boolValue ?? false, context)
            return .null
        }
        services.register("relations.delete/1") { context, args in
            try RelationsService(engine: engine()).delete(string(args, "collection"), string(args, "field"), context)
            return .null
        }
    }
}
