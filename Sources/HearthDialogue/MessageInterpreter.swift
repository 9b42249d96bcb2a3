import Foundation
import HearthBrain

/// Turns a user's text into Rasa's `parse_data`: `{text, intent {name,
/// confidence}, intent_ranking, entities}`.
///
/// - `/intent{"entity": "value"}` is read directly (confidence 1.0; each
///   entity's `start` is the index of `{` and `end` the text's length).
/// - Any other text goes through the brain's order matcher: each matching
///   synapse is an intent named after it, its `{{ placeholders }}` are
///   entities; a domain intent also matches text that says its name
///   (`good_bye` matches "good bye"). The first match is the intent; no
///   match is intent `null` with confidence 0.
public struct MessageInterpreter: Sendable {
    /// The synapses an order matches, with the brain as it is now.
    public typealias OrderMatches = @Sendable (String) async -> [OrderMatcher.Match]

    private let matchOrder: OrderMatches
    private let intentSignals: [(intent: String, signal: OrderSignal)]

    public init(domain: Domain, matchOrder: @escaping OrderMatches) {
        self.matchOrder = matchOrder
        self.intentSignals = domain.intents.map { intent in
            let words = intent.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
            return (intent, OrderSignal(text: words, matchingType: .strict))
        }
    }

    public func parse(_ text: String) async -> Value {
        if let direct = Self.parseDirect(text) { return direct }
        var ranking: [(name: String, entities: [Value])] = []
        for match in await matchOrder(text) where !ranking.contains(where: { $0.name == match.synapse.name }) {
            // The matcher lowercases values, as Kalliope does; entities keep the user's case.
            let parameters = OrderMatching.match(text, signal: match.signal, keepCase: true) ?? match.parameters
            ranking.append((match.synapse.name, parameters.keys.sorted().map { Self.entity($0, parameters[$0]!, in: text) }))
        }
        let words = OrderMatching.Words(text)
        for (intent, signal) in intentSignals where !ranking.contains(where: { $0.name == intent }) {
            if OrderMatching.match(words, signal: signal) != nil { ranking.append((intent, [])) }
        }
        guard let best = ranking.first else {
            return Self.parseData(text: text, intent: nil, confidence: 0, ranking: [], entities: [])
        }
        return Self.parseData(text: text, intent: best.name, confidence: 1, ranking: ranking.map(\.name), entities: best.entities)
    }

    /// `/greet{"name": "Rasa"}`; nil when the text is not of that form.
    static func parseDirect(_ text: String) -> Value? {
        guard text.hasPrefix("/") else { return nil }
        let body = text.dropFirst()
        let brace = body.firstIndex(of: "{")
        let name = Self.trimmingSpaces(body[..<(brace ?? body.endIndex)])
        guard !name.isEmpty else { return nil }
        var entities: [Value] = []
        if let brace, case .map(let fields)? = try? JSON.decode(String(body[brace...])) {
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: brace)
            let end = text.unicodeScalars.count
            entities = fields.keys.sorted().map {
                ["entity": .string($0), "value": fields[$0]!, "start": .int(start), "end": .int(end)]
            }
        }
        return parseData(text: text, intent: name, confidence: 1, ranking: [name], entities: entities)
    }

    /// Without the spaces and tabs around it, as Foundation's
    /// `trimmingCharacters(in: .whitespaces)` has it, without going through
    /// NSString for every message.
    static func trimmingSpaces(_ text: Substring) -> String {
        func isSpace(_ character: Character) -> Bool {
            character == "\t" || character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .spaceSeparator }
        }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(text[first...last])
    }

    private static func parseData(text: String, intent: String?, confidence: Double, ranking: [String], entities: [Value]) -> Value {
        [
            "text": .string(text),
            "intent": ["name": intent.map(Value.string) ?? .null, "confidence": .double(confidence)],
            "intent_ranking": .list(ranking.map { ["name": .string($0), "confidence": .double(confidence)] }),
            "entities": .list(entities),
        ]
    }

    /// An entity from a placeholder value, with its position in the text
    /// (counted in Unicode scalars, as Python counts).
    private static func entity(_ name: String, _ value: String, in text: String) -> Value {
        var entity: Value = ["entity": .string(name), "value": .string(value)]
        if let range = text.range(of: value, options: .caseInsensitive), case .map(var fields) = entity {
            let scalars = text.unicodeScalars
            let start = scalars.distance(from: scalars.startIndex, to: range.lowerBound)
            fields["start"] = .int(start)
            fields["end"] = .int(start + scalars.distance(from: range.lowerBound, to: range.upperBound))
            entity = .map(fields)
        }
        return entity
    }
}
