import Foundation
import HearthBrain
import HearthNeurons
import HearthRuntime
import Testing
@testable import HearthAudio

/// A voice assistant loads its speech models and compiles its grammar off
/// the cooperative pool: a browser opening its microphone must not hold up
/// the API and the runtime meanwhile.
@Suite(.serialized) struct VoiceAssistantLoadingTests {
    /// More assistants than the pool has threads, each with a brain word the
    /// dictionary lacks, so its grammar waits for a busy espeak-ng: loaded
    /// on the pool they would hold every thread, and the task that frees the
    /// engine could never run.
    @Test func loadingLeavesTheCooperativePoolFree() async throws {
        let brain = try BrainLoader.load(text: """
            - name: "zorblax"
              signals:
                - order: "wake the zorblax"
              neurons:
                - say:
                    message: "awake"
            """, name: "test").brain
        let runtime = Runtime(
            brain: brain, settings: Settings(), configuration: RuntimeConfiguration(neurons: CoreNeurons.registry, terminate: {}))
        let engine = try await BusyEngine.hold()
        let loading = (0...ProcessInfo.processInfo.activeProcessorCount).map { _ in
            Task { try await VoiceAssistant(runtime: runtime, wakeWord: false) }
        }
        // Another task on the pool runs while every assistant loads, and frees the engine.
        await Task { engine.release() }.value
        for assistant in loading { #expect(try await assistant.value.commands.addedWords["zorblax"] != nil) }
        #expect(!engine.gaveUp)
    }
}
