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
