/// Finds every enabled synapse an order matches, in brain order.
///
/// Built once per brain. Each order signal is filed under its rarest literal
/// word, so an order only tests the signals filed under one of its own words
/// (plus the few that must always be tested: signals with stt-correction,
/// whose corrected text may hold words the order lacks, and signals made
/// only of placeholders). Cost grows with the number of candidates, not with
/// the size of the brain.
public struct OrderMatcher: Sendable {
    public struct Match: Sendable, Equatable {
        public var synapse: Synapse
        public var signal: OrderSignal
        public var parameters: [String: String]
    }

    private struct Entry: Sendable {
        var synapseIndex: Int
        var signalIndex: Int
        var signal: OrderSignal
    }

    private let synapses: [Synapse]
    private let entries: [Entry]
    private let byRarestWord: [String: [Int]]
    private let alwaysTested: [Int]

    public init(brain: Brain) {
        synapses = brain.synapses
        var entries: [Entry] = []
        for (synapseIndex, synapse) in brain.synapses.enumerated() where synapse.enabled {
            for (signalIndex, signal) in synapse.orderSignals.enumerated() where !signal.tokens.isEmpty {
                entries.append(Entry(synapseIndex: synapseIndex, signalIndex: signalIndex, signal: signal))
            }
        }
        var documentFrequency: [String: Int] = [:]
        for entry in entries {
            for word in Set(entry.signal.literalWords) { documentFrequency[word, default: 0] += 1 }
        }
        var byRarestWord: [String: [Int]] = [:]
        var alwaysTested: [Int] = []
        for (position, entry) in entries.enumerated() {
            let words = entry.signal.literalWords
            if !entry.signal.sttCorrections.isEmpty || words.isEmpty {
                alwaysTested.append(position)
                continue
            }
            let rarest = words.min { documentFrequency[$0, default: 0] < documentFrequency[$1, default: 0] }!
            byRarestWord[rarest, default: []].append(position)
        }
        self.entries = entries
        self.byRarestWord = byRarestWord
        self.alwaysTested = alwaysTested
    }

    /// Every matching synapse, in brain order; within a synapse the first
    /// matching signal counts.
    public func match(_ order: String) -> [Match] {
        let words = OrderMatching.Words(order)
        guard !words.lowered.isEmpty else { return [] }
        var candidates = alwaysTested
        var seenWords = Set<String>()
        for word in words.lowered where seenWords.insert(word).inserted {
            if let filed = byRarestWord[word] { candidates += filed }
        }
        // Entries were appended in brain order, so their positions sort that way.
        candidates.sort()
        var matches: [Match] = []
        var lastMatchedSynapse = -1
        for position in candidates {
            let entry = entries[position]
            if entry.synapseIndex == lastMatchedSynapse { continue }
            let parameters: [String: String]?
            if entry.signal.sttCorrections.isEmpty {
                parameters = OrderMatching.match(words, signal: entry.signal)
            } else {
                parameters = OrderMatching.match(order, signal: entry.signal)
            }
            if let parameters {
                matches.append(Match(synapse: synapses[entry.synapseIndex], signal: entry.signal, parameters: parameters))
                lastMatchedSynapse = entry.synapseIndex
            }
        }
        return matches
    }
}
