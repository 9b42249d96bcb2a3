import Foundation
import HearthBrain
import HearthNeurons
import HearthRuntime
import HearthTestSupport
import Synchronization

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
