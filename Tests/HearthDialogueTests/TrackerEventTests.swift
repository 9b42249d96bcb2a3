import HearthBrain
import HearthDialogue
import Testing

/// Each event type's effect on the state a tracker shows.
@Suite struct TrackerEventTests {
    let domain: Domain

    init() throws { domain = try Fixtures.domain() }

    func tracker(_ events: [Value]) throws -> Tracker {
        try Tracker(senderID: "u", domain: domain, events: events)
    }

    static func user(_ intent: String, _ text: String? = nil) -> Value {
        [
            "event": "user", "text": .string(text ?? "/\(intent)"), "timestamp": 1.0,
            "parse_data": ["text": .string(text ?? "/\(intent)"), "intent": ["name": .string(intent), "confidence": 1.0],
                           "intent_ranking": [["name": .string(intent), "confidence": 1.0]], "entities": []],
        ]
    }

    static func action(_ name: String) -> Value { ["event": "action", "name": .string(name), "timestamp": 2.0] }
    static func slot(_ name: String, _ value: Value) -> Value { ["event": "slot", "name": .string(name), "value": value, "timestamp": 3.0] }
    static func plain(_ type: String) -> Value { ["event": .string(type), "timestamp": 4.0] }

    @Test func aNewTrackerHasInitialSlotsAndAnEmptyMessage() throws {
        let state = try tracker([Self.action("action_listen")]).state(includeEvents: true)
        #expect(state["sender_id"] == "u")
        #expect(state["slots"]?["people"] == 2)
        #expect(state["slots"]?["cuisine"] == .null)
        #expect(state["latest_message"] == ["text": .null, "intent": [:], "entities": []])
        #expect(state["paused"] == false)
        #expect(state["latest_event_time"] == 2.0)
        #expect(state["events"]?.listValue?.count == 1)
    }

    @Test func userSetsTheLatestMessageToItsParseDataAsStored() throws {
        let user = Self.user("greet")
        let tracker = try tracker([Self.action("action_listen"), user])
        #expect(tracker.latestMessage == user["parse_data"])
        #expect(tracker.latestMessage["intent_ranking"]?.listValue?.count == 1)
        let bare = try self.tracker([["event": "user", "text": "hi"]])
        #expect(bare.latestMessage == ["text": "hi", "intent": [:], "entities": []])
    }

    @Test func botChangesNothingShown() throws {
        let before = try tracker([Self.user("greet")])
        let after = try tracker([Self.user("greet"), ["event": "bot", "text": "hey", "data": .null, "timestamp": 5.0]])
        #expect(after.slots == before.slots)
        #expect(after.latestMessage == before.latestMessage)
        #expect(after.latestAction == before.latestAction)
        #expect(after.events.count == 2)
    }

    @Test func slotSetsDeclaredSlotsAndKeepsUndeclaredOnesInTheEventsOnly() throws {
        let tracker = try tracker([Self.slot("cuisine", "thai"), Self.slot("requests", ["a", 1]), Self.slot("unknown", "x")])
        #expect(tracker.slots["cuisine"] == "thai")
        #expect(tracker.slots["requests"] == ["a", 1])
        #expect(tracker.slots["unknown"] == nil)
        #expect(tracker.events.count == 3)
    }

    @Test func actionIsTheLatestActionAndClearsAFollowup() throws {
        var tracker = try tracker([Self.action("utter_greet")])
        #expect(tracker.latestAction == "utter_greet")
        try tracker.append(["event": "followup", "name": "utter_ack"])
        #expect(tracker.followupAction == "utter_ack")
        try tracker.append(Self.action("utter_ack"))
        #expect(tracker.followupAction == nil)
    }

    @Test func restartResetsEverythingAndHidesEarlierEvents() throws {
        let tracker = try tracker([
            Self.action("action_listen"), Self.user("greet"), Self.slot("cuisine", "thai"), Self.slot("people", 4), Self.plain("pause"),
            Self.plain("restart"), Self.action("action_listen"),
        ])
        #expect(tracker.slots == domain.initialSlotValues)
        #expect(tracker.paused == false)
        #expect(tracker.latestMessage == ["text": .null, "intent": [:], "entities": []])
        #expect(eventTypes(tracker.state(includeEvents: true)["events"]!.listValue!) == ["action action_listen"])
        #expect(tracker.state(includeEvents: true, ignoreRestarts: true)["events"]?.listValue?.count == 7)
    }

    @Test func resetSlotsOnlyResetsSlots() throws {
        let tracker = try tracker([Self.user("greet"), Self.slot("cuisine", "thai"), Self.plain("pause"), Self.plain("reset_slots")])
        #expect(tracker.slots == domain.initialSlotValues)
        #expect(tracker.paused)
        #expect(tracker.latestIntent == "greet")
    }

    @Test func rewindTakesBackTheLastUserMessageAndTheListenBeforeIt() throws {
        let tracker = try tracker([
            Self.action("action_listen"), Self.user("greet"), Self.action("utter_greet"), Self.action("action_listen"),
            Self.user("inform"), Self.slot("cuisine", "thai"), Self.plain("rewind"),
        ])
        #expect(tracker.latestIntent == "greet")
        #expect(tracker.latestAction == "utter_greet")
        #expect(tracker.slots["cuisine"] == .null)
        // The stored list keeps everything, the rewind included.
        #expect(tracker.events.count == 7)
    }

    @Test func undoTakesBackTheLastAction() throws {
        let tracker = try tracker([
            Self.action("action_listen"), Self.user("greet"), Self.action("utter_greet"), Self.slot("cuisine", "thai"), Self.plain("undo"),
        ])
        #expect(tracker.latestAction == "action_listen")
        #expect(tracker.slots["cuisine"] == .null)
        #expect(tracker.latestIntent == "greet")
        #expect(tracker.events.count == 5)
    }

    @Test func pauseAndResume() throws {
        #expect(try tracker([Self.plain("pause")]).paused)
        #expect(try tracker([Self.plain("pause"), Self.plain("resume")]).paused == false)
    }

    @Test func reminderFollowupAndInertEventsAreAccepted() throws {
        let tracker = try tracker([
            ["event": "reminder", "action": "utter_greet", "date_time": "2018-01-01T00:00:10", "name": "r", "kill_on_user_msg": false],
            Self.plain("topic"), Self.plain("export"), ["event": "agent", "text": "x"], ["event": "followup", "name": "utter_menu"],
        ])
        #expect(tracker.events.count == 5)
        #expect(tracker.followupAction == "utter_menu")
        #expect(tracker.slots == domain.initialSlotValues)
    }

    @Test func badEventsAreRefusedWithTheirReason() throws {
        #expect(throws: DialogueError.unknownEventType("shout")) { try tracker([["event": "shout"]]) }
        #expect(throws: DialogueError.badEvent("an event needs an \"event\" type")) { try tracker([["name": "x"]]) }
        #expect(throws: DialogueError.badEvent("a 'slot' event needs a \"name\" string")) { try tracker([["event": "slot", "value": 1]]) }
        #expect(throws: DialogueError.badEvent("a 'action' event needs a \"name\" string")) { try tracker([["event": "action"]]) }
        #expect(throws: DialogueError.self) { try tracker([["event": "reminder", "action": "utter_greet", "date_time": "soon"]]) }
        #expect(throws: DialogueError.self) { try tracker([["event": "user", "timestamp": "yesterday"]]) }
        #expect(throws: DialogueError.badEvent("an event must be a JSON object")) { try tracker(["user"]) }
    }
}
