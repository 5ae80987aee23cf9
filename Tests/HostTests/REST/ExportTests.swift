import Foundation
import Testing

/// `?export=json|csv|csv_utf8|xml|yaml` on list reads: the bodies Directus's ExportService writes
/// (json2csv 5, js2xmlparser 5, js-yaml 4.1; the expected texts were produced by those libraries)
/// and its attachment headers.
@Suite(.serialized) struct ExportTests {
    /// Three articles covering quotes, line breaks, nulls, booleans, nested JSON, empty objects and lists.
    static func seed(_ api: APIHost) async throws {
        _ = try await api.data("POST", "/collections", ["collection": "articles", "meta": [:], "schema": [:], "fields": [
            ["field": "title", "type": "string", "schema": [:]], ["field": "views", "type": "integer", "schema": [:]],
            ["field": "published", "type": "boolean", "schema": [:]], ["field": "meta", "type": "json", "schema": [:]],
            ["field": "body", "type": "text", "schema": [:]],
        ]])
        // Raw JSON keeps the key order of `meta` (a dictionary literal would not), and the key order shows in the exports.
        let items = #"[{"title":"Hello, \"world\"","views":3,"published":true,"meta":{"tags":["a","b"],"author":{"name":"Ann"}},"body":"line1\nline2"},"#
            + #"{"title":"yes","views":null,"published":false,"meta":null,"body":"2024-01-01"},"#
            + #"{"title":"<b>&</b>","views":0,"published":null,"meta":{"empty":{},"list":[]},"body":""}]"#
        let created = try await TestHTTP.request("POST", api.host.baseURL + "/items/articles",
                                                 headers: ["Authorization": "Bearer \(api.token)", "Content-Type": "application/json"], body: Data(items.utf8))
        #expect(created.status == 200, "\(created.text)")
    }

    static let json = [
        "[", "\t{", "\t\t\"id\": 1,", "\t\t\"title\": \"Hello, \\\"world\\\"\",", "\t\t\"views\": 3,", "\t\t\"published\": true,",
        "\t\t\"meta\": {", "\t\t\t\"tags\": [", "\t\t\t\t\"a\",", "\t\t\t\t\"b\"", "\t\t\t],", "\t\t\t\"author\": {", "\t\t\t\t\"name\": \"Ann\"",
        "\t\t\t}", "\t\t},", "\t\t\"body\": \"line1\\nline2\"", "\t},", "\t{", "\t\t\"id\": 2,", "\t\t\"title\": \"yes\",", "\t\t\"views\": null,",
        "\t\t\"published\": false,", "\t\t\"meta\": null,", "\t\t\"body\": \"2024-01-01\"", "\t},", "\t{", "\t\t\"id\": 3,",
        "\t\t\"title\": \"<b>&</b>\",", "\t\t\"views\": 0,", "\t\t\"published\": null,", "\t\t\"meta\": {", "\t\t\t\"empty\": {},",
        "\t\t\t\"list\": []", "\t\t},", "\t\t\"body\": \"\"", "\t}", "]",
    ].joined(separator: "\n")

    static let csv = #"""
        "id","title","views","published","meta.tags","meta.author.name","body","meta","meta.empty","meta.list"
        1,"Hello, ""world""",3,true,"[""a"",""b""]","Ann","line1
        line2",,,
        2,"yes",,false,,,"2024-01-01",,,
        3,"<b>&</b>",0,,,,"",,"{}","[]"
        """#

    static let xml = #"""
        <?xml version='1.0'?>
        <data>
            <data>
                <id>1</id>
                <title>Hello, "world"</title>
                <views>3</views>
                <published>true</published>
                <meta>
                    <tags>a</tags>
                    <tags>b</tags>
                    <author>
                        <name>Ann</name>
                    </author>
                </meta>
                <body>line1
        line2</body>
            </data>
            <data>
                <id>2</id>
                <title>yes</title>
                <views>null</views>
                <published>false</published>
                <meta>null</meta>
                <body>2024-01-01</body>
            </data>
            <data>
                <id>3</id>
                <title>&lt;b>&amp;&lt;/b></title>
                <views>0</views>
                <published>null</published>
                <meta>
                    <empty/>
                </meta>
                <body/>
            </data>
        </data>
        """#

    static let yaml = #"""
        - id: 1
          title: Hello, "world"
          views: 3
          published: true
          meta:
            tags:
              - a
              - b
            author:
              name: Ann
          body: |-
            line1
            line2
        - id: 2
          title: 'yes'
          views: null
          published: false
          meta: null
          body: '2024-01-01'
        - id: 3
          title: <b>&</b>
          views: 0
          published: null
          meta:
            empty: {}
            list: []
          body: ''

        """#

    @Test(arguments: DatabaseKind.allCases)
    func everyFormatHasDirectusBodyAndHeaders(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database)
        defer { api.stop() }
        try await Self.seed(api)
        let expected: [(format: String, body: String, type: String, ext: String)] = [
            ("json", Self.json, "application/json; charset=utf-8", "json"),
            ("csv", Self.csv, "text/csv; charset=utf-8", "csv"),
            ("csv_utf8", "\u{FEFF}" + Self.csv, "text/csv; charset=utf-8", "csv"),
            ("xml", Self.xml, "text/xml; charset=utf-8", "xml"),
            ("yaml", Self.yaml, "text/yaml; charset=utf-8", "yaml"),
        ]
        for (format, body, type, ext) in expected {
            let response = try await api.send("GET", "/items/articles?sort=id&export=\(format)")
            #expect(response.status == 200, "\(format): \(response.text)")
            #expect(response.text == body, "\(format)")
            #expect(response.header("content-type") == type, "\(format)")
            let disposition = response.header("content-disposition") ?? ""
            // Directus's getDateTimeFormatted(): local YYYYMMDD, then unpadded hours, minutes, seconds.
            #expect(disposition.wholeMatch(of: try Regex(#"attachment; filename="articles \d{8}-\d{3,6}\.\#(ext)""#)) != nil, "\(format): \(disposition)")
        }
    }

    @Test(arguments: DatabaseKind.allCases)
    func emptyListsAndSearchBodies(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database)
        defer { api.stop() }
        try await Self.seed(api)
        let none = "/items/articles?filter=\(Query.encode(#"{"id":{"_eq":999}}"#))&export="
        #expect(try await api.send("GET", none + "json").text == "[]")
        let csv = try await api.send("GET", none + "csv_utf8")
        #expect(csv.status == 200)
        #expect(csv.body.isEmpty, "an empty CSV export has no header and no byte order mark")
        #expect(try await api.send("GET", none + "xml").text == "<?xml version='1.0'?>\n<data/>")
        #expect(try await api.send("GET", none + "yaml").text == "[]\n")

        let searched = try await api.send("SEARCH", "/items/articles", ["query": ["export": "yaml", "fields": ["title"], "sort": ["id"], "limit": 2]])
        #expect(searched.text == "- title: Hello, \"world\"\n- title: 'yes'\n")
        #expect(searched.header("content-type") == "text/yaml; charset=utf-8")

        let one = try await api.send("GET", "/items/articles/2?fields=title,views&export=csv")
        #expect(one.text == "\"title\",\"views\"\n\"yes\",", "a single item exports as one row")

        let invalid = try await api.send("GET", "/items/articles?export=pdf")
        #expect(invalid.status == 400)
        #expect(invalid.text.contains("INVALID_QUERY"))
    }

    @Test(arguments: DatabaseKind.allCases)
    func systemListsExportUnderTheirTableName(_ database: DatabaseKind) async throws {
        let api = try await APIHost(database)
        defer { api.stop() }
        let roles = try await api.send("GET", "/roles?fields=name,icon&export=csv")
        #expect(roles.text == "\"name\",\"icon\"\n\"Administrator\",\"verified\"")
        #expect(roles.header("content-disposition")?.hasPrefix("attachment; filename=\"directus_roles ") == true)
        let settings = try await api.send("GET", "/settings?fields=project_name,project_color&export=xml")
        #expect(settings.text == "<?xml version='1.0'?>\n<data>\n    <project_name>Directus</project_name>\n    <project_color>#6644FF</project_color>\n</data>")
        #expect(settings.header("content-disposition")?.hasPrefix("attachment; filename=\"directus_settings ") == true)
    }
}

/// Query-string helpers for tests that put JSON into URLs.
enum Query {
    /// `text` percent-encoded for use as a query value.
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
