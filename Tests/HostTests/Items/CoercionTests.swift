import Foundation
import PlinthJSON
import Testing
@testable import Host

/// Coercion of filter values and query parameters.
@Suite struct CoercionTests {
    /// The ASCII fast path trims exactly what Foundation's `.whitespaces` trims.
    @Test func trimmingMatchesFoundation() {
        let samples = ["", " ", "\t", "500", " 500", "500 ", "\t5\t", "a b", "\n5\n", "5\n", "\u{A0}5", "5\u{A0}", "\u{3000}x\u{3000}",
                       "é", " é ", "x\u{2003}", "\u{2003}", "title", " title , body ", "\r5", "5\u{0B}"]
        for sample in samples {
            #expect(Coercion.trimmed(sample) == sample.trimmingCharacters(in: .whitespaces), "\(sample.debugDescription)")
        }
    }

    @Test func keysAndNumbersAreCoercedForIntegerFields() {
        #expect(Coercion.value(.string("500"), .integer) == .number("500"))
        #expect(Coercion.value(.string(" 500\t"), .integer) == .number("500"))
        #expect(Coercion.value(.string("\u{A0}7"), .integer) == .number("7"))
        #expect(Coercion.value(.string("1.5"), .integer) == .double(1.5))
        #expect(Coercion.value(.string("abc"), .integer) == nil)
        #expect(QuerySanitizer.integer(.string(" 12 ")) == 12)
    }
}
