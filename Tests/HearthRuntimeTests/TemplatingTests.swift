import Foundation
import HearthBrain
import HearthNeurons
import HearthRuntime
import HearthTestSupport
import Testing

struct TemplatingTests {
    @Test func parametersComeFromTheOrderThenVariablesThenMemory() async throws {
        let test = try TestRuntime(brain: """
            - name: "weather-at"
              signals: [{order: "weather in {{ city }} for {{ day }}"}]
              neurons:
                - say: {message: "{{ city }} {{ day }} {{ unit }}"}
            - name: "remember-unit"
              signals: [{order: "use {{ scale }}"}]
              neurons:
                - say:
                    message: "ok"
                    kalliope_memory:
                      unit: "{{ scale }}"
            """, settings: "variables:\n  unit: celsius\n  day: today\n")
        _ = await test.runtime.runOrder("weather in Paris for tomorrow")
        _ = await test.runtime.runOrder("use kelvin")
        _ = await test.runtime.runOrder("weather in Lyon for monday")
        // Settings variables override same-named order parameters; memory overrides both.
        #expect(test.speech.messages == ["paris today celsius", "ok", "lyon today kelvin"])
        #expect(await test.runtime.memory["unit"] == "kelvin")
    }

    @Test func aMissingParameterSkipsOnlyThatNeuron() async throws {
        let test = try TestRuntime(brain: """
            - name: "greet-someone"
              signals: [{order: "greet"}]
              neurons:
                - say: {message: "hello {{ name }}"}
                - say: {message: "done"}
            """)
        let stream = test.runtime.events.subscribe()
        let response = await test.runtime.runOrder("greet")
        #expect(response.status == .complete)
        #expect(response.matchedSynapses.first?.neuronModuleList == [NeuronRecord(neuronName: "Say", generatedMessage: "done")])
        for await event in stream where event.kind == .neuronSkipped {
            #expect(event.data["missing"] == "name")
            break
        }
    }

    @Test func apiParametersFillTheTemplates() async throws {
        let test = try TestRuntime(brain: """
            - name: "greet-someone"
              signals: []
              neurons: [{say: {message: "hello {{ parameter1 }}"}}]
            """)
        let response = try await test.runtime.runSynapse(named: "greet-someone", parameters: ["parameter1": "value1"])
        #expect(response.spokenMessages == ["hello value1"])
    }

    @Test func sayTemplateRendersTheNeuronsOutput() async throws {
        let test = try TestRuntime(brain: """
            - name: "tell-time"
              signals: [{order: "time"}]
              neurons:
                - systemdate:
                    say_template: "it is {{ hours }} and {{ minutes }} minutes, {{ name | default('friend') }}"
            """)
        let response = await test.runtime.runOrder("time")
        let message = try #require(response.spokenMessages.first)
        #expect(message.range(of: #"^it is \d\d and \d\d minutes, friend$"#, options: .regularExpression) != nil)
    }

    @Test func theStarterKitsDateTemplatesAnswerLikeKalliope() async throws {
        let loaded = try LoadedConfiguration.load(brainPath: StarterKitPaths.brain, settingsPath: StarterKitPaths.settings)
        let fixed = DateComponents(calendar: .current, year: 2026, month: 3, day: 2, hour: 16, minute: 5).date!
        let speech = RecordingSpeech()
        let runtime = Runtime(
            brain: loaded.brain, settings: loaded.settings,
            configuration: RuntimeConfiguration(
                neurons: CoreNeurons.registry, speech: speech, baseDirectory: loaded.baseDirectory, now: { fixed }))
        #expect(await runtime.runOrder("which date are we").spokenMessages == ["We are the monday march the second 2026"])
        #expect(await runtime.runOrder("is it time for tea").spokenMessages == ["yes it is"])
        #expect(await runtime.runOrder("what time is it").spokenMessages == ["it's 16 and 05 minute"])
        #expect(await runtime.runOrder("hello").spokenMessages == ["Hello sir"])
        let notFound = await runtime.runOrder("sing me a song")
        #expect(notFound.matchedSynapses.map(\.synapseName) == ["order-not-found-synapse"])
    }

    @Test func builtInMemoryKeysRecordTheLastOrderAndMessage() async throws {
        let test = try TestRuntime(brain: """
            - name: "echo-it"
              signals: [{order: "echo"}]
              neurons: [{say: {message: "echoed"}}]
            - name: "repeat-it"
              signals: [{order: "repeat"}]
              neurons: [{say: {message: "I said {{ kalliope_last_tts_message }}"}}]
            """)
        _ = await test.runtime.runOrder("echo")
        #expect(await test.runtime.memory["kalliope_last_order"] == "echo")
        _ = await test.runtime.runOrder("repeat")
        #expect(test.speech.messages.last == "I said echoed")
    }
}

enum StarterKitPaths {
    static let directory: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("shared/fixtures/kalliope_starter_en").path
    }()
    static var brain: String { directory + "/brain.yml" }
    static var settings: String { directory + "/settings.yml" }
}
