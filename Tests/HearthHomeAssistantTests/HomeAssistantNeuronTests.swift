import Foundation
import HearthBrain
import HearthHomeAssistant
import HearthNeurons
import HearthRuntime
import HearthTestSupport
import Logging
import Testing

/// The `homeassistant` neuron in brains, run by the runtime.
@Suite struct HomeAssistantNeuronTests {
    static let brain = """
        - name: "light-on"
          signals: [{order: "switch on the {{ room }} light"}]
          neurons:
            - homeassistant:
                action: service
                domain: light
                service: turn_on
                entity_id: "light.{{ room }}"
                data: {brightness_pct: 80}
                say_template: "The {{ room }} light is {{ changed[0].state }}"
                kalliope_memory:
                  last_home_assistant_error: "{{ error }}"
        - name: "temperature"
          signals: [{order: "how warm is it"}]
          neurons:
            - homeassistant:
                action: state
                entity_id: sensor.living_room_temperature
                say_template: "It is {{ state }} {{ attributes.unit_of_measurement }}"
        - name: "ask-home-assistant"
          signals: [{order: "ask home assistant {{ question }}"}]
          neurons:
            - homeassistant:
                action: conversation
                text: "{{ question }}"
        - name: "fallback"
          signals: []
          neurons:
            - homeassistant: {action: conversation}
        """
    static let settings = "hooks:\n  on_order_not_found: fallback\n"

    @Test func aServiceCallTakesTemplatedParametersAndItsOutputIsSpoken() async throws {
        let fixture = try await HomeAssistantFixture.start()
        let speech = RecordingSpeech()
        let runtime = try fixture.runtime(brain: Self.brain, settings: Self.settings, speech: speech)
        let response = await runtime.runOrder("switch on the kitchen light")
        #expect(response.spokenMessages == ["The kitchen light is on"])
        #expect(speech.messages == ["The kitchen light is on"])
        #expect(fixture.fake.serviceCalls == [
            FakeHomeAssistant.ServiceCall(domain: "light", service: "turn_on", data: ["entity_id": "light.kitchen", "brightness_pct": 80])
        ])
        // No error output on success, so nothing is stored.
        #expect(await runtime.memory["last_home_assistant_error"] == nil)
        try await fixture.stop()
    }

    @Test func aStateIsReadForTheTemplate() async throws {
        let fixture = try await HomeAssistantFixture.start()
        let runtime = try fixture.runtime(brain: Self.brain, speech: RecordingSpeech())
        #expect(await runtime.runOrder("how warm is it").spokenMessages == ["It is 21.5 °C"])
        try await fixture.stop()
    }

    @Test func aConversationSpeaksHomeAssistantsAnswerAndUnmatchedOrdersGoThere() async throws {
        let fixture = try await HomeAssistantFixture.start()
        let runtime = try fixture.runtime(brain: Self.brain, settings: Self.settings, speech: RecordingSpeech())
        let events = EventRecorder(runtime.events)
        #expect(await runtime.runOrder("ask home assistant what is the temperature").spokenMessages == ["The temperature is 21.5 °C"])
        let unmatched = await runtime.runOrder("turn on the kitchen light")
        #expect(unmatched.matchedSynapses.map(\.synapseName) == ["fallback"])
        #expect(unmatched.spokenMessages == ["Turned on the light"])
        #expect(fixture.fake.entityState(FakeHomeAssistant.kitchenLight) == "on")
        #expect(await eventually { events.kinds.filter { $0.hasPrefix("HA_COMMAND") }.count == 4 })
        let answered = events.events.first { $0.kind == .homeAssistantCommandResponse }
        #expect(answered?.data["response"] == "The temperature is 21.5 °C")
        events.stop()
        try await fixture.stop()
    }

    @Test func failuresSayAShortErrorAndOutputItWithoutStoppingTheRuntime() async throws {
        let fixture = try await HomeAssistantFixture.start(timeout: 0.3)
        let speech = RecordingSpeech()
        let runtime = try fixture.runtime(brain: Self.brain, settings: Self.settings, speech: speech)
        fixture.fake.setDelay(.seconds(3))
        let slow = await runtime.runOrder("switch on the kitchen light")
        // The error is said instead of the template written for a success.
        #expect(slow.spokenMessages == ["I can't reach Home Assistant."])
        #expect(slow.status == .complete)
        let stored = await runtime.memory["last_home_assistant_error"]?.stringValue
        #expect(stored?.contains("did not answer within 0.3 s") == true)
        // Known down: the next order fails at once, without a request.
        let sent = fixture.fake.requests.count
        #expect(await runtime.runOrder("how warm is it").spokenMessages == ["I can't reach Home Assistant."])
        #expect(fixture.fake.requests.count == sent)
        try await fixture.stop()
    }

    @Test func theNeuronsOutputsNameTheError() async throws {
        let wrong = try await HomeAssistantFixture.start(token: "not-the-token")
        let runtime = try wrong.runtime(brain: Self.brain, speech: RecordingSpeech())
        let context = NeuronContext(
            synapseName: "test", order: nil, muted: true, settings: Settings(), baseDirectory: "/tmp",
            logger: Logger(label: "test"), host: runtime, now: { Date() })
        let neuron = try #require(CoreNeurons.registry(homeAssistant: wrong.homeAssistant).neuron(named: "homeassistant"))
        let refused = try await neuron.run(["action": "state", "entity_id": "light.kitchen"], context: context)
        #expect(refused.failed)
        #expect(refused.message == "Home Assistant refused my access token.")
        #expect(refused.outputs["error"]?.stringValue?.contains("401") == true)
        #expect(refused.outputs["error"]?.stringValue?.contains("not-the-token") == false)

        let noText = try await neuron.run(["action": "conversation"], context: context)
        #expect(noText.failed)
        #expect(noText.outputs["error"]?.stringValue?.contains("no text") == true)
        try await wrong.stop()
    }

    @Test func withoutAURLTheNeuronIsDisabledAndTheStarterBrainAnswersAsBefore() async throws {
        let starter = StarterBrain.loadBrain().brain
        let speech = RecordingSpeech()
        let disabled = Runtime(
            brain: starter, settings: StarterBrain.loadSettings().settings,
            configuration: RuntimeConfiguration(neurons: CoreNeurons.registry, speech: speech, terminate: {}))
        let answer = await disabled.runOrder("sing me a song")
        #expect(answer.matchedSynapses.map(\.synapseName) == ["order-not-found-synapse"])
        let spoken = try #require(answer.spokenMessages.first)
        #expect(["I haven't understood", "I don't know this order", "Please renew your order", "Can you please reformulate your order"].contains(spoken))

        // The same starter brain with Home Assistant configured hands the order over.
        let fixture = try await HomeAssistantFixture.start()
        let enabled = Runtime(
            brain: starter, settings: StarterBrain.loadSettings().settings,
            configuration: RuntimeConfiguration(
                neurons: CoreNeurons.registry(homeAssistant: fixture.homeAssistant), speech: RecordingSpeech(), terminate: {}))
        #expect(await enabled.runOrder("turn on the kitchen light").spokenMessages == ["Turned on the light"])
        try await fixture.stop()
    }

    @Test func validationExplainsBadParameters() {
        #expect(HomeAssistantNeuron.validate([:])?.contains("action") == true)
        #expect(HomeAssistantNeuron.validate(["action": "dance"])?.contains("action") == true)
        #expect(HomeAssistantNeuron.validate(["action": "service", "domain": "light"])?.contains("service") == true)
        #expect(HomeAssistantNeuron.validate(["action": "state"])?.contains("entity_id") == true)
        #expect(HomeAssistantNeuron.validate(["action": "service", "domain": "light", "service": "turn_on", "data": "bright"]) != nil)
        #expect(HomeAssistantNeuron.validate(["action": "service", "domain": "light", "service": "turn_on", "entity_id": ["light.a", "light.b"]]) == nil)
        #expect(HomeAssistantNeuron.validate(["action": "conversation"]) == nil)
    }
}
