import HearthBrain
import HearthRuntime
import Testing

struct NeurotransmitterTests {
    static let brain = """
        - name: "synapse1"
          signals: [{order: "ask me a question"}]
          neurons:
            - say: {message: "do you like french fries?"}
            - neurotransmitter:
                from_answer_link:
                  - synapse: "synapse2"
                    answers: ["absolutely", "of course"]
                  - synapse: "synapse3"
                    answers: ["not at all"]
                default: "synapse4"
        - name: "synapse2"
          signals: [{order: "synapse2"}]
          neurons: [{say: {message: "You like french fries! Me too!"}}]
        - name: "synapse3"
          signals: [{order: "synapse3"}]
          neurons: [{say: {message: "You don't like french fries."}}]
        - name: "synapse4"
          signals: [{order: "synapse4"}]
          neurons: [{say: {message: "I haven't understood your answer"}}]
        """

    @Test func theSeedsExchangeAcrossTwoOrders() async throws {
        let test = try TestRuntime(brain: Self.brain)
        let first = await test.runtime.runOrder("ask me a question")
        #expect(first.json == [
            "user_order": "ask me a question", "status": "waiting_for_answer",
            "matched_synapses": [[
                "synapse_name": "synapse1", "matched_order": "ask me a question",
                "neuron_module_list": [["neuron_name": "Say", "generated_message": "do you like french fries?"]],
            ]],
        ])
        #expect(await test.runtime.isWaitingForAnswer)
        let second = await test.runtime.runOrder("not at all")
        #expect(second.json == [
            "user_order": nil, "status": "complete",
            "matched_synapses": [
                [
                    "synapse_name": "synapse1", "matched_order": "ask me a question",
                    "neuron_module_list": [
                        ["neuron_name": "Say", "generated_message": "do you like french fries?"],
                        ["neuron_name": "Neurotransmitter", "generated_message": nil],
                    ],
                ],
                [
                    "synapse_name": "synapse3", "matched_order": "not at all",
                    "neuron_module_list": [["neuron_name": "Say", "generated_message": "You don't like french fries."]],
                ],
            ],
        ])
        #expect(!(await test.runtime.isWaitingForAnswer))
    }

    @Test func answersMatchWhateverTheirCase() async throws {
        let test = try TestRuntime(brain: Self.brain)
        _ = await test.runtime.runOrder("ask me a question")
        let response = await test.runtime.runOrder("Of Course")
        #expect(response.matchedSynapses.last?.synapseName == "synapse2")
        #expect(response.matchedSynapses.last?.matchedOrder == "of course")
    }

    @Test func anUnexpectedAnswerRunsTheDefault() async throws {
        let test = try TestRuntime(brain: Self.brain)
        _ = await test.runtime.runOrder("ask me a question")
        let response = await test.runtime.runOrder("what time is it")
        #expect(response.matchedSynapses.map(\.synapseName) == ["synapse1", "synapse4"])
        #expect(response.matchedSynapses.last?.matchedOrder == nil)
        // The answer was consumed: the next order is matched normally again.
        #expect(await test.runtime.runOrder("synapse2").matchedSynapses.map(\.synapseName) == ["synapse2"])
    }

    @Test func answerParametersKeepTheUsersCaseAndRestOfTheSynapseRunsAfter() async throws {
        let test = try TestRuntime(brain: """
            - name: "ask-name"
              signals: [{order: "who am i"}]
              neurons:
                - say: {message: "what is your name?"}
                - neurotransmitter:
                    from_answer_link:
                      - synapse: "greet-name"
                        answers: ["my name is {{ name }}"]
                    default: "greet-name"
                - say: {message: "nice talking"}
            - name: "after-ask"
              signals: [{order: "who am i"}]
              neurons: [{say: {message: "queued after"}}]
            - name: "greet-name"
              signals: []
              neurons: [{say: {message: "hello {{ name }}"}}]
            """)
        let first = await test.runtime.runOrder("who am i")
        #expect(first.status == .waitingForAnswer)
        #expect(first.matchedSynapses.map(\.synapseName) == ["ask-name"])
        let second = await test.runtime.runOrder("My name is Ada Lovelace")
        #expect(test.speech.messages == ["what is your name?", "hello Ada Lovelace", "nice talking", "queued after"])
        #expect(second.matchedSynapses.map(\.synapseName) == ["ask-name", "greet-name", "after-ask"])
        #expect(second.matchedSynapses[0].neuronModuleList.map(\.neuronName) == ["Say", "Neurotransmitter", "Say"])
    }

    @Test func nestedExchangesKeepWaiting() async throws {
        let test = try TestRuntime(brain: """
            - name: "level-one"
              signals: [{order: "start"}]
              neurons:
                - say: {message: "first?"}
                - neurotransmitter:
                    from_answer_link: [{synapse: "level-two", answers: ["yes"]}]
                    default: "give-up"
            - name: "level-two"
              signals: []
              neurons:
                - say: {message: "second?"}
                - neurotransmitter:
                    from_answer_link: [{synapse: "done-both", answers: ["yes"]}]
                    default: "give-up"
            - name: "done-both"
              signals: []
              neurons: [{say: {message: "done"}}]
            - name: "give-up"
              signals: []
              neurons: [{say: {message: "never mind"}}]
            """)
        #expect(await test.runtime.runOrder("start").status == .waitingForAnswer)
        let middle = await test.runtime.runOrder("yes")
        #expect(middle.status == .waitingForAnswer)
        #expect(middle.matchedSynapses.map(\.synapseName) == ["level-one", "level-two"])
        let last = await test.runtime.runOrder("yes")
        #expect(last.status == .complete)
        #expect(last.matchedSynapses.map(\.synapseName) == ["level-one", "level-two", "done-both"])
        #expect(test.speech.messages == ["first?", "second?", "done"])
    }

    @Test func directLinkRunsAtOnceWithForwardedParameters() async throws {
        let test = try TestRuntime(brain: """
            - name: "jump-start"
              signals: [{order: "jump to {{ place }}"}]
              neurons:
                - neurotransmitter:
                    direct_link: "landing"
                - say: {message: "back"}
            - name: "landing"
              signals: []
              neurons: [{say: {message: "landed in {{ place }}"}}]
            """)
        let response = await test.runtime.runOrder("jump to paris")
        #expect(response.status == .complete)
        #expect(response.matchedSynapses.map(\.synapseName) == ["jump-start", "landing"])
        #expect(test.speech.messages == ["landed in paris", "back"])
    }

    @Test func resetContextForgetsTheQuestion() async throws {
        let test = try TestRuntime(brain: Self.brain)
        _ = await test.runtime.runOrder("ask me a question")
        await test.runtime.resetContext()
        #expect(await test.runtime.runOrder("not at all").matchedSynapses.isEmpty)
    }
}
