import HearthBrain
import HearthTestSupport
import Testing
@testable import HearthAudio

/// Speech to text and the wake word on flite speech. One test at a time:
/// each loads the models, and several at once starve the timing tests of
/// other suites on a two-core machine.
@Suite(.serialized) struct VoiceRecognitionTests {
    static let orders = CommandGrammar(orders: [
        OrderSignal(text: "what time is it"),
        OrderSignal(text: "turn on the kitchen lights"),
        OrderSignal(text: "what is the weather in {{ city }}"),
        OrderSignal(text: "synapse2"),
    ])

    static func transcribe(
        _ samples: [Int16], mode: CommandRecognizer.Mode = .orders,
        minimumScorePerSecond: Double = CommandRecognizer.defaultMinimumScorePerSecond
    ) throws -> Transcript {
        let commands = try CommandRecognizer(
            recognizer: SpeechFixtures.recognizer(), languageModel: SpeechFixtures.languageModel(),
            minimumScorePerSecond: minimumScorePerSecond)
        try commands.setOrders(Self.orders)
        try commands.begin(mode)
        try commands.feed(SpeechFixtures.silence(0.3)[...])
        try commands.feed(samples[...])
        try commands.feed(SpeechFixtures.silence(0.3)[...])
        return try commands.end()
    }

    @Test func anOrderIsRecognised() async throws {
        try await offPool { try Self.anOrderIsRecognised() }
    }

    static func anOrderIsRecognised() throws {
        let transcript = try transcribe(SpeechFixtures.say("turn on the kitchen lights", voice: "awb"))
        #expect(transcript == Transcript(text: "turn on the kitchen lights", rejected: false, grammarHypothesis: "turn on the kitchen lights"))
    }

    @Test func speechThatIsNotAnOrderIsRejected() async throws {
        try await offPool { try Self.speechThatIsNotAnOrderIsRejected() }
    }

    static func speechThatIsNotAnOrderIsRejected() throws {
        let transcript = try transcribe(SpeechFixtures.say("the children are playing in the garden"))
        #expect(transcript.rejected)
        #expect(transcript.text.isEmpty)
    }

    @Test func itIsHowBadlyTheNearestOrderFitsThatRejects() async throws {
        try await offPool { try Self.itIsHowBadlyTheNearestOrderFitsThatRejects() }
    }

    /// Orders have no phone loop to lose to: the sentence is decoded as the
    /// order nearest to it, and the score of that fit decides.
    static func itIsHowBadlyTheNearestOrderFitsThatRejects() throws {
        let speech = try SpeechFixtures.say("the children are playing in the garden")
        let forced = try transcribe(speech, minimumScorePerSecond: -.infinity)
        #expect(!forced.rejected)
        #expect(Self.orders.phrases.contains { $0.compactMap { $0 } == forced.grammarHypothesis.split(separator: " ").map(String.init) }
            || forced.grammarHypothesis.hasPrefix("what is the weather in"))
        #expect(try transcribe(speech).rejected)
    }

    @Test func theRejectionScoreComesFromSettings() throws {
        func score(_ value: String) throws -> Double? {
            let text = "speech_to_text:\n  - pocketsphinx:\n      min_score_per_second: \(value)\n"
            return VoiceAssistant.minimumScorePerSecond(try SettingsLoader.load(text: text, name: "settings.yml").settings)
        }
        #expect(try score("-0.6") == -0.6)
        #expect(try score("-1") == -1)
        // A score is at most 0 (a perfect fit): anything else is left to the default.
        #expect(try score("0.5") == nil)
        #expect(try score("high") == nil)
    }

    @Test func aPlaceholderIsReadFromTheLanguageModel() async throws {
        try await offPool { try Self.aPlaceholderIsReadFromTheLanguageModel() }
    }

    static func aPlaceholderIsReadFromTheLanguageModel() throws {
        let transcript = try transcribe(SpeechFixtures.say("what is the weather in london"))
        #expect(transcript.text == "what is the weather in london")
        #expect(!transcript.rejected)
    }

    @Test func aWordMissingFromTheDictionaryIsPronouncedForTheGrammar() async throws {
        try await offPool { try Self.aWordMissingFromTheDictionaryIsPronouncedForTheGrammar() }
    }

    static func aWordMissingFromTheDictionaryIsPronouncedForTheGrammar() throws {
        let transcript = try transcribe(SpeechFixtures.say("synapse two", voice: "rms"))
        #expect(transcript.text == "synapse2")
    }

    @Test func freeTextUsesTheLanguageModel() async throws {
        try await offPool { try Self.freeTextUsesTheLanguageModel() }
    }

    static func freeTextUsesTheLanguageModel() throws {
        let transcript = try transcribe(SpeechFixtures.say("what time is it"), mode: .freeText)
        #expect(transcript.text == "what time is it")
    }

    @Test func thePipelineHearsTheWakeWordThenTheOrder() async throws {
        try await offPool { try Self.thePipelineHearsTheWakeWordThenTheOrder() }
    }

    static func thePipelineHearsTheWakeWordThenTheOrder() throws {
        let recognizer = try SpeechFixtures.recognizer()
        let commands = try CommandRecognizer(recognizer: recognizer, languageModel: SpeechFixtures.languageModel())
        try commands.setOrders(Self.orders)
        let wake = try WakeWordDetector(recognizer: recognizer, settings: .standard)
        let pipeline = try ListeningPipeline(wake: wake, commands: commands)
        let order = try SpeechFixtures.say("what time is it")
        let phrase = try SpeechFixtures.say("hey hearth")
        // Speech before the wake word is not an order.
        let stream = try SpeechFixtures.say("the dog barked at the postman") + SpeechFixtures.silence(1)
            + phrase + SpeechFixtures.silence(0.4) + order + SpeechFixtures.silence(1)
        var events: [ListeningEvent] = []
        for start in stride(from: 0, to: stream.count, by: 320) {
            events += try pipeline.feed(Array(stream[start..<min(stream.count, start + 320)]))
        }
        let wakes = events.compactMap { if case .wake(let at) = $0 { at } else { nil } }
        let heard = events.compactMap { if case .utterance(let heard) = $0 { heard } else { nil } }
        try #require(wakes.count == 1 && heard.count == 1)
        let phraseEnd = Double(stream.count - order.count - 16000 - 6400) / 16000
        #expect(abs(wakes[0] - phraseEnd) < 0.5)
        #expect(heard[0].transcript.text == "what time is it")
        #expect(heard[0].start > wakes[0] && heard[0].end < Double(stream.count) / 16000)
    }

    @Test func deafStopsTheWakeWordButNotTheButton() async throws {
        try await offPool { try Self.deafStopsTheWakeWordButNotTheButton() }
    }

    static func deafStopsTheWakeWordButNotTheButton() throws {
        let recognizer = try SpeechFixtures.recognizer()
        let commands = try CommandRecognizer(recognizer: recognizer, languageModel: SpeechFixtures.languageModel())
        try commands.setOrders(Self.orders)
        let pipeline = try ListeningPipeline(wake: WakeWordDetector(recognizer: recognizer, settings: .standard), commands: commands)
        pipeline.isDeaf = true
        let stream = try SpeechFixtures.silence(0.5) + SpeechFixtures.say("hey hearth") + SpeechFixtures.silence(0.4)
            + SpeechFixtures.say("what time is it") + SpeechFixtures.silence(1)
        var events = try pipeline.feed(stream)
        #expect(events.isEmpty)
        pipeline.listenNow()
        events = try pipeline.feed(SpeechFixtures.silence(0.1) + SpeechFixtures.say("what time is it") + SpeechFixtures.silence(1))
        #expect(events.contains { if case .utterance(let heard) = $0 { heard.transcript.text == "what time is it" } else { false } })
    }
}
