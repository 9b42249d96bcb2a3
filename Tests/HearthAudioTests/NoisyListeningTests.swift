import Foundation
import HearthBrain
import HearthNeurons
import HearthRuntime
import HearthTestSupport
import Testing
@testable import HearthAudio

/// Noise suppression in the listening pipeline: `audio.noise_suppression`
/// turns it on for the device's microphone, and with it an order spoken in
/// steady noise is heard where without it the order is lost.
@Suite(.serialized) struct NoisyListeningTests {
    @Test(arguments: [("slt", 8.0), ("rms", 6.0)])
    func anOrderLostInNoiseIsHeardWithSuppression(voice: String, snr: Double) async throws {
        let (without, with) = try await offPool {
            (try Self.heard("what time is it", voice: voice, snr: snr, suppressNoise: false),
             try Self.heard("what time is it", voice: voice, snr: snr, suppressNoise: true))
        }
        // Without suppression the order is lost: what makes this case worth
        // testing. If the recogniser alone ever hears it, pick a harder case.
        #expect(!without.contains("what time is it"))
        #expect(with.contains("what time is it"))
    }

    @Test func theSettingTurnsItOnForTheDeviceMicrophoneOnly() async throws {
        let settings = try SettingsLoader.load(text: "audio:\n  noise_suppression: true\n", name: "settings.yml").settings
        #expect(settings.audio.noiseSuppression)
        let runtime = Runtime(
            brain: Brain(), settings: settings, configuration: RuntimeConfiguration(neurons: CoreNeurons.registry, terminate: {}))
        let device = try await VoiceAssistant(runtime: runtime, wakeWord: false)
        #expect(device.pipeline.suppressesNoise)
        // A browser cleans its own microphone's audio.
        let browser = try await VoiceAssistant(
            runtime: runtime, wakeWord: false,
            channel: .remote(source: "browser", answers: LoggingSpeechOutput(), heard: { _ in }))
        #expect(!browser.pipeline.suppressesNoise)

        let quiet = Runtime(brain: Brain(), settings: Settings(), configuration: RuntimeConfiguration(neurons: CoreNeurons.registry, terminate: {}))
        #expect(try await !VoiceAssistant(runtime: quiet, wakeWord: false).pipeline.suppressesNoise)
    }

    @Test func aSettingThatIsNotAFlagIsRefusedWithItsPlace() {
        #expect {
            try SettingsLoader.load(text: "audio:\n  noise_suppression: loud\n", name: "settings.yml")
        } throws: { error in
            "\(error)".contains("settings.yml:2") && "\(error)".contains("noise_suppression")
        }
    }

    /// The utterances the pipeline (no wake word) heard in `order`, spoken
    /// by `voice` with white noise `snr` dB below the speech.
    static func heard(_ order: String, voice: String, snr: Double, suppressNoise: Bool) throws -> [String] {
        let recognizer = try SpeechFixtures.recognizer()
        let commands = try CommandRecognizer(recognizer: recognizer, languageModel: SpeechFixtures.languageModel())
        try commands.setOrders(VoiceRecognitionTests.orders)
        var configuration = ListeningConfiguration()
        configuration.suppressNoise = suppressNoise
        let pipeline = try ListeningPipeline(wake: nil, commands: commands, configuration: configuration)
        let speech = try SpeechFixtures.say(order, voice: voice)
        let clean = SpeechFixtures.silence(1) + speech + SpeechFixtures.silence(1)
        let noiseRMS = SignalFixtures.rms(speech) / 32767 / pow(10, snr / 20)
        let noisy = SignalFixtures.add(clean, SignalFixtures.whiteNoise(rms: noiseRMS, seconds: Double(clean.count) / 16000 + 0.1))
        var events: [ListeningEvent] = []
        for start in stride(from: 0, to: noisy.count, by: 320) {
            events += try pipeline.feed(Array(noisy[start..<min(noisy.count, start + 320)]))
        }
        events += try pipeline.finish()
        return events.compactMap { if case .utterance(let heard) = $0 { heard.transcript.text } else { nil } }
    }
}
