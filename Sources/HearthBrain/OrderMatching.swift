/// Kalliope's matching rules for one order against one signal, and the
/// extraction of `{{ placeholder }}` values.
public enum OrderMatching {
    /// The words of a user order: split on white space, with a lowercased copy
    /// for comparison and the original kept for values that keep their case.
    public struct Words: Sendable {
        public let original: [Substring]
        public let lowered: [String]

        public init(_ order: String) {
            original = order.split(whereSeparator: \.isWhitespace)
            lowered = original.map { $0.lowercased() }
        }
    }

    /// The parameters when `signal` matches `order`, nil when it does not.
    /// `keepCase` keeps the user's case in values (neurotransmitter answers);
    /// otherwise values are lowercased, as Kalliope does.
    public static func match(_ order: String, signal: OrderSignal, keepCase: Bool = false) -> [String: String]? {
        var text = order
        if !signal.sttCorrections.isEmpty {
            // Applies to this signal only: the corrected order never leaks into
            // the tests of the following synapses.
            text = text.lowercased()
            for correction in signal.sttCorrections {
                text = text.replacingOccurrences(of: correction.input.lowercased(), with: correction.output.lowercased())
            }
        }
        return match(Words(text), signal: signal, keepCase: keepCase)
    }

    public static func match(_ words: Words, signal: OrderSignal, keepCase: Bool = false) -> [String: String]? {
        guard !signal.tokens.isEmpty, !words.lowered.isEmpty else { return nil }
        guard containsAll(signal.literalWords, in: words.lowered) else { return nil }
        switch signal.matchingType {
        case .normal:
            return extractParameters(signal.tokens, from: words, keepCase: keepCase)
        case .notContain:
            if signal.excludedWords.contains(where: words.lowered.contains) { return nil }
            return extractParameters(signal.tokens, from: words, keepCase: keepCase)
        case .strict, .orderedStrict:
            let (parameters, instantiated) = instantiate(signal.tokens, from: words)
            guard instantiated.count == words.lowered.count else { return nil }
            if signal.matchingType == .orderedStrict && instantiated != words.lowered { return nil }
            return keepCase ? extractParameters(signal.tokens, from: words, keepCase: true) : parameters
        }
    }

    /// Multiset containment: every signal word occurs in the order at least
    /// as many times as in the signal.
    static func containsAll(_ required: [String], in words: [String]) -> Bool {
        if required.count <= 1 {
            return required.first.map(words.contains) ?? true
        }
        var available: [String: Int] = [:]
        for word in words { available[word, default: 0] += 1 }
        for word in required {
            guard let count = available[word], count > 0 else { return false }
            available[word] = count - 1
        }
        return true
    }

    /// Walks the signal: a literal word consumes the order up to and including
    /// its first occurrence; a placeholder takes the words up to the first
    /// occurrence of the next signal word, or all remaining words when it is
    /// last (one word when another placeholder follows). Empty values are left
    /// out so a neuron that needs them is skipped rather than fed nothing.
    public static func extractParameters(_ tokens: [OrderToken], from words: Words, keepCase: Bool) -> [String: String] {
        var parameters: [String: String] = [:]
        for (name, range) in placeholderSpans(tokens, in: words.lowered) where !range.isEmpty {
            let slice = keepCase ? words.original[range].map(String.init) : Array(words.lowered[range])
            parameters[name] = slice.joined(separator: " ")
        }
        return parameters
    }

    /// Lowercased values and the signal with them filled in, for the strict rules.
    static func instantiate(_ tokens: [OrderToken], from words: Words) -> ([String: String], [String]) {
        let spans = placeholderSpans(tokens, in: words.lowered)
        var parameters: [String: String] = [:]
        var filled: [String] = []
        var spanIndex = 0
        for token in tokens {
            switch token {
            case .word(let word):
                filled.append(word)
            case .placeholder:
                let (name, range) = spans[spanIndex]
                spanIndex += 1
                let value = Array(words.lowered[range])
                if !value.isEmpty { parameters[name] = value.joined(separator: " ") }
                filled += value
            }
        }
        return (parameters, filled)
    }

    private static func placeholderSpans(_ tokens: [OrderToken], in words: [String]) -> [(String, Range<Int>)] {
        var spans: [(String, Range<Int>)] = []
        var position = 0
        for (index, token) in tokens.enumerated() {
            switch token {
            case .word(let word):
                if let found = words[position...].firstIndex(of: word) { position = found + 1 }
            case .placeholder(let name):
                let end: Int
                if index + 1 < tokens.count {
                    if case .word(let next) = tokens[index + 1] {
                        end = words[position...].firstIndex(of: next) ?? words.count
                    } else {
                        end = min(position + 1, words.count)
                    }
                } else {
                    end = words.count
                }
                spans.append((name, position..<max(position, end)))
                position = max(position, end)
            }
        }
        return spans
    }
}
