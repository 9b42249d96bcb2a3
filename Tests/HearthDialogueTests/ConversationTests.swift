import Foundation
import HearthBrain
import HearthDialogue
import HearthRuntime
import HearthTestSupport
import Testing

/// The conversation loop over a tracker store: what is logged, predicted and said.
@Suite struct ConversationTests {
    @Test func theClientLoopRunsUntilActionListen() async throws {
        let store = MemoryTrackerStore()
        let conversations = try Fixtures.conversations(store: store)
        let parsed = try await conversations.parse("/greet", sender: "ann")
        #expect(parsed.nextAction == "utter_greet")
        #expect(parsed.tracker.latestMessage["intent"]?["confidence"] == 1.0)
        let next = try await conversations.continueConversation("ann", executedAction: "utter_greet", events: [])
        #expect(next.nextAction == "action_listen")
        #expect(eventTypes(store.storedEvents(of: "ann")!) == ["action action_listen", "user", "action utter_greet", "action action_listen"])

        // A second turn along the order story, with a slot filled by the message's entity.
        let inform = try await conversations.parse(#"/inform{"cuisine": "thai"}"#, sender: "ann")
        #expect(inform.nextAction == "utter_ack")
        #expect(inform.tracker.slots["cuisine"] == "thai")
        let search = try await conversations.continueConversation("ann", executedAction: "utter_ack", events: [])
        #expect(search.nextAction == "action_search")
        let done = try await conversations.continueConversation(
            "ann", executedAction: "action_search", events: [["event": "slot", "name": "location", "value": "Lyon"]])
        #expect(done.nextAction == "action_listen")
        #expect(done.tracker.slots["location"] == "Lyon")
        #expect(eventTypes(store.storedEvents(of: "ann")!).dropFirst(4) == [
            "user", "slot cuisine", "action utter_ack", "action action_search", "slot location", "action action_listen",
        ])
    }

    @Test func trackersPastTheEventLimitAreReadBackWhenNeeded() async throws {
        let store = MemoryTrackerStore()
        let limit = 5
        let conversations = try Fixtures.conversations(store: store, cacheLimit: .init(trackers: 64, events: limit))
        for _ in 0..<2 { _ = try await conversations.parse("/greet", sender: "ann") }
        let annEvents = store.storedEvents(of: "ann")!.count
        #expect(annEvents >= 3 && annEvents <= limit)
        // Bob's turns take the events over the limit: Ann's tracker goes, Bob's stays.
        for _ in 0..<2 { _ = try await conversations.parse("/greet", sender: "bob") }
        #expect(annEvents + store.storedEvents(of: "bob")!.count > limit)
        let readsBefore = store.readsMade
        _ = try await conversations.parse("/greet", sender: "bob")
        #expect(store.readsMade == readsBefore)
        // Read back whole: the next turn carries on from every stored event.
        let ann = try await conversations.parse("/greet", sender: "ann")
        #expect(store.readsMade == readsBefore + ["ann"])
        #expect(ann.tracker.eventCount == store.storedEvents(of: "ann")!.count)
        #expect(ann.tracker.eventCount > annEvents)

        // One conversation alone over the limit stays in memory while it is used.
        for _ in 0..<6 { _ = try await conversations.parse("/greet", sender: "cid") }
        #expect(store.storedEvents(of: "cid")!.count > limit)
        #expect(store.readsMade.filter { $0 == "cid" }.count == 1)
    }

    @Test func turnsAreSyncedWithinASecondAndPostedEventsBeforeTheAnswer() async throws {
        let store = MemoryTrackerStore()
        let conversations = try Fixtures.conversations(store: store)
        _ = try await conversations.parse("/greet", sender: "ann")
        _ = try await conversations.continueConversation("ann", executedAction: "utter_greet", events: [])
        _ = try await conversations.respond("/greet", sender: "ann")
        _ = try await conversations.appendEvents("ann", [["event": "slot", "name": "cuisine", "value": "thai"]])
        #expect(store.appendsMade.map(\.synced) == [false, false, false, true])
        #expect(eventTypes(store.appendsMade.last!.events) == ["slot cuisine"])
    }

    @Test func continueWithNothingExecutedOnANewConversationListens() async throws {
        let conversations = try Fixtures.conversations()
        let prediction = try await conversations.continueConversation("new", executedAction: nil, events: [])
        #expect(prediction.nextAction == "action_listen")
    }

    @Test func continueAfterActionListenPredictsNothing() async throws {
        let conversations = try Fixtures.conversations()
        _ = try await conversations.parse("/greet", sender: "a")
        let prediction = try await conversations.continueConversation("a", executedAction: "action_listen", events: [])
        #expect(prediction.nextAction == nil)
        #expect(prediction.info != nil)
    }

    @Test func unknownActionsAndEventsAreRefusedAndChangeNothing() async throws {
        let store = MemoryTrackerStore()
        let conversations = try Fixtures.conversations(store: store)
        _ = try await conversations.parse("/greet", sender: "a")
        let before = store.storedEvents(of: "a")
        await #expect(throws: DialogueError.unknownAction("utter_nothing")) {
            try await conversations.continueConversation("a", executedAction: "utter_nothing", events: [])
        }
        await #expect(throws: DialogueError.unknownEventType("shout")) {
            try await conversations.continueConversation("a", executedAction: "utter_greet", events: [["event": "slot", "name": "cuisine", "value": 1], ["event": "shout"]])
        }
        #expect(store.storedEvents(of: "a") == before)
    }

    @Test func aFailedWriteChangesNothing() async throws {
        let store = MemoryTrackerStore()
        let conversations = try Fixtures.conversations(store: store)
        _ = try await conversations.parse("/greet", sender: "a")
        store.failWrites = true
        await #expect(throws: DialogueError.notSaved(StateSaveFailure(.storageFull, detail: "storage is full"))) {
            try await conversations.continueConversation("a", executedAction: "utter_greet", events: [])
        }
        store.failWrites = false
        let tracker = try await conversations.tracker("a")
        #expect(eventTypes(tracker.events) == ["action action_listen", "user"])
    }

    @Test func respondRunsTheResponsesOnTheServer() async throws {
        let store = MemoryTrackerStore()
        let conversations = try Fixtures.conversations(store: store)
        let messages = try await conversations.respond("/greet", sender: "bob")
        #expect(messages == [["recipient_id": "bob", "text": "hey there!"]])
        // One bot event per response, before its action.
        #expect(eventTypes(store.storedEvents(of: "bob")!) == ["action action_listen", "user", "bot", "action utter_greet", "action action_listen"])
        #expect(store.storedEvents(of: "bob")![2]["text"] == "hey there!")
    }

    @Test func respondFillsSlotsAndSplitsAtBlankLines() async throws {
        let conversations = try Fixtures.conversations()
        _ = try await conversations.respond("/greet", sender: "c")
        let messages = try await conversations.respond(#"/inform{"cuisine": "thai"}"#, sender: "c")
        // utter_ack is "{cuisine} for {people} people.\n\nAnything else?"; action_search is the client's.
        #expect(messages == [["recipient_id": "c", "text": "thai for 2 people."], ["recipient_id": "c", "text": "Anything else?"]])
        let tracker = try await conversations.tracker("c")
        let bot = tracker.events.last { $0["event"] == "bot" }
        #expect(bot?["text"] == "thai for 2 people.\n\nAnything else?")
        #expect(eventTypes(tracker.events).suffix(5) == ["slot cuisine", "bot", "action utter_ack", "action action_search", "action action_listen"])
    }

    @Test func respondSendsButtonsAsDataAndImages() async throws {
        let conversations = try Fixtures.conversations()
        _ = try await conversations.appendEvents("d", [["event": "followup", "name": "utter_ask_cuisine"]])
        let messages = try await conversations.respond("/greet", sender: "d")
        // {name} is no slot: the text stays as written, as Rasa leaves it.
        #expect(messages.first == [
            "recipient_id": "d", "text": "What kind of food, {name}?",
            "data": [["title": "Thai", "payload": #"/inform{"cuisine": "thai"}"#], ["title": "Italian", "payload": #"/inform{"cuisine": "italian"}"#]],
        ])
        _ = try await conversations.appendEvents("d", [["event": "followup", "name": "utter_menu"]])
        let menu = try await conversations.respond("/greet", sender: "d")
        #expect(menu.prefix(2) == [["recipient_id": "d", "text": "Here is the menu"], ["recipient_id": "d", "image": "https://example.org/menu.png"]])
    }

    @Test func respondStopsAfterTenActions() async throws {
        let domain = try DomainLoader.load(text: "intents: [loop]\ntemplates:\n  utter_again: [\"again\"]\n", name: "d.yml")
        let stories = try StoryParser.parse(
            "## loop\n* loop\n" + String(repeating: "  - utter_again\n", count: 15), file: "s.md", domain: domain)
        let conversations = Conversations(domain: domain, stories: stories, store: MemoryTrackerStore(), matchOrder: { _ in [] })
        let messages = try await conversations.respond("/loop", sender: "e")
        #expect(messages.count == Conversations.maximumActions)
    }

    @Test func whilePausedNothingIsPredictedButRestartStillWorks() async throws {
        let conversations = try Fixtures.conversations()
        _ = try await conversations.appendEvents("p", [["event": "pause"]])
        let parsed = try await conversations.parse("/greet", sender: "p")
        #expect(parsed.nextAction == nil)
        #expect(parsed.info?.contains("paused") == true)
        #expect(try await conversations.respond("/greet", sender: "p") == [])
        let restart = try await conversations.parse("/restart", sender: "p")
        #expect(restart.nextAction == "action_restart")
        let after = try await conversations.continueConversation("p", executedAction: "action_restart", events: [])
        #expect(after.nextAction == "action_listen")
        #expect(after.tracker.paused == false)
        #expect(eventTypes(after.tracker.state(includeEvents: true)["events"]!.listValue!) == ["action action_listen"])
    }

    @Test func clientTimestampsAreKeptAndMissingOnesAdded() async throws {
        let clock = TestClock()
        let conversations = try Fixtures.conversations(clock: clock)
        let tracker = try await conversations.appendEvents("t", [["event": "slot", "name": "cuisine", "value": "x", "timestamp": 12], ["event": "pause"]])
        #expect(tracker.events[1]["timestamp"] == 12)
        #expect(tracker.events[2]["timestamp"] == .double(clock.now.timeIntervalSince1970))
    }

    @Test func trackerUntilShowsTheConversationAsItWas() async throws {
        let clock = TestClock()
        let conversations = try Fixtures.conversations(clock: clock)
        _ = try await conversations.parse(#"/inform{"cuisine": "thai"}"#, sender: "h")
        let middle = clock.now.timeIntervalSince1970
        clock.advance(10)
        _ = try await conversations.parse(#"/inform{"cuisine": "lao"}"#, sender: "h")
        let then = try await conversations.tracker("h", until: middle)
        #expect(then.slots["cuisine"] == "thai")
        #expect(try await conversations.tracker("h").slots["cuisine"] == "lao")
    }

    @Test func remindersRunServerActionsWhenDue() async throws {
        let store = MemoryTrackerStore()
        let conversations = try Fixtures.conversations(store: store, stories: false)
        // Due at once (the test clock is in 2018).
        _ = try await conversations.appendEvents("r", [
            ["event": "reminder", "action": "utter_greet", "date_time": "2018-01-01T00:00:00", "kill_on_user_msg": false],
            ["event": "reminder", "action": "action_search", "date_time": "2018-01-01T00:00:00"],
        ])
        #expect(await eventually(within: 60) { (store.storedEvents(of: "r") ?? []).contains { $0["event"] == "bot" } })
        let types = eventTypes(store.storedEvents(of: "r")!)
        #expect(types == ["action action_listen", "reminder", "reminder", "bot", "action utter_greet", "action action_listen"])
    }

    @Test func aReminderIsDroppedWhenTheUserSpokeSince() async throws {
        let store = MemoryTrackerStore()
        let gate = Gate()
        let domain = try Fixtures.domain()
        let conversations = Conversations(
            domain: domain, stories: [], store: store, matchOrder: { _ in [] }, now: { TestClock().now }, pickVariant: { _ in 0 },
            sleep: { _ in await gate.wait() })
        _ = try await conversations.appendEvents("k", [
            ["event": "reminder", "action": "utter_greet", "date_time": "2018-01-01T00:00:10", "kill_on_user_msg": true],
            ["event": "reminder", "action": "utter_goodbye", "date_time": "2018-01-01T00:00:10", "kill_on_user_msg": false],
        ])
        #expect(await conversations.pendingReminders == 2)
        _ = try await conversations.parse("/inform", sender: "k")
        await gate.open()
        #expect(await eventually(within: 60) { (store.storedEvents(of: "k") ?? []).contains { $0["event"] == "bot" } })
        while await conversations.pendingReminders > 0 { try await Task.sleep(for: .milliseconds(5)) }
        let bots = store.storedEvents(of: "k")!.filter { $0["event"] == "bot" }.map { $0["text"] }
        #expect(bots == ["bye"])
    }

    @Test func aNewConversationIsListedOnceCreated() async throws {
        let conversations = try Fixtures.conversations()
        _ = try await conversations.tracker("one")
        _ = try await conversations.parse("/greet", sender: "two")
        #expect(try await conversations.conversationIDs() == ["one", "two"])
    }
}

/// Holds reminders until the test opens it.
actor Gate {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func open() {
        isOpen = true
        for continuation in waiting { continuation.resume() }
        waiting.removeAll()
    }
}

