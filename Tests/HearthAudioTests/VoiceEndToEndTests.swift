import Foundation
import HearthBrain
import HearthNeurons
import HearthRuntime
import HearthTestSupport
import Testing
@testable import HearthAudio

/// The device with no hardware: flite speech fed through an ALSA `file`
/// capture PCM, the whole pipeline, the runtime, and the spoken answer
/// recorded by a `file` playback PCM.
@Suite(.serialized) struct VoiceEndToEndTests {
    static let brainYAML = """
        - name: "lights-on"
          signals:
            - order: "turn on the kitchen lights"
          neurons:
            - say:
                message: "The kitchen lights are on"
        - name: "weather"
          signals:
            - order: "what is the weather in {{ city }}"
          neurons:
            - say:
                message: "It is sunny in {{ city }}"
        """

    func makeRuntime(speaker: SpeakerOutput, cache: String) throws -> Runtime {
        var settings = StarterBrain.loadSettings().settings
        settings.cachePath = cache
        settings.hooks = [:]
        return Runtime(
            brain: try BrainLoader.load(text: Self.brainYAML, name: "test").brain, settings: settings,
            configuration: RuntimeConfiguration(neurons: CoreNeurons.registry, speech: speaker, sound: speaker, terminate: {}))
    }

    @Test func theWakeWordAndAnOrderRunTheSynapseAndItsAnswerIsPlayed() async throws {
        _ = ALSATestDevices.installed
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-voice-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let microphone = try await offPool {
            try SpeechFixtures.silence(0.5) + SpeechFixtures.say("hey hearth", voice: "rms") + SpeechFixtures.silence(0.4)
                + SpeechFixtures.say("turn on the kitchen lights", voice: "rms") + SpeechFixtures.silence(1.5)
        }
        try ALSATestDevices.writeInput("cap_voice", microphone)

        let speaker = try SpeakerOutput(
            playback: ALSAPlayback(ALSAStreamRequest(device: ALSATestDevices.device("play_voice"))),
            synthesizer: SpeechSynthesizer(cacheDirectory: cache))
        let runtime = try makeRuntime(speaker: speaker, cache: cache)
        let assistant = try await VoiceAssistant(runtime: runtime)
        let capture = try ALSACapture(ALSAStreamRequest(device: ALSATestDevices.device("cap_voice")))
        let outcomes = try await MicrophoneListener(capture: capture, assistant: assistant).run(frameLimit: microphone.count)
        speaker.playback.stop()

        #expect(assistant.wakeTimes.count == 1)
        try #require(outcomes.count == 1)
        #expect(outcomes[0].synapses == ["lights-on"])
        #expect(outcomes[0].utterance.transcript.text == "turn on the kitchen lights")

        // The answer's samples reached the speaker, whole.
        let answer = try await speaker.synthesizer.synthesize(
            "The kitchen lights are on", voice: VoiceSettings(settings: await runtime.settings), sampleRate: 16000)
        let played = try ALSATestDevices.readOutput("play_voice")
        #expect(played.count >= answer.samples.count)
        #expect(Self.contains(played, answer.samples))
    }

    @Test func aPlaceholderArrivesAsAParameterWithoutTheWakeWord() async throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-voice-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        _ = ALSATestDevices.installed
        let speaker = try SpeakerOutput(
            playback: ALSAPlayback(ALSAStreamRequest(device: ALSATestDevices.device("play_speech"))),
            synthesizer: SpeechSynthesizer(cacheDirectory: cache))
        let runtime = try makeRuntime(speaker: speaker, cache: cache)
        let assistant = try await VoiceAssistant(runtime: runtime, wakeWord: false)
        let outcomes = try await offPool {
            try assistant.processOnThisThread(
                SpeechFixtures.silence(0.5) + SpeechFixtures.say("what is the weather in paris") + SpeechFixtures.silence(1))
        }
        try #require(outcomes.count == 1)
        #expect(outcomes[0].synapses == ["weather"])
        #expect(outcomes[0].parameters == ["city": "paris"])
        #expect(outcomes[0].response?.spokenMessages == ["It is sunny in paris"])
    }

    @Test func deafAndBrainChangesReachTheListeningPipeline() async throws {
        _ = ALSATestDevices.installed
        let speaker = try SpeakerOutput(
            playback: ALSAPlayback(ALSAStreamRequest(device: ALSATestDevices.device("play_speech"))),
            synthesizer: SpeechSynthesizer(cacheDirectory: nil))
        let runtime = try makeRuntime(speaker: speaker, cache: FileManager.default.temporaryDirectory.path)
        let assistant = try await VoiceAssistant(runtime: runtime)
        let woken = try await offPool {
            try SpeechFixtures.silence(0.5) + SpeechFixtures.say("hey hearth", voice: "rms") + SpeechFixtures.silence(0.4)
                + SpeechFixtures.say("turn on the kitchen lights", voice: "rms") + SpeechFixtures.silence(1.5)
        }

        try await runtime.applySettings(.deaf(true))
        try await Task.sleep(for: .milliseconds(100))  // the event reaches the assistant
        #expect(try await offPool { try assistant.processOnThisThread(woken) }.isEmpty)
        #expect(assistant.wakeTimes.isEmpty)

        try await runtime.applySettings(.deaf(false))
        try await runtime.addSynapse(Synapse(
            name: "kettle", signals: [Signal(name: "order", parameters: .string("boil the kettle"), kind: .order(OrderSignal(text: "boil the kettle")))],
            neurons: [NeuronCall(name: "say", parameters: .map(["message": .string("Boiling")]))]))
        try await Task.sleep(for: .milliseconds(100))
        let kettle = try await offPool {
            try SpeechFixtures.silence(0.5) + SpeechFixtures.say("hey hearth", voice: "rms") + SpeechFixtures.silence(0.4)
                + SpeechFixtures.say("boil the kettle", voice: "rms") + SpeechFixtures.silence(1.5)
        }
        let outcomes = try await offPool { try assistant.processOnThisThread(kettle) }
        #expect(outcomes.map(\.synapses) == [["kettle"]])
    }

    @Test func stopSilencesSpeechWithinAPeriod() async throws {
        _ = ALSATestDevices.installed
        let speaker = try SpeakerOutput(
            playback: ALSAPlayback(ALSAStreamRequest(device: ALSATestDevices.device("play_speech"))),
            synthesizer: SpeechSynthesizer(cacheDirectory: nil))
        let long = [Int16](repeating: 1000, count: 16000 * 30)
        async let playing: Void = speaker.play(long)
        try await Task.sleep(for: .milliseconds(50))
        let stopped = ContinuousClock.now
        await speaker.stop()
        try await playing
        // Returns long before the 30 s clip would have ended (the bound is
        // loose: how soon is a benchmark's business, not this test's).
        #expect(ContinuousClock.now - stopped < .seconds(10))
        #expect(speaker.playback.statistics.flushes >= 1)
    }

    /// True when `needle` (leading silence dropped) occurs in `haystack`.
    static func contains(_ haystack: [Int16], _ needle: [Int16]) -> Bool {
        guard let first = needle.firstIndex(where: { $0 != 0 }) else { return true }
        let body = Array(needle[first...].prefix(4000))
        guard haystack.count >= body.count else { return false }
        for start in 0...(haystack.count - body.count) where haystack[start] == body[0] {
            if Array(haystack[start..<start + body.count]) == body { return true }
        }
        return false
    }
}
