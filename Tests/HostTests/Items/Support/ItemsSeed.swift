import PlinthJSON
import Testing

/// The rows the read suites query, created through POST /items. Keys are fixed so tests can name them.
enum ItemsSeed {
    static func article(_ n: Int) -> String { "00000000-0000-4000-8000-00000000000\(n)" }
    static func paragraph(_ n: Int) -> String { "10000000-0000-4000-8000-00000000000\(n)" }

    static let a1 = article(1), a2 = article(2), a3 = article(3), a4 = article(4), a5 = article(5), a6 = article(6)
    /// Every article key in primary-key order.
    static let articleKeys = [a1, a2, a3, a4, a5, a6]

    static let countries: JSON = [
        ["code": "nl", "name": "Netherlands"], ["code": "fr", "name": "France"],
        ["code": "de", "name": "Germany"], ["code": "us", "name": "United States"],
    ]

    static let authors: JSON = json(#"""
    [
      {"id": 1, "name": "Ada Lovelace", "email": "ada@example.com", "country": "nl", "birthday": "1815-12-10", "active": true,
       "score": 9.5, "salary": "1000.50", "followers": 9007199254740993, "profile": {"lang": "en", "langs": ["en", "fr"], "level": 3},
       "nicknames": ["enchantress", "countess"]},
      {"id": 2, "name": "Grace Hopper", "email": "grace@example.com", "country": "us", "birthday": "1906-12-09", "active": true,
       "score": 8.25, "salary": "2000.00", "followers": 12, "profile": {"lang": "en", "level": 5}, "nicknames": ["amazing grace"]},
      {"id": 3, "name": "Linus", "email": "linus@example.com", "country": null, "birthday": null, "active": false,
       "score": null, "salary": null, "followers": 0, "profile": null, "nicknames": null},
      {"id": 4, "name": "Margaret Hamilton", "email": "margaret@example.com", "country": "us", "birthday": "1936-08-17", "active": true,
       "score": 7, "salary": "1500.75", "followers": 100, "profile": {"lang": "fr", "level": 1}, "nicknames": []}
    ]
    """#)

    static var articles: JSON {
        json(#"""
        [
          {"id": "\#(a1)", "title": "Hello World", "slug": "hello-world", "body": "The first post, about Swift.", "status": "published",
           "rating": 5, "views": 1000, "price": "9.99", "published_at": "2021-03-04T05:06:07.000Z", "published_on": "2021-03-04",
           "author": 1, "metadata": {"color": "red", "size": {"w": 10, "h": 20}, "tags": ["x", "y"], "n": 3}},
          {"id": "\#(a2)", "title": "Second Post", "slug": "second-post", "body": "More about SQL.", "status": "published",
           "rating": 3, "views": 250, "price": "19.50", "published_at": "2022-06-15T12:00:00.000Z", "published_on": "2022-06-15",
           "author": 1, "metadata": {"color": "blue", "n": 10}},
          {"id": "\#(a3)", "title": "Draft Notes", "slug": "draft-notes", "body": "", "status": "draft",
           "rating": null, "views": 0, "price": null, "published_at": null, "published_on": null, "author": 2, "metadata": null},
          {"id": "\#(a4)", "title": "hello again", "slug": "hello-again", "body": "Swift and SQL together.", "status": "published",
           "rating": 4, "views": 75, "price": "5.00", "published_at": "2022-12-31T23:59:59.000Z", "published_on": "2022-12-31",
           "author": 4, "metadata": {"color": "red", "n": 1}},
          {"id": "\#(a5)", "title": "Archived_100%", "slug": "archived", "body": null, "status": "archived",
           "rating": 1, "views": 9007199254740993, "price": "100.00", "published_at": "2020-01-01T00:00:00.000Z", "published_on": "2020-01-01",
           "author": null, "metadata": {"color": "green", "n": 7}},
          {"id": "\#(a6)", "title": "Zebra", "slug": "zebra", "body": "Stripes.", "status": "draft",
           "rating": 2, "views": 10, "price": "0.50", "published_at": "2023-07-01T10:00:00.000Z", "published_on": "2023-07-01",
           "author": 3, "metadata": {"color": "black", "n": 2}}
        ]
        """#)
    }

    static var comments: JSON {
        json(#"""
        [
          {"id": 1, "article": "\#(a1)", "body": "Great", "score": 5},
          {"id": 2, "article": "\#(a1)", "body": "Nice", "score": 4},
          {"id": 3, "article": "\#(a1)", "body": "meh", "score": 1},
          {"id": 4, "article": "\#(a2)", "body": "Great too", "score": 2},
          {"id": 5, "article": "\#(a4)", "body": "Hmm", "score": 3}
        ]
        """#)
    }

    static let tags: JSON = [["id": 1, "name": "swift"], ["id": 2, "name": "sql"], ["id": 3, "name": "web"], ["id": 4, "name": "unused"]]

    /// a1 → sql (sort 1), swift (sort 2): junction sort differs from key order.
    static var articlesTags: JSON {
        json(#"""
        [
          {"id": 1, "articles_id": "\#(a1)", "tags_id": 1, "sort": 2},
          {"id": 2, "articles_id": "\#(a1)", "tags_id": 2, "sort": 1},
          {"id": 3, "articles_id": "\#(a2)", "tags_id": 3, "sort": 1},
          {"id": 4, "articles_id": "\#(a4)", "tags_id": 1, "sort": 1},
          {"id": 5, "articles_id": "\#(a4)", "tags_id": 3, "sort": 2}
        ]
        """#)
    }

    static let headings: JSON = [["id": 1, "text": "Intro"], ["id": 2, "text": "Outro"]]

    static var paragraphs: JSON {
        [["id": .string(paragraph(1)), "body": "Lorem ipsum"], ["id": .string(paragraph(2)), "body": "Dolor sit"]]
    }

    static var articlesBlocks: JSON {
        json(#"""
        [
          {"id": 1, "articles_id": "\#(a1)", "collection": "headings", "item": "1", "sort": 1},
          {"id": 2, "articles_id": "\#(a1)", "collection": "paragraphs", "item": "\#(paragraph(1))", "sort": 2},
          {"id": 3, "articles_id": "\#(a1)", "collection": "headings", "item": "2", "sort": 3},
          {"id": 4, "articles_id": "\#(a2)", "collection": "paragraphs", "item": "\#(paragraph(2))", "sort": 1}
        ]
        """#)
    }

    static let languages: JSON = [["code": "en", "name": "English", "direction": "ltr"], ["code": "ar", "name": "Arabic", "direction": "rtl"]]

    static var translations: JSON {
        json(#"""
        [
          {"id": 1, "articles_id": "\#(a1)", "languages_code": "en", "title": "Hello World"},
          {"id": 2, "articles_id": "\#(a1)", "languages_code": "ar", "title": "مرحبا بالعالم"},
          {"id": 3, "articles_id": "\#(a2)", "languages_code": "en", "title": "Second"}
        ]
        """#)
    }

    static let links: JSON = [["id": 1, "author": 1, "url": "https://ada.example"], ["id": 2, "author": 1, "url": "https://engine.example"],
                              ["id": 3, "author": 2, "url": "https://cobol.example"]]

    /// Creates every row through the API (array creates), children after their parents.
    static func create(on host: ItemsHost) async throws {
        let batches: [(String, JSON)] = [
            ("countries", countries), ("authors", authors), ("articles", articles), ("comments", comments), ("tags", tags),
            ("articles_tags", articlesTags), ("headings", headings), ("paragraphs", paragraphs), ("articles_blocks", articlesBlocks),
            ("languages", languages), ("articles_translations", translations), ("links", links),
        ]
        for (collection, rows) in batches {
            try ItemsSchema.expectOK(try await host.send("POST", "/items/\(collection)", body: rows), "items of \(collection)")
        }
        try ItemsSchema.expectOK(try await host.send("PATCH", "/items/settings_page", body: ["title": "Plinth", "subtitle": "Items"]), "singleton")
    }
}

/// Seeded hosts shared by the items suites: one per database and purpose, started and seeded once.
actor ItemsHosts {
    static let shared = ItemsHosts()

    /// What a shared host is for; each gets its own database.
    enum Purpose: String {
        /// Read-only suites: schema and seed rows, never written to.
        case read
        /// Write suites: schema and seed rows; each test writes rows of its own.
        case write
        /// Small limits (MAX_BATCH_MUTATION=3, QUERY_LIMIT_DEFAULT=2, QUERY_LIMIT_MAX=4, MAX_RELATIONAL_DEPTH=2),
        /// with the schema and a few countries and tags.
        case limits
        /// Schema and seed rows, plus roles, policies, permissions and users written with SQL.
        case permissions
    }

    private var hosts: [String: Task<ItemsHost, Error>] = [:]

    /// The shared host for `purpose` on `database`, started and seeded on first use.
    func host(_ database: DatabaseKind, _ purpose: Purpose) async throws -> ItemsHost {
        let key = "\(database.rawValue)/\(purpose.rawValue)"
        if let existing = hosts[key] { return try await existing.value }
        let task = Task { () -> ItemsHost in
            switch purpose {
            case .limits: return try await Self.limited(database)
            case .permissions:
                let host = try await Self.seeded(database)
                for statement in ItemsPermissionsTests.Seed.statements(database) { try host.sql(statement) }
                return host
            case .read, .write: return try await Self.seeded(database)
            }
        }
        hosts[key] = task
        return try await task.value
    }

    /// A host with small query and batch limits.
    static func limited(_ database: DatabaseKind) async throws -> ItemsHost {
        let host = try await ItemsHost(database, environment: ["MAX_BATCH_MUTATION": "3", "QUERY_LIMIT_DEFAULT": "2", "QUERY_LIMIT_MAX": "4",
                                                                "MAX_RELATIONAL_DEPTH": "2"])
        try await ItemsSchema.create(on: host)
        for (collection, rows) in [("countries", ItemsSeed.countries), ("tags", ItemsSeed.tags)] {
            for row in rows.arrayValue ?? [] {
                try ItemsSchema.expectOK(try await host.send("POST", "/items/\(collection)", body: row), "items of \(collection)")
            }
        }
        return host
    }

    /// A new host with the schema and the seed rows.
    static func seeded(_ database: DatabaseKind, environment: [String: String] = [:]) async throws -> ItemsHost {
        let host = try await ItemsHost(database, environment: environment)
        try await ItemsSchema.create(on: host)
        try await ItemsSeed.create(on: host)
        return host
    }
}
