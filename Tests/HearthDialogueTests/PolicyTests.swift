import HearthBrain
import HearthDialogue
import Testing

@Suite struct PolicyTests {
    let domain: Domain
    let policy: MemoizationPolicy

    init() throws {
        domain = try Fixtures.domain()
        policy = MemoizationPolicy(stories: try Fixtures.stories(domain), domain: domain)
    }

    func predict(_ events: [Value], policy: MemoizationPolicy? = nil) throws -> String {
        (policy ?? self.policy).predict(try Tracker(senderID: "u", domain: domain, events: events))
    }

    let listen = TrackerEventTests.action("action_listen")
    func user(_ intent: String) -> Value { TrackerEventTests.user(intent) }
    func action(_ name: String) -> Value { TrackerEventTests.action(name) }

    @Test func beforeAnyUserMessageItListens() throws {
        #expect(try predict([]) == "action_listen")
        #expect(try predict([listen]) == "action_listen")
    }

    @Test func storiesArePlayedBackStepByStep() throws {
        #expect(try predict([listen, user("greet")]) == "utter_greet")
        #expect(try predict([listen, user("greet"), action("utter_greet")]) == "action_listen")
        let ordered = [listen, user("greet"), action("utter_greet"), listen, user("inform")]
        #expect(try predict(ordered) == "utter_ack")
        #expect(try predict(ordered + [action("utter_ack")]) == "action_search")
        #expect(try predict(ordered + [action("utter_ack"), action("action_search")]) == "action_listen")
        #expect(try predict([listen, user("goodbye")]) == "utter_goodbye")
    }

    @Test func theLongestContextDecides() throws {
        // After utter_ack, the order story says action_search; a story that
        // says otherwise after a different earlier turn does not disturb it.
        let stories = try StoryParser.parse(
            """
            ## a
            * greet
              - utter_greet
            * inform
              - utter_ack
              - action_search
            ## b
            * goodbye
              - utter_goodbye
            * inform
              - utter_ack
              - utter_goodbye
            """, file: "s.md", domain: domain)
        let policy = MemoizationPolicy(stories: stories, domain: domain)
        let afterGreet = [listen, user("greet"), action("utter_greet"), listen, user("inform"), action("utter_ack")]
        let afterGoodbye = [listen, user("goodbye"), action("utter_goodbye"), listen, user("inform"), action("utter_ack")]
        #expect(try predict(afterGreet, policy: policy) == "action_search")
        #expect(try predict(afterGoodbye, policy: policy) == "utter_goodbye")
    }

    @Test func theFallbackAnswersAUserMessageWithUtterDefaultWhenDeclared() throws {
        #expect(try predict([listen, user("default")]) == "action_listen")
        let withDefault = try DomainLoader.load(text: "intents: [greet, shout]\ntemplates:\n  utter_default: [\"sorry?\"]\n", name: "d.yml")
        let policy = MemoizationPolicy(stories: [], domain: withDefault)
        let tracker = try Tracker(senderID: "u", domain: withDefault, events: [listen, user("shout")])
        #expect(policy.predict(tracker) == "utter_default")
        var answered = tracker
        try answered.append(action("utter_default"))
        #expect(policy.predict(answered) == "action_listen")
    }

    @Test func theRestartIntentRestartsAndAFollowupComesFirst() throws {
        #expect(try predict([listen, user("restart")]) == "action_restart")
        #expect(try predict([listen, user("greet"), ["event": "followup", "name": "utter_menu"]]) == "utter_menu")
    }

    @Test func predictionsAreDeterministic() throws {
        let events = [listen, user("greet"), action("utter_greet"), listen, user("inform")]
        let first = try predict(events)
        for _ in 0..<20 {
            let again = MemoizationPolicy(stories: try Fixtures.stories(domain), domain: domain)
            #expect(try predict(events, policy: again) == first)
        }
    }
}

@Suite struct InterpreterTests {
    let interpreter: MessageInterpreter

    init() throws {
        let matcher = try Fixtures.matcher()
        interpreter = MessageInterpreter(domain: try Fixtures.domain(), matchOrder: { matcher.match($0) })
    }

    @Test func slashTextIsReadDirectly() async throws {
        let data = await interpreter.parse(#"/greet{"name": "Rasa"}"#)
        #expect(data["intent"] == ["name": "greet", "confidence": 1.0])
        #expect(data["intent_ranking"] == [["name": "greet", "confidence": 1.0]])
        // start is the index of "{", end the text's length.
        #expect(data["entities"] == [["entity": "name", "value": "Rasa", "start": 6, "end": 22]])
        #expect(data["text"] == #"/greet{"name": "Rasa"}"#)
        let plain = await interpreter.parse("/goodbye")
        #expect(plain["intent"]?["name"] == "goodbye")
        #expect(plain["entities"] == [])
    }

    @Test func spacesAndTabsAroundADirectIntentAreDropped() async throws {
        // Unicode space separators count, as with Foundation's `.whitespaces`;
        // a line break does not.
        for text in ["/ greet", "/greet\t ", "/\u{00A0}greet\u{3000}", "/ \t greet \t{\"name\": \"Rasa\"}"] {
            let data = await interpreter.parse(text)
            #expect(data["intent"]?["name"] == "greet", "\(text.debugDescription)")
        }
        #expect(await interpreter.parse("/greet\n")["intent"]?["name"] == "greet\n")
        // Only spaces before the entities: no intent named, so not read directly.
        #expect(await interpreter.parse("/ \t{\"name\": \"Rasa\"}")["intent"]?["name"] == .null)
    }

    @Test func otherTextGoesThroughTheBrainsOrderMatcher() async throws {
        let greeting = await interpreter.parse("hello you")
        #expect(greeting["intent"] == ["name": "greet", "confidence": 1.0])
        let food = await interpreter.parse("I want Thai food")
        #expect(food["intent"]?["name"] == "order-food")
        #expect(food["entities"] == [["entity": "cuisine", "value": "Thai", "start": 7, "end": 11]])
    }

    @Test func declaredIntentsMatchTheirOwnName() async throws {
        #expect(await interpreter.parse("Goodbye")["intent"]?["name"] == "goodbye")
    }

    @Test func textNothingMatchesHasNoIntent() async throws {
        let data = await interpreter.parse("what is the weather")
        #expect(data["intent"] == ["name": .null, "confidence": 0.0])
        #expect(data["intent_ranking"] == [])
    }
}
