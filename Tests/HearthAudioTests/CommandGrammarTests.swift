import HearthBrain
import Testing
@testable import HearthAudio

@Suite struct CommandGrammarTests {
    @Test func ordersBecomeWordSequencesAndPlaceholdersSlots() {
        let grammar = CommandGrammar(orders: [
            OrderSignal(text: "What time is it?"),
            OrderSignal(text: "what is the weather in {{ city }}"),
            OrderSignal(text: "what time is it"),  // a duplicate
            OrderSignal(text: "{{ a }} {{ b }}"),  // only slots: not an order to listen for
        ])
        #expect(grammar.phrases == [["what", "time", "is", "it"], ["what", "is", "the", "weather", "in", nil]])
        #expect(grammar.vocabulary == ["what", "time", "is", "it", "the", "weather", "in"])
        #expect(grammar.hasSlots)
        let orders = grammar.jsgf(phoneLoopAlternative: false)
        #expect(orders.contains("(what is the weather in <slot>)"))
        #expect(orders.contains("<slot> = <phone> <phone>*;"))
        // Orders are rejected by how well they fit, answers by the phone loop.
        #expect(orders.contains("public <utterance> = <order>;"))
        #expect(grammar.jsgf(phoneLoopAlternative: true).contains("public <utterance> = <order> | <slot>;"))
    }

    @Test func spokenWordsDropPunctuationAndKeepApostrophes() {
        #expect(CommandGrammar.spokenWords("Bonjour!") == ["bonjour"])
        #expect(CommandGrammar.spokenWords("what's on/off") == ["what's", "on", "off"])
    }

    @Test func disabledSynapsesAreNotListenedFor() {
        let brain = Brain(synapses: [
            Synapse(name: "on", signals: [Signal(name: "order", parameters: .string("lights on"), kind: .order(OrderSignal(text: "lights on")))], neurons: []),
            Synapse(name: "off", enabled: false, signals: [Signal(name: "order", parameters: .string("lights off"), kind: .order(OrderSignal(text: "lights off")))], neurons: []),
        ])
        #expect(CommandGrammar(brain: brain).phrases == [["lights", "on"]])
    }
}
