import Testing
@testable import HearthBrain

struct JSONTests {
    @Test func roundTripsEveryKindOfValue() throws {
        let value: Value = ["flag": true, "count": 3, "ratio": 1.5, "none": nil, "text": "é \"quoted\" \n", "list": [1, "two", [:]]]
        #expect(try JSON.decode(JSON.encode(value)) == value)
        #expect(try JSON.decode(JSON.encode(value, pretty: true)) == value)
    }

    @Test func writesSortedKeysLikeFlask() {
        #expect(JSON.encode(["b": 1, "a": [true, nil]]) == #"{"a": [true, null], "b": 1}"#)
    }

    @Test(arguments: [
        (3.0, "3.0"), (-2.0, "-2.0"), (0.0, "0.0"), (-0.0, "-0.0"), (1514764800.0, "1514764800.0"),
        (0.1, "0.1"), (-1.25, "-1.25"), (1e15, "1000000000000000.0"), (1e17, "1e+17"), (1.5e-7, "1.5e-07"),
    ])
    func writesWholeDoublesWithOneDecimalAndOthersShortest(_ number: Double, _ text: String) throws {
        #expect(JSON.encode(.double(number)) == text)
        #expect(try JSON.decode(text) == .double(number))
    }

    @Test func escapesControlCharactersAsUnicode() throws {
        #expect(JSON.encode("a\u{01}b\u{1f}\t") == #""a\u0001b\u001f\t""#)
        #expect(try JSON.decode(JSON.encode("a\u{01}b\u{1f}\t")) == "a\u{01}b\u{1f}\t")
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        #expect(try JSON.decode(#""caf\u00e9 \ud83d\ude00 \/""#) == "café 😀 /")
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"open", "01x", "{\"a\":1} x", "\"\\q\""])
    func rejectsMalformedInput(_ text: String) {
        #expect(throws: JSON.ParseError.self) { try JSON.decode(text) }
    }

    @Test func refusesDeepNesting() {
        #expect(throws: JSON.ParseError.self) { try JSON.decode(String(repeating: "[", count: 10_000)) }
    }
}
