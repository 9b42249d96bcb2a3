import Foundation
import HearthBrain
import HearthPersistence
import HearthTestSupport
import Testing

/// `hearth brain export`: the brain files with the saved changes, as a brain
/// file that loads back to the brain the device runs.
@Suite struct BrainExportTests {
    @Test func theYAMLLoadsBackToTheSameBrain() throws {
        let text = """
            - name: tricky-values
              signals:
                - order: {text: "say {{ word }} now", matching-type: strict, excluded-words: ["no", "yes"]}
                - event: {hour: "7", minute: 30}
              neurons:
                - say: {message: ["yes", "3", "null", "{{ word }}!", "two\\nlines", "colon: here", "#hash"]}
                - shell: {cmd: "echo 'quoted' \\"double\\"", async: true}
                - sleep: {seconds: 1.5}
                - kill_switch
            - name: disabled-one
              enabled: false
              signals: []
              neurons:
                - debug: {message: "é ü 你好"}
            """
        let brain = try BrainLoader.load(text: text, name: "brain.yml").brain
        let exported = try BrainYAML.text(of: brain)
        #expect(try BrainLoader.load(text: exported, name: "exported.yml").brain == brain)
    }

    @Test func theCommandExportsTheFilesWithTheSavedChanges() async throws {
        let device = try TestDevice()
        let booted = try await device.boot()
        try await booted.runtime.addSynapse(try apiSynapse("say-weather", order: "weather", says: "Sunny"))
        try await booted.runtime.removeSynapse(named: "say-goodbye")
        await booted.runtime.setSynapseEnabled("say-hello", enabled: false)
        let running = await booted.runtime.brain

        // While the store is still open, as with a running daemon.
        let output = try await runHearth(["brain", "export", "--brain", device.brainPath, "--settings", device.settingsPath, "--state-dir", device.stateDirectory])
        #expect(output.status == 0)
        let exported = try BrainLoader.load(text: output.text, name: "exported.yml").brain
        #expect(exported.synapses.map(\.name) == ["say-hello", "remember-colour", "say-weather"])
        #expect(exported == running)
        await booted.powerOff()
    }

    /// Runs `hearth` to its end on a thread of its own, so the wait does not
    /// hold one of the few threads every test shares.
    private func runHearth(_ arguments: [String]) async throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = try LiveHearth.executable()
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading
        let data = try await offPool { output.readDataToEndOfFile() }
        while process.isRunning { try await Task.sleep(for: .milliseconds(2)) }
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
