import PlinthJSON
import Testing

/// The relational schema every items suite runs on, created through /collections, /fields and /relations.
///
/// - `countries` (string key `code`) ← `authors.country` (M2O on a string key)
/// - `authors` (integer key) ← `articles.author` (M2O; O2M alias `authors.articles`, deselect nullifies),
///   ← `links.author` (O2M alias `authors.links`, deselect deletes)
/// - `articles` (uuid key) with `comments` (O2M), `tags` (M2M through `articles_tags`, sorted by `sort`),
///   `blocks` (M2A over `headings` and `paragraphs` through `articles_blocks`, sorted), `translations`
///   (through `articles_translations` to `languages`), `editor` (M2O to directus_users)
/// - `specials`: one field per special flag and typed column
/// - `settings_page`: a singleton
enum ItemsSchema {
    static func integerKey() -> JSON {
        ["field": "id", "type": "integer", "meta": ["hidden": true], "schema": ["is_primary_key": true, "has_auto_increment": true]]
    }

    static func uuidKey() -> JSON {
        ["field": "id", "type": "uuid", "meta": ["hidden": true, "special": ["uuid"]], "schema": ["is_primary_key": true]]
    }

    static func stringKey(_ name: String) -> JSON {
        ["field": .string(name), "type": "string", "meta": ["interface": "input"], "schema": ["is_primary_key": true]]
    }

    static func field(_ name: String, _ type: String, special: [String] = [], schema: JSONObject = [:], meta: JSONObject = [:]) -> JSON {
        var meta = meta
        if !special.isEmpty { meta["special"] = .array(special.map(JSON.string)) }
        return ["field": .string(name), "type": .string(type), "meta": .object(meta), "schema": .object(schema)]
    }

    static func alias(_ name: String, _ special: String) -> JSON {
        ["field": .string(name), "type": "alias", "meta": ["special": [.string(special)], "interface": "list-o2m"]]
    }

    static func collection(_ name: String, key: JSON, _ fields: [JSON], meta: JSONObject = [:]) -> JSON {
        ["collection": .string(name), "meta": .object(meta), "schema": [:], "fields": .array([key] + fields)]
    }

    static func relation(_ collection: String, _ field: String, _ related: JSON, meta: JSONObject = [:], onDelete: String? = "SET NULL") -> JSON {
        var body: JSONObject = ["collection": .string(collection), "field": .string(field), "related_collection": related, "meta": .object(meta)]
        body["schema"] = onDelete.map { ["on_delete": .string($0)] } ?? .null
        return .object(body)
    }

    /// Every collection, field and relation, in an order the API accepts.
    static var collections: [JSON] {
        [
            collection("countries", key: stringKey("code"), [field("name", "string")]),
            collection("authors", key: integerKey(), [
                field("name", "string", schema: ["is_nullable": false, "max_length": 60]),
                field("email", "string", schema: ["is_unique": true]),
                field("country", "string", special: ["m2o"]),
                field("birthday", "date"),
                field("active", "boolean", schema: ["default_value": true]),
                field("score", "float"),
                field("salary", "decimal", schema: ["numeric_precision": 10, "numeric_scale": 2]),
                field("followers", "bigInteger"),
                field("profile", "json"),
                field("nicknames", "csv", special: ["cast-csv"]),
            ]),
            collection("articles", key: uuidKey(), [
                field("title", "string", schema: ["is_nullable": false, "max_length": 80]),
                field("slug", "string", schema: ["is_unique": true]),
                field("body", "text"),
                field("status", "string", schema: ["default_value": "draft"]),
                field("rating", "integer"),
                field("views", "bigInteger"),
                field("price", "decimal", schema: ["numeric_precision": 10, "numeric_scale": 2]),
                field("published_at", "timestamp"),
                field("published_on", "date"),
                field("author", "integer", special: ["m2o"]),
                field("editor", "uuid", special: ["m2o"]),
                field("metadata", "json"),
            ]),
            collection("comments", key: integerKey(), [
                field("article", "uuid", special: ["m2o"]), field("body", "string"), field("score", "integer"),
            ]),
            collection("tags", key: integerKey(), [field("name", "string")]),
            collection("articles_tags", key: integerKey(), [
                field("articles_id", "uuid"), field("tags_id", "integer"), field("sort", "integer"),
            ], meta: ["hidden": true]),
            collection("headings", key: integerKey(), [field("text", "string")]),
            collection("paragraphs", key: uuidKey(), [field("body", "text")]),
            collection("articles_blocks", key: integerKey(), [
                field("articles_id", "uuid"), field("item", "string"), field("collection", "string"), field("sort", "integer"),
            ], meta: ["hidden": true]),
            collection("languages", key: stringKey("code"), [field("name", "string"), field("direction", "string")]),
            collection("articles_translations", key: integerKey(), [
                field("articles_id", "uuid"), field("languages_code", "string"), field("title", "string"),
            ], meta: ["hidden": true]),
            collection("links", key: integerKey(), [field("author", "integer", special: ["m2o"]), field("url", "string")]),
            collection("specials", key: uuidKey(), [
                field("title", "string"),
                field("date_created", "timestamp", special: ["date-created"]),
                field("date_updated", "timestamp", special: ["date-updated"]),
                field("user_created", "uuid", special: ["user-created"]),
                field("user_updated", "uuid", special: ["user-updated"]),
                field("role_created", "uuid", special: ["role-created"]),
                field("role_updated", "uuid", special: ["role-updated"]),
                field("flag", "boolean", special: ["cast-boolean"]),
                field("data", "json", special: ["cast-json"]),
                field("list", "csv", special: ["cast-csv"]),
                field("stamp", "timestamp", special: ["cast-timestamp"]),
                field("password", "hash", special: ["hash"]),
                field("secret", "string", special: ["conceal"]),
                field("big", "bigInteger"),
                field("amount", "decimal", schema: ["numeric_precision": 20, "numeric_scale": 5]),
                field("ratio", "float"),
                field("day", "date"),
                field("moment", "dateTime"),
                field("clock", "time"),
            ]),
            collection("settings_page", key: integerKey(), [field("title", "string"), field("subtitle", "string")], meta: ["singleton": true]),
        ]
    }

    static var aliases: [(collection: String, field: JSON)] {
        [
            ("authors", alias("articles", "o2m")), ("authors", alias("links", "o2m")),
            ("articles", alias("comments", "o2m")), ("articles", alias("tags", "m2m")),
            ("articles", alias("blocks", "m2a")), ("articles", alias("translations", "translations")),
        ]
    }

    static var relations: [JSON] {
        [
            relation("authors", "country", "countries"),
            relation("articles", "author", "authors", meta: ["one_field": "articles"]),
            relation("articles", "editor", "directus_users"),
            relation("links", "author", "authors", meta: ["one_field": "links", "one_deselect_action": "delete"]),
            relation("comments", "article", "articles", meta: ["one_field": "comments"]),
            relation("articles_tags", "articles_id", "articles", meta: ["one_field": "tags", "junction_field": "tags_id", "sort_field": "sort"], onDelete: "CASCADE"),
            relation("articles_tags", "tags_id", "tags", meta: ["junction_field": "articles_id"], onDelete: "CASCADE"),
            relation("articles_blocks", "articles_id", "articles", meta: ["one_field": "blocks", "junction_field": "item", "sort_field": "sort"], onDelete: "CASCADE"),
            relation("articles_blocks", "item", .null, meta: [
                "one_allowed_collections": ["headings", "paragraphs"], "one_collection_field": "collection", "junction_field": "articles_id",
            ], onDelete: nil),
            relation("articles_translations", "articles_id", "articles", meta: ["one_field": "translations", "junction_field": "languages_code"], onDelete: "CASCADE"),
            relation("articles_translations", "languages_code", "languages", meta: ["junction_field": "articles_id"], onDelete: "CASCADE"),
        ]
    }

    /// Creates the schema through the API.
    static func create(on host: ItemsHost) async throws {
        for body in collections {
            try await expectOK(host.send("POST", "/collections", body: body), "collection \(body["collection"]!.stringValue!)")
        }
        for (collection, field) in aliases {
            try await expectOK(host.send("POST", "/fields/\(collection)", body: field), "alias \(collection).\(field["field"]!.stringValue!)")
        }
        for body in relations {
            try await expectOK(host.send("POST", "/relations", body: body), "relation \(body["collection"]!.stringValue!).\(body["field"]!.stringValue!)")
        }
    }

    static func expectOK(_ reply: ItemsHost.Reply, _ what: String) throws {
        guard reply.status == 200 || reply.status == 204 else {
            throw SeedError(message: "seeding \(what) failed: \(reply)")
        }
    }

    struct SeedError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
