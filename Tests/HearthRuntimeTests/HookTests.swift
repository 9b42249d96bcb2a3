import HearthBrain
import HearthRuntime
import Testing

struct HookTests {
    static let brain = """
        - name: "hello-order"
          signals: [{order: "hello"}]
          neurons: [{say: {message: "hi"}}]
        - name: "hook-start"
          signals: []
          neurons: [{say: {message: "ready"}}]
        - name: "hook-found"
          signals: []
          neurons: [{say: {message: "found"}}]
        - name: "hook-processed"
          signals: []
          neurons: [{say: {message: "processed"}}]
        - name: "hook-deaf"
          signals: []
          neurons: [{say: {message: "deaf now"}}]
        - name: "hook-undeaf"
          signals: []
          neurons: [{say: {message: "hearing again"}}]
        - name: "hook-mute"
          signals: []
          neurons: [{debug: {message: "muted"}}]
        - name: "hook-speaking"
          signals: []
          neurons: [{say: {message: "beep"}}]
        """

    @Test func lifecycleAndOrderHooksFireInOrder() async throws {
        let test = try TestRuntime(brain: Self.brain, settings: """
            hooks:
              on_start: "hook-start"
              on_order_found: "hook-found"
              on_processed_synapses: ["hook-processed"]
            """)
        await test.runtime.start()
        let response = await test.runtime.runOrder("hello")
        #expect(test.speech.messages == ["ready", "found", "hi", "processed"])
        // Hook synapses run beside the order; the answer lists only what matched.
        #expect(response.matchedSynapses.map(\.synapseName) == ["hello-order"])
        await test.runtime.stop()
    }

    @Test func deafAndMuteHooksFireOnChangeOnly() async throws {
        let test = try TestRuntime(brain: Self.brain, settings: """
            hooks:
              on_deaf: "hook-deaf"
              on_undeaf: "hook-undeaf"
              on_mute: "hook-mute"
            """)
        let stream = test.runtime.events.subscribe()
        try await test.runtime.applySettingsChange(.deaf(true))
        try await test.runtime.applySettingsChange(.deaf(true))
        #expect(await test.runtime.state == .deaf)
        try await test.runtime.applySettingsChange(.deaf(false))
        #expect(await test.runtime.state == .idle)
        try await test.runtime.applySettingsChange(.mute(true))
        #expect(test.speech.messages == ["deaf now", "hearing again"])
        var hooks: [String] = []
        for await event in stream where event.kind == .hookFired {
            hooks.append(event.data["hook"]?.stringValue ?? "")
            if hooks.count == 3 { break }
        }
        #expect(hooks == ["on_deaf", "on_undeaf", "on_mute"])
    }

    @Test func aSpeakingHookThatSpeaksDoesNotLoop() async throws {
        let test = try TestRuntime(brain: Self.brain, settings: "hooks:\n  on_start_speaking: \"hook-speaking\"\n")
        _ = await test.runtime.runOrder("hello")
        #expect(test.speech.messages == ["beep", "hi"])
    }

    @Test func theSettingsNeuronChangesStateAndFiresHooks() async throws {
        let test = try TestRuntime(brain: """
            - name: "go-deaf"
              signals: [{order: "stop listening"}]
              neurons:
                - settings:
                    deaf: "True"
                    variables: {room: "kitchen"}
                    default_tts: "espeak"
            - name: "hook-deaf"
              signals: []
              neurons: [{say: {message: "deaf now"}}]
            """, settings: "hooks:\n  on_deaf: \"hook-deaf\"\n")
        _ = await test.runtime.runOrder("stop listening")
        let settings = await test.runtime.settings
        #expect(settings.options.deaf)
        #expect(settings.variables["room"] == "kitchen")
        #expect(settings.defaultTextToSpeech == "espeak")
        #expect(test.speech.messages == ["deaf now"])
        await #expect(throws: RuntimeError.unknownEngine(kind: "text_to_speech", name: "pico2wave")) {
            try await test.runtime.applySettingsChange(.defaultEngine(.textToSpeech, "pico2wave"))
        }
    }
}
