import Foundation
import HearthBrain
import HearthHomeAssistant
import HearthNeurons
import HearthRuntime
import HearthTestSupport
import Testing
@testable import HearthAudio

/// Spoken orders reach Home Assistant: flite speech through the listening
/// pipeline (wake word, then the order), the runtime, the `homeassistant`
/// neuron, and a fake Home Assistant's service route.
@Suite(.serialized) struct HomeAssistantVoiceTests {
    static let brainYAML = """
        - name: "kitchen-light-on"
          signals:
            - order: "turn on the kitchen light"
          neurons:
            - homeassistant:
                action: service
                domain: light
                service: turn_on
                entity_id: light.kitchen
                say_template: "The kitchen light is {{ changed[0].state }}"
        """

    @Test func theWakeWordAndTurnOnTheKitchenLightCallTheService() async throws {
        let token = "voice-test-token"
        let fake = FakeHomeAssistant(token: token)
        let url = try await fake.start()
        let homeAssistant = HomeAssistant(settings: HomeAssistantSettings(url: url, token: HomeAssistantToken(token)))
        var settings = StarterBrain.loadSettings().settings
        settings.hooks = [:]
        let speech = RecordingSpeech()
        let runtime = Runtime(
            brain: try BrainLoader.load(text: Self.brainYAML, name: "test").brain, settings: settings,
            configuration: RuntimeConfiguration(
                neurons: CoreNeurons.registry(homeAssistant: homeAssistant), speech: speech, terminate: {}))
        let assistant = try await VoiceAssistant(runtime: runtime)
        let spoken = try await offPool {
            try SpeechFixtures.silence(0.5) + SpeechFixtures.say("hey hearth", voice: "rms") + SpeechFixtures.silence(0.4)
                + SpeechFixtures.say("turn on the kitchen light", voice: "rms") + SpeechFixtures.silence(1.5)
        }
        let outcomes = try await offPool { try assistant.processOnThisThread(spoken) }

        #expect(assistant.wakeTimes.count == 1)
        #expect(outcomes.map(\.synapses) == [["kitchen-light-on"]])
        #expect(fake.serviceCalls == [
            FakeHomeAssistant.ServiceCall(domain: "light", service: "turn_on", data: ["entity_id": "light.kitchen"])
        ])
        #expect(fake.entityState(FakeHomeAssistant.kitchenLight) == "on")
        #expect(speech.messages == ["The kitchen light is on"])
        try await fake.stop()
    }
}
