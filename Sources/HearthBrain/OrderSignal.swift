/// An `order` signal: the text to match and how to match it.
public struct OrderSignal: Sendable, Equatable {
    public enum MatchingType: String, Sendable, Equatable, CaseIterable {
        case normal
        case strict
        case orderedStrict = "ordered-strict"
        case notContain = "not-contain"
    }

    public struct Correction: Sendable, Equatable {
        public var input: String
        public var output: String
        public init(input: String, output: String) {
            self.input = input
            self.output = output
        }
    }

    /// The text as written, placeholders included (reported as `matched_order`).
    public var text: String
    public var matchingType: MatchingType
    public var excludedWords: [String]
    public var sttCorrections: [Correction]
    /// The signal words, lowercased, placeholders kept as their own tokens.
    public let tokens: [OrderToken]

    public init(text: String, matchingType: MatchingType = .normal, excludedWords: [String] = [], sttCorrections: [Correction] = []) {
        self.text = text
        self.matchingType = matchingType
        self.excludedWords = excludedWords.map { $0.lowercased() }
        self.sttCorrections = sttCorrections
        self.tokens = OrderToken.tokenize(signal: text)
    }

    /// The literal (non-placeholder) words, lowercased.
    public var literalWords: [String] {
        tokens.compactMap { if case .word(let word) = $0 { return word } else { return nil } }
    }

    public var placeholderNames: [String] {
        tokens.compactMap { if case .placeholder(let name) = $0 { return name } else { return nil } }
    }
}

/// A word of an order signal: a literal word or a `{{ name }}` placeholder.
public enum OrderToken: Sendable, Equatable {
    case word(String)
    case placeholder(String)

    /// Splits signal text on white space, with `{{ name }}` (spaces inside the
    /// braces optional) as one placeholder token. Literal words are lowercased.
    public static func tokenize(signal text: String) -> [OrderToken] {
        var tokens: [OrderToken] = []
        func appendWords(_ segment: Substring) {
            for word in segment.split(whereSeparator: \.isWhitespace) { tokens.append(.word(word.lowercased())) }
        }
        // A "{{" without a later "}}" is text like any other.
        var rest = text[...]
        while let open = rest.firstRange(of: "{{"), let close = rest[open.lowerBound...].firstRange(of: "}}") {
            appendWords(rest[..<open.lowerBound])
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            if !name.isEmpty { tokens.append(.placeholder(name)) }
            rest = rest[close.upperBound...]
        }
        appendWords(rest)
        return tokens
    }
}

import Foundation
