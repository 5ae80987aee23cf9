import PlinthJSON
import Testing

/// The JSON value type every layer passes around: key order, number text, escapes, and
/// objects small (linear lookups) and large (hash index) alike.
@Suite struct PlinthJSONTests {
    @Test func stringsEncodeWithTheirEscapesAndRunsIntact() throws {
        let text = "plain \"quoted\" back\\slash\nnew\rret\ttab\u{08}\u{0C}\u{00}\u{1F} ünï 😀 " + String(repeating: "x", count: 100)
        let encoded = String(decoding: JSON.string(text).encoded(), as: UTF8.self)
        #expect(encoded == "\"plain \\\"quoted\\\" back\\\\slash\\nnew\\rret\\ttab\\u0008\\u000c\\u0000\\u001f ünï 😀 " + String(repeating: "x", count: 100) + "\"")
        #expect(try JSON.parse(Array(encoded.utf8)) == .string(text))
        #expect(JSON.string("").encoded() == Array("\"\"".utf8))
        #expect(JSON.quote("a\"b") == "\"a\\\"b\"")
    }

    @Test func parsingKeepsKeyOrderNumberTextAndSkipsWhitespace() throws {
        let value = try JSON.parse(Array(" \t\r\n{ \"b\" : 1.50 ,\n \"a\":[ true , false , null ], \"big\": 12345678901234567890 } \n".utf8))
        #expect(value.objectValue?.keys == ["b", "a", "big"])
        #expect(value["b"] == .number("1.50"))
        #expect(String(decoding: value.encoded(), as: UTF8.self) == "{\"b\":1.50,\"a\":[true,false,null],\"big\":12345678901234567890}")
        #expect(throws: JSONParseError.self) { try JSON.parse(Array("{\"a\":1,}".utf8)) }
        #expect(throws: JSONParseError.self) { try JSON.parse(Array("[1] x".utf8)) }
    }

    @Test func objectsOfAnySizeLookUpSetAndRemoveInOrder() {
        for size in [0, 1, 5, 12, 13, 40] {
            var object = JSONObject()
            for index in 0..<size { object["k\(index)"] = .int(index) }
            #expect(object.count == size)
            #expect(object.keys == (0..<size).map { "k\($0)" })
            for index in 0..<size { #expect(object["k\(index)"] == .int(index)) }
            #expect(object["missing"] == nil)
            // Replacing keeps the position; removing closes the gap; re-adding appends.
            if size > 2 {
                object["k1"] = "one"
                #expect(object.keys[1] == "k1")
                object["k0"] = nil
                #expect(object.keys.first == "k1")
                #expect(object["k0"] == nil && object.count == size - 1)
                for index in 1..<size { #expect(object.contains("k\(index)")) }
                object["k0"] = true
                #expect(object.keys.last == "k0" && object["k0"] == true)
                #expect(object["k\(size - 1)"] == .int(size - 1))
            }
        }
    }

    @Test func objectsAreEqualWhateverTheirOrderAndRepeatedKeysKeepTheLastValue() {
        let forward = JSONObject((0..<20).map { ("k\($0)", JSON.int($0)) })
        let backward = JSONObject((0..<20).reversed().map { ("k\($0)", JSON.int($0)) })
        #expect(forward == backward)
        var different = backward
        different["k3"] = "three"
        #expect(forward != different)
        let repeated = JSONObject([("a", JSON.int(1)), ("b", 2), ("a", 3)])
        #expect(repeated.keys == ["a", "b"] && repeated["a"] == .int(3))
        #expect(JSONObject([("a", JSON.int(1))]) != JSONObject([("a", JSON.int(1)), ("b", 2)]))
    }
}
