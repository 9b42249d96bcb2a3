import HearthBrain
import HearthRuntime
import Testing

struct RuntimeOrderTests {
    static let brain = """
        - name: "say-hello"
          signals:
            - order: "bonjour"
          neurons:
            - say:
                message: ["Bonjour monsieur"]
        - name: "two-steps"
          signals:
            - order: "two steps"
          neurons:
            - say: {message: "one"}
            - say: {message: "two"}
        - name: "not-found"
          signals: []
          neurons:
            - say: {message: "I haven't understood"}
        """

    @Test func aMatchedOrderAnswersInKalliopesShape() async throws {
        let test = try TestRuntime(brain: Self.brain)
        let response = await test.runtime.runOrder("Bonjour")
        #expect(response.json == [
            "user_order": "Bonjour", "status": "complete",
            "matched_synapses": [[
                "synapse_name": "say-hello", "matched_order": "bonjour",
                "neuron_module_list": [["neuron_name": "Say", "generated_message": "Bonjour monsieur"]],
            ]],
        ])
        #expect(test.speech.messages == ["Bonjour monsieur"])
    }

    @Test func withoutANotFoundHookTheAnswerIsEmpty() async throws {
        let test = try TestRuntime(brain: Self.brain)
        let response = await test.runtime.runOrder("not existing order")
        #expect(response.json == ["matched_synapses": [], "status": nil, "user_order": "not existing order"])
        #expect(test.speech.messages.isEmpty)
    }

    @Test func theNotFoundHookAnswersAndIsListed() async throws {
        for settings in ["hooks:\n  on_order_not_found: \"not-found\"\n", "default_synapse: \"not-found\"\n"] {
            let test = try TestRuntime(brain: Self.brain, settings: settings)
            let response = await test.runtime.runOrder("not existing order")
            #expect(response.status == .complete)
            #expect(response.matchedSynapses == [MatchedSynapse(
                synapseName: "not-found", matchedOrder: nil,
                neuronModuleList: [NeuronRecord(neuronName: "Say", generatedMessage: "I haven't understood")])])
        }
    }

    @Test func muteReturnsTheTextButSpeaksNothing() async throws {
        let test = try TestRuntime(brain: Self.brain)
        let muted = await test.runtime.runOrder("two steps", mute: true)
        #expect(muted.spokenMessages == ["one", "two"])
        #expect(test.speech.messages.isEmpty)
        try await test.runtime.applySettingsChange(.mute(true))
        _ = try await test.runtime.runSynapse(named: "say-hello")
        #expect(test.speech.messages.isEmpty)
        try await test.runtime.applySettingsChange(.mute(false))
        _ = try await test.runtime.runSynapse(named: "say-hello")
        #expect(test.speech.messages == ["Bonjour monsieur"])
    }

    @Test func runningByNameReportsNoOrder() async throws {
        let test = try TestRuntime(brain: Self.brain)
        let response = try await test.runtime.runSynapse(named: "say-hello")
        #expect(response.userOrder == nil)
        #expect(response.matchedSynapses.first?.matchedOrder == nil)
        #expect(response.status == .complete)
        await #expect(throws: RuntimeError.synapseNotFound("missing-one")) {
            try await test.runtime.runSynapse(named: "missing-one")
        }
    }

    @Test func concurrentOrdersRunOneAtATime() async throws {
        let test = try TestRuntime(brain: """
            - name: "slow-one"
              signals: [{order: "slow"}]
              neurons:
                - say: {message: "slow start"}
                - sleep: {seconds: 0.2}
                - say: {message: "slow end"}
            - name: "fast-one"
              signals: [{order: "fast"}]
              neurons:
                - say: {message: "fast"}
            """)
        async let slow = test.runtime.runOrder("slow")
        try await Task.sleep(for: .milliseconds(50))
        async let fast = test.runtime.runOrder("fast")
        _ = await (slow, fast)
        #expect(test.speech.messages == ["slow start", "slow end", "fast"])
    }

    @Test func eventsTellWhatHappened() async throws {
        let test = try TestRuntime(brain: Self.brain)
        let stream = test.runtime.events.subscribe()
        _ = await test.runtime.runOrder("bonjour", source: "test")
        _ = await test.runtime.runOrder("nothing matches this")
        var kinds: [RuntimeEvent.Kind] = []
        for await event in stream {
            kinds.append(event.kind)
            if event.kind == .orderProcessed && kinds.filter({ $0 == .orderProcessed }).count == 2 { break }
        }
        #expect(kinds.contains(.orderMatched) && kinds.contains(.orderNotFound))
        #expect(kinds.firstIndex(of: .orderMatched)! < kinds.firstIndex(of: .ttsStarted)!)
        #expect(kinds.firstIndex(of: .ttsStarted)! < kinds.firstIndex(of: .ttsFinished)!)
        #expect(kinds.contains(.stateChanged))
    }

    @Test func aSubscriberGetsOnlyTheKindsItFollows() async throws {
        let test = try TestRuntime(brain: Self.brain)
        let orders = test.runtime.events.subscribe(to: [.orderMatched, .orderNotFound])
        let everything = test.runtime.events.subscribe()
        _ = await test.runtime.runOrder("bonjour", source: "test")
        _ = await test.runtime.runOrder("nothing matches this")
        var followed: [RuntimeEvent.Kind] = []
        for await event in orders {
            followed.append(event.kind)
            if followed.count == 2 { break }
        }
        #expect(followed == [.orderMatched, .orderNotFound])
        var all: Set<RuntimeEvent.Kind> = []
        for await event in everything {
            all.insert(event.kind)
            if event.kind == .orderNotFound { break }
        }
        #expect(all.isSuperset(of: [.stateChanged, .orderMatched, .ttsStarted, .orderNotFound]))
    }

    @Test func killSwitchEndsAfterTheResponse() async throws {
        let test = try TestRuntime(brain: """
            - name: "stop-hearth"
              signals: [{order: "close"}]
              neurons:
                - say: {message: "Good bye"}
                - kill_switch
            """)
        let response = await test.runtime.runOrder("close")
        #expect(response.matchedSynapses.first?.neuronModuleList.map(\.neuronName) == ["Say", "Kill_switch"])
        #expect(test.termination.calls == 1)
    }

    @Test func anUnknownNeuronIsReportedAndTheSynapseGoesOn() async throws {
        let test = try TestRuntime(brain: """
            - name: "custom-neuron"
              signals: [{order: "wiki"}]
              neurons:
                - wikipedia_searcher: {query: "x"}
                - say: {message: "done"}
            """)
        let stream = test.runtime.events.subscribe()
        let response = await test.runtime.runOrder("wiki")
        #expect(response.spokenMessages == ["done"])
        var sawError = false
        for await event in stream where event.kind == .error {
            sawError = event.data["message"]?.stringValue?.contains("wikipedia_searcher") == true
            break
        }
        #expect(sawError)
    }
}
