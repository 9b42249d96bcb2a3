import Foundation
import HearthBrain
import HearthNeurons
import HearthRuntime
import Synchronization

/// Speech that records what would have been spoken.
final class RecordingSpeech: SpeechOutput {
    private let spoken = Mutex<[String]>([])

    func speak(_ text: String, settings: Settings) async throws {
        spoken.withLock { $0.append(text) }
    }

    func stop() async {}

    var messages: [String] { spoken.withLock { $0 } }
}

/// Counts calls to the kill switch's terminate.
final class TerminationProbe: Sendable {
    private let count = Mutex(0)
    func terminate() { count.withLock { $0 += 1 } }
    var calls: Int { count.withLock { $0 } }
}

struct TestRuntime {
    let runtime: Runtime
    let speech = RecordingSpeech()
    let termination = TerminationProbe()

    init(brain yaml: String, settings settingsYAML: String = "", baseDirectory: String = NSTemporaryDirectory()) throws {
        let brain = try BrainLoader.load(text: yaml, name: "test-brain.yml").brain
        let settings = try SettingsLoader.load(text: settingsYAML, name: "test-settings.yml").settings
        let speech = self.speech
        let termination = self.termination
        runtime = Runtime(
            brain: brain, settings: settings,
            configuration: RuntimeConfiguration(
                neurons: CoreNeurons.registry, speech: speech, baseDirectory: baseDirectory,
                terminate: { termination.terminate() }))
    }
}

/// Waits until `condition` holds (for timers and scheduled events), giving up
/// after `seconds`; returns whether it held.
func eventually(within seconds: Double = 5, _ condition: @Sendable () async -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return await condition()
}
