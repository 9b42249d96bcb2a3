import HearthBrain

/// Brains of any size with orders that look like a household's: a few
/// words from a vocabulary of a few thousand, some with placeholders, every
/// matching type represented. Seeded, so every run measures the same brain.
struct GeneratedBrain {
    let brain: Brain
    /// Orders a user might say: most match one synapse (with extra words),
    /// some match nothing.
    let orders: [String]

    init(synapses count: Int, seed: UInt64 = 42) {
        var random = SeededGenerator(seed: seed)
        let (synapses, orderTexts) = Self.synapses(count, random: &random)
        brain = Brain(synapses: synapses)
        var orders: [String] = []
        for index in 0..<1000 {
            if index % 4 == 3 {
                orders.append("sing me something \(Self.word(count * 7 + index)) now")
            } else {
                orders.append("hey " + orderTexts.randomElement(using: &random)!)
            }
        }
        self.orders = orders
    }

    /// Only the synapses (for measuring what a loaded brain keeps), with the
    /// order a user would say for each.
    static func synapses(_ count: Int, seed: UInt64 = 42) -> [Synapse] {
        var random = SeededGenerator(seed: seed)
        return synapses(count, random: &random).0
    }

    private static func synapses(_ count: Int, random: inout SeededGenerator) -> ([Synapse], [String]) {
        let vocabulary = (0..<max(400, count / 3)).map { word($0) }
        let common = ["the", "a", "please", "turn", "on", "off", "in", "what", "is", "set", "to", "my"]
        var synapses: [Synapse] = []
        var orderTexts: [String] = []
        for index in 0..<count {
            var words = (0..<Int.random(in: 1...2, using: &random)).map { _ in common.randomElement(using: &random)! }
            words += (0..<Int.random(in: 1...3, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }
            words.shuffle(using: &random)
            let hasPlaceholder = index % 5 == 0
            let text = words.joined(separator: " ") + (hasPlaceholder ? " {{ value }}" : "")
            let type: OrderSignal.MatchingType = [.normal, .normal, .normal, .strict, .orderedStrict, .notContain][index % 6]
            let signal = OrderSignal(text: text, matchingType: type, excludedWords: type == .notContain ? ["never"] : [])
            synapses.append(Synapse(
                name: "generated-\(index)",
                signals: [Signal(name: "order", parameters: .string(text), kind: .order(signal))],
                neurons: [NeuronCall(name: "say", parameters: ["message": .string("done \(index)")])]))
            orderTexts.append(words.joined(separator: " ") + (hasPlaceholder ? " forty two" : ""))
        }
        return (synapses, orderTexts)
    }

    /// Distinct pronounceable words: "bako", "dilu", ...
    static func word(_ number: Int) -> String {
        let consonants = Array("bdfgklmnprstvz")
        let vowels = Array("aeiou")
        var value = number
        var text = ""
        repeat {
            text.append(consonants[value % consonants.count])
            value /= consonants.count
            text.append(vowels[value % vowels.count])
            value /= vowels.count
        } while value > 0
        return text
    }
}

/// SplitMix64: small, fast and reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
