import Foundation
import HearthBrain
import HearthNeurons
import HearthRuntime
import HearthTestSupport
import Synchronization
import Testing
@testable import HearthAudio

/// A relay that keeps what it hears and lets go after `limit` samples.
final class RecordingRelay: UtteranceRelay {
    private struct State {
        var atWake: Bool
        var unanswered: Bool
        var heard: [Int16] = []
        var utterances = 0
    }

    private let state: Mutex<State>
    let limit: Int

    init(atWake: Bool, unanswered: Bool, limit: Int) {
        state = Mutex(State(atWake: atWake, unanswered: unanswered))
        self.limit = limit
    }

    func takesUtteranceAtWake() -> Bool { state.withLock { $0.atWake ? take(&$0) : false } }
    func takesUnansweredUtterance() -> Bool { state.withLock { $0.unanswered ? take(&$0) : false } }

    private func take(_ state: inout State) -> Bool {
        state.utterances += 1
        state.heard = []
        return true
    }

    func relay(_ samples: [Int16], sampleRate: Int) -> Bool {
        state.withLock { state in
            state.heard += samples
            return state.heard.count < limit
        }
    }

    func stopTakingAtWake() { state.withLock { $0.atWake = false } }
    var heard: [Int16] { state.withLock { $0.heard } }
    var utterances: Int { state.withLock { $0.utterances } }
}

/// The listening pipeline's relay seam, on flite speech: at the wake word
/// (everything to the relay) and after an utterance the brain has no
/// answer for (local first).
@Suite(.serialized) struct UtteranceRelayTests {
    func makeAssistant() async throws -> VoiceAssistant {
        var settings = StarterBrain.loadSettings().settings
        settings.hooks = [:]
        let runtime = Runtime(
            brain: try BrainLoader.load(text: VoiceEndToEndTests.brainYAML, name: "test").brain, settings: settings,
            configuration: RuntimeConfiguration(neurons: CoreNeurons.registry, terminate: {}))
        return try await VoiceAssistant(runtime: runtime)
    }

    /// `hey hearth`, a pause, then `words`, then silence; fed as a
    /// microphone would, 20 ms at a time.
    static func wakeThen(_ words: String, silence: Double = 1.5) throws -> [Int16] {
        try SpeechFixtures.silence(0.5) + SpeechFixtures.say("hey hearth", voice: "rms") + SpeechFixtures.silence(0.4)
            + SpeechFixtures.say(words, voice: "rms") + SpeechFixtures.silence(silence)
    }

    static func feed(_ samples: [Int16], to assistant: VoiceAssistant) throws -> [VoiceOutcome] {
        var outcomes: [VoiceOutcome] = []
        for start in stride(from: 0, to: samples.count, by: 320) {
            outcomes += try assistant.processOnThisThread(Array(samples[start..<min(samples.count, start + 320)]))
        }
        return outcomes
    }

    @Test func atTheWakeWordTheRelayHearsTheUtteranceInsteadOfTheRecogniser() async throws {
        let assistant = try await makeAssistant()
        let relay = RecordingRelay(atWake: true, unanswered: false, limit: 16000 * 3)
        assistant.pipeline.relay = relay
        let order = try await offPool { try SpeechFixtures.say("turn on the kitchen lights", voice: "rms") }
        let relayed = try await offPool {
            try Self.feed(Self.wakeThen("turn on the kitchen lights", silence: 3), to: assistant)
        }
        #expect(assistant.wakeTimes.count == 1)
        #expect(relayed.isEmpty, "the brain ran nothing")
        #expect(relay.utterances == 1)
        #expect(relay.heard.count >= 16000 * 3)
        // The order's own samples reached the relay.
        #expect(VoiceEndToEndTests.contains(relay.heard, order))
        #expect(!assistant.pipeline.isRelaying, "the relay let go")

        // Once it has let go, the wake word and the local recogniser work again.
        relay.stopTakingAtWake()
        let local = try await offPool { try Self.feed(Self.wakeThen("turn on the kitchen lights"), to: assistant) }
        #expect(local.map(\.synapses) == [["lights-on"]])
        #expect(relay.utterances == 1)
    }

    @Test func anUtteranceTheBrainDoesNotAnswerIsHandedOverAfterwards() async throws {
        let assistant = try await makeAssistant()
        let relay = RecordingRelay(atWake: false, unanswered: true, limit: 16000 * 4)
        assistant.pipeline.relay = relay
        let known = try await offPool { try Self.feed(Self.wakeThen("turn on the kitchen lights"), to: assistant) }
        #expect(known.map(\.synapses) == [["lights-on"]])
        #expect(relay.utterances == 0, "an order the brain knows stays local")

        let unknown = try await offPool { try SpeechFixtures.say("the children are playing in the garden", voice: "rms") }
        let outcomes = try await offPool {
            try Self.feed(Self.wakeThen("the children are playing in the garden", silence: 4), to: assistant)
        }
        try #require(outcomes.count == 1)
        #expect(outcomes[0].handedOver)
        #expect(outcomes[0].response == nil)
        #expect(relay.utterances == 1)
        // First the utterance as heard, then the microphone until the relay had enough.
        #expect(VoiceEndToEndTests.contains(relay.heard, unknown))
        #expect(relay.heard.count >= 16000 * 4)
        #expect(!assistant.pipeline.isRelaying)
        #expect(await assistant.runtime.state == .listening)
    }
}
