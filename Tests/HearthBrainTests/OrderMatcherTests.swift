import Testing
@testable import HearthBrain

/// Kalliope's matching rules (spec/kalliope.md, "Order matching"), one row per case.
struct OrderMatchingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var signal: OrderSignal
        var order: String
        var expected: [String: String]?
        var testDescription: String { "\(signal.matchingType.rawValue) '\(signal.text)' ← '\(order)'" }
    }

    static let cases: [Case] = [
        // normal: multiset containment, order and extra words ignored
        Case(signal: OrderSignal(text: "hello"), order: "hello", expected: [:]),
        Case(signal: OrderSignal(text: "Hello"), order: "HELLO there", expected: [:]),
        Case(signal: OrderSignal(text: "what time is it"), order: "it is what time", expected: [:]),
        Case(signal: OrderSignal(text: "what time is it"), order: "please tell me what time it is now", expected: [:]),
        Case(signal: OrderSignal(text: "what time is it"), order: "what time", expected: nil),
        Case(signal: OrderSignal(text: "go go"), order: "go", expected: nil),
        Case(signal: OrderSignal(text: "go go"), order: "go now go", expected: [:]),
        Case(signal: OrderSignal(text: ""), order: "anything", expected: nil),
        Case(signal: OrderSignal(text: "hello"), order: "", expected: nil),
        Case(signal: OrderSignal(text: "hello"), order: "hello?", expected: nil),
        // parameters (the spec's example)
        Case(
            signal: OrderSignal(text: "give me the weather at {{ location }} for {{ date }}"),
            order: "give me the weather at St Pierre de Chartreuse for tomorrow",
            expected: ["location": "st pierre de chartreuse", "date": "tomorrow"]),
        Case(signal: OrderSignal(text: "search {{query}}"), order: "search Swift Concurrency", expected: ["query": "swift concurrency"]),
        Case(signal: OrderSignal(text: "{{ query }}"), order: "Anything At All", expected: ["query": "anything at all"]),
        Case(signal: OrderSignal(text: "weather in {{ city }}"), order: "weather in", expected: [:]),
        Case(signal: OrderSignal(text: "from {{ a }} {{ b }} end"), order: "from x y end", expected: ["a": "x", "b": "y"]),
        // strict: as many words as the order once parameters are filled in
        Case(signal: OrderSignal(text: "say hello", matchingType: .strict), order: "hello say", expected: [:]),
        Case(signal: OrderSignal(text: "say hello", matchingType: .strict), order: "say hello please", expected: nil),
        Case(
            signal: OrderSignal(text: "say {{ word }} now", matchingType: .strict), order: "say big hello now",
            expected: ["word": "big hello"]),
        // ordered-strict: the filled-in words equal the order's
        Case(signal: OrderSignal(text: "say hello", matchingType: .orderedStrict), order: "say hello", expected: [:]),
        Case(signal: OrderSignal(text: "say hello", matchingType: .orderedStrict), order: "hello say", expected: nil),
        Case(signal: OrderSignal(text: "Say Hello", matchingType: .orderedStrict), order: "say HELLO", expected: [:]),
        Case(
            signal: OrderSignal(text: "play {{ song }} loud", matchingType: .orderedStrict), order: "play yellow submarine loud",
            expected: ["song": "yellow submarine"]),
        // not-contain
        Case(signal: OrderSignal(text: "music", matchingType: .notContain, excludedWords: ["stop"]), order: "play music", expected: [:]),
        Case(signal: OrderSignal(text: "music", matchingType: .notContain, excludedWords: ["stop"]), order: "stop music", expected: nil),
        Case(signal: OrderSignal(text: "music", matchingType: .notContain, excludedWords: ["Stop"]), order: "STOP the music", expected: nil),
        // stt-correction replaces substrings before the comparison
        Case(
            signal: OrderSignal(text: "turn on the light", sttCorrections: [.init(input: "lite", output: "light")]),
            order: "turn on the lite", expected: [:]),
        Case(
            signal: OrderSignal(text: "what is {{ value }} plus {{ other }}", sttCorrections: [.init(input: "+", output: "plus")]),
            order: "what is 2 + 3", expected: ["value": "2", "other": "3"]),
    ]

    @Test(arguments: cases)
    func matchesLikeKalliope(_ row: Case) {
        #expect(OrderMatching.match(row.order, signal: row.signal) == row.expected)
    }

    @Test func answersKeepTheUsersCaseWhenAsked() {
        let answer = OrderSignal(text: "my name is {{ name }}")
        #expect(OrderMatching.match("My Name Is Ada Lovelace", signal: answer, keepCase: true) == ["name": "Ada Lovelace"])
        #expect(OrderMatching.match("My Name Is Ada Lovelace", signal: answer) == ["name": "ada lovelace"])
    }

    @Test func tokenizesPlaceholdersWithOrWithoutSpaces() {
        #expect(OrderToken.tokenize(signal: "Play {{song}} by {{ artist }}")
            == [.word("play"), .placeholder("song"), .word("by"), .placeholder("artist")])
    }

    @Test(arguments: [
        ("turn on{{room}}lights", [OrderToken.word("turn"), .word("on"), .placeholder("room"), .word("lights")]),
        ("say {{ }} twice", [.word("say"), .word("twice")]),
        ("unclosed {{name here", [.word("unclosed"), .word("{{name"), .word("here")]),
        ("  Spaced\tOUT\n words ", [.word("spaced"), .word("out"), .word("words")]),
        ("{{a}}{{b}}", [.placeholder("a"), .placeholder("b")]),
        ("Café {{ où }}", [.word("café"), .placeholder("où")]),
    ])
    func tokenizesBracesAndWhiteSpaceAnywhere(_ signal: String, _ tokens: [OrderToken]) {
        #expect(OrderToken.tokenize(signal: signal) == tokens)
    }
}

struct OrderMatcherTests {
    func synapse(_ name: String, _ orders: [OrderSignal], enabled: Bool = true) -> Synapse {
        Synapse(
            name: name, enabled: enabled,
            signals: orders.map { Signal(name: "order", parameters: .string($0.text), kind: .order($0)) },
            neurons: [NeuronCall(name: "say", parameters: ["message": "ok"])])
    }

    @Test func everyMatchingSynapseRunsInBrainOrder() {
        let brain = Brain(synapses: [
            synapse("lights-off", [OrderSignal(text: "off")]),
            synapse("good-night", [OrderSignal(text: "good night")]),
            synapse("lights-all", [OrderSignal(text: "lights")]),
            synapse("night-mode", [OrderSignal(text: "night")]),
        ])
        let names = OrderMatcher(brain: brain).match("good night lights off").map(\.synapse.name)
        #expect(names == ["lights-off", "good-night", "lights-all", "night-mode"])
    }

    @Test func aSynapseMatchesOnceWithItsFirstMatchingSignal() {
        let brain = Brain(synapses: [synapse("greet", [OrderSignal(text: "hello {{ who }}"), OrderSignal(text: "hello")])])
        let matches = OrderMatcher(brain: brain).match("hello world")
        #expect(matches.count == 1)
        #expect(matches.first?.signal.text == "hello {{ who }}")
        #expect(matches.first?.parameters == ["who": "world"])
    }

    @Test func disabledSynapsesAreSkipped() {
        let brain = Brain(synapses: [
            synapse("first", [OrderSignal(text: "hello")], enabled: false),
            synapse("second", [OrderSignal(text: "hello")]),
        ])
        #expect(OrderMatcher(brain: brain).match("hello").map(\.synapse.name) == ["second"])
    }

    @Test func correctionAppliesToItsOwnSignalOnly() {
        // Kalliope leaked "lite" → "light" into the next synapse's test.
        let brain = Brain(synapses: [
            synapse("corrected", [OrderSignal(text: "light", sttCorrections: [.init(input: "lite", output: "light")])]),
            synapse("literal", [OrderSignal(text: "light")]),
        ])
        #expect(OrderMatcher(brain: brain).match("lite").map(\.synapse.name) == ["corrected"])
    }

    @Test func indexFindsSignalsFiledUnderAnyOfTheirWords() {
        // "the" is common, so each signal is filed under its rare word; the
        // order must still find them whichever word it shares.
        var synapses: [Synapse] = []
        for index in 0..<200 { synapses.append(synapse("filler-\(index)", [OrderSignal(text: "the thing\(index)")])) }
        synapses.append(synapse("lamp", [OrderSignal(text: "the lamp")]))
        synapses.append(synapse("anything", [OrderSignal(text: "{{ everything }}")]))
        let matcher = OrderMatcher(brain: Brain(synapses: synapses))
        #expect(matcher.match("switch on the lamp").map(\.synapse.name) == ["lamp", "anything"])
        #expect(matcher.match("the thing42").map(\.synapse.name) == ["filler-42", "anything"])
        #expect(matcher.match("nothing here").map(\.synapse.name) == ["anything"])
    }

    @Test func matcherAgreesWithScanningEveryShuffledSignal() {
        // The index must never change the answer: compare it to a plain scan.
        let words = ["on", "off", "light", "kitchen", "music", "play", "stop", "the", "time", "what"]
        var generator = SystemRandomNumberGenerator()
        var synapses: [Synapse] = []
        for index in 0..<300 {
            let count = Int.random(in: 1...3, using: &generator)
            let text = (0..<count).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            let type = OrderSignal.MatchingType.allCases.randomElement(using: &generator)!
            synapses.append(synapse("s-\(index)", [OrderSignal(text: text, matchingType: type, excludedWords: ["stop"])]))
        }
        let brain = Brain(synapses: synapses)
        let matcher = OrderMatcher(brain: brain)
        for _ in 0..<200 {
            let order = (0..<Int.random(in: 1...5, using: &generator)).map { _ in words.randomElement(using: &generator)! }
                .joined(separator: " ")
            let scanned = brain.synapses.filter { OrderMatching.match(order, signal: $0.orderSignals[0]) != nil }.map(\.name)
            #expect(matcher.match(order).map(\.synapse.name) == scanned, "order: \(order)")
        }
    }
}
