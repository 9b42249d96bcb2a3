import Foundation
import HearthBrain
import Testing

/// The `hearth` command as a user runs it. Serialized: each test starts processes.
@Suite(.serialized)
struct CLITests {
    @Test func checkPassesTheOfficialStarterKitWithEngineWarningsOnly() async throws {
        let result = try await HearthCommand.run([
            "check", "--brain", Fixtures.starterKit + "/brain.yml", "--settings", Fixtures.starterKit + "/settings.yml",
        ])
        #expect(result.status == 0)
        #expect(result.output.contains("ok: 12 synapses, 9 orders"))
        let warnings = result.output.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        #expect(!warnings.isEmpty)
        #expect(warnings.allSatisfy { $0.contains("settings.yml:") })
        #expect(warnings.contains { $0.contains("'snowboy'") })
        #expect(!result.output.contains("error:"))
    }

    @Test func checkReportsErrorsWithTheirPositionAndFails() async throws {
        let directory = try Fixtures.scratch([
            "brain.yml": """
                - name: "say-hi"
                  signals: [{order: "hi"}]
                  neurons:
                    - say: {messages: "typo"}
                    - neurotransmitter:
                        direct_link: "nowhere-synapse"
                """,
            "settings.yml": "hooks:\n  on_start: \"missing-synapse\"\n",
        ])
        let result = try await HearthCommand.run(["check", "--brain", directory + "/brain.yml", "--settings", directory + "/settings.yml"])
        #expect(result.status == 1)
        #expect(result.output.contains("brain.yml:4:7: synapse 'say-hi': say needs a 'message'"))
        #expect(result.output.contains("brain.yml:5:7: synapse 'say-hi': neurotransmitter 'direct_link' names synapse 'nowhere-synapse'"))
        #expect(result.output.contains("hook 'on_start' names synapse 'missing-synapse'"))
    }

    @Test func checkFailsOnInvalidYAMLWithItsPosition() async throws {
        let directory = try Fixtures.scratch(["brain.yml": "- name: \"ok-name\"\n  signals: [\n"])
        let result = try await HearthCommand.run(["check", "--brain", directory + "/brain.yml"])
        #expect(result.status == 1)
        #expect(result.output.contains("brain.yml:3:1: invalid YAML"))
    }

    @Test func orderPrintsTheAPIResponse() async throws {
        let result = try await HearthCommand.run(["order", "ask me a question", "--json", "--mute"])
        #expect(result.status == 0)
        let response = try JSON.decode(result.output)
        #expect(response == [
            "user_order": "ask me a question", "status": "waiting_for_answer",
            "matched_synapses": [[
                "synapse_name": "synapse1", "matched_order": "ask me a question",
                "neuron_module_list": [["neuron_name": "Say", "generated_message": "do you like french fries?"]],
            ]],
        ])
    }

    @Test func orderAnswersTheStarterKitsTemplates() async throws {
        let brain = Fixtures.starterKit + "/brain.yml"
        let settings = Fixtures.starterKit + "/settings.yml"
        let date = try await HearthCommand.run(["order", "which date are we", "--brain", brain, "--settings", settings, "--mute"])
        #expect(date.output.range(of: #"We are the [a-z]+day [a-z]+ the [a-z-]+ \d{4}"#, options: .regularExpression) != nil)
        let hello = try await HearthCommand.run(["order", "Hello", "--brain", brain, "--settings", settings, "--mute"])
        #expect(hello.output.contains("Hello sir"))
        let unknown = try await HearthCommand.run(["order", "make me a sandwich", "--brain", brain, "--settings", settings, "--mute"])
        #expect(unknown.output.contains("[order-not-found-synapse]"))
    }

    @Test func synapsesListsTheBrain() async throws {
        let text = try await HearthCommand.run(["synapses"])
        #expect(text.output.contains("say-hello: \"bonjour\" → say"))
        #expect(text.output.contains("order-not-found-synapse: by name only → homeassistant"))
        let json = try JSON.decode(try await HearthCommand.run(["synapses", "--json"]).output)
        let first = json.mapValue?["synapses"]?.listValue?.first
        #expect(first == [
            "name": "say-hello", "enabled": true,
            "signals": [["name": "order", "parameters": "bonjour"]],
            "neurons": [["name": "say", "parameters": ["message": ["Bonjour monsieur"]]]],
        ])
    }

    @Test func vadPrintsOneDecisionPerFrame() async throws {
        // One second of silence then one second of a loud 440 Hz tone burst pattern, 16 kHz mono.
        var samples = [Int16](repeating: 0, count: 16000)
        for index in 0..<16000 {
            let envelope = (index / 800) % 2 == 0 ? 1.0 : 0.3
            samples.append(Int16(12000 * envelope * sin(2 * Double.pi * 440 * Double(index) / 16000)))
        }
        let directory = try Fixtures.scratch([:])
        let path = directory + "/input.wav"
        try WAVWriter.write(samples, sampleRate: 16000, to: path)
        let result = try await HearthCommand.run(["vad", "--input", path, "--frame-ms", "20", "--json"])
        #expect(result.status == 0)
        let decisions = try #require(try JSON.decode(result.output).mapValue)
        #expect(decisions["frame_ms"] == 20)
        let speech = try #require(decisions["speech"]?.listValue)
        #expect(speech.count == 100)
        #expect(speech.prefix(40).allSatisfy { $0 == 0 })
        let unreadable = try await HearthCommand.run(["vad", "--input", "/etc/hostname", "--json"])
        #expect(unreadable.status != 0)
    }

    @Test func unknownCommandsAndBadFlagsFailWithUsage() async throws {
        let result = try await HearthCommand.run(["order"])
        #expect(result.status != 0)
        #expect(result.errorOutput.contains("Missing expected argument"))
    }
}

/// A minimal 16-bit mono WAV writer for test input.
enum WAVWriter {
    static func write(_ samples: [Int16], sampleRate: Int, to path: String) throws {
        var data = Data()
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        data.append(contentsOf: Array("RIFF".utf8))
        append(UInt32(36 + samples.count * 2))
        data.append(contentsOf: Array("WAVEfmt ".utf8))
        append(UInt32(16))
        append(UInt16(1))
        append(UInt16(1))
        append(UInt32(sampleRate))
        append(UInt32(sampleRate * 2))
        append(UInt16(2))
        append(UInt16(16))
        data.append(contentsOf: Array("data".utf8))
        append(UInt32(samples.count * 2))
        for sample in samples { append(sample) }
        try data.write(to: URL(fileURLWithPath: path))
    }
}
