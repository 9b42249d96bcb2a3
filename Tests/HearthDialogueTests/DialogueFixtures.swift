import Foundation
import HearthBrain
import HearthDialogue
import HearthRuntime
import Synchronization

/// The domain of Rasa Core's own server tests, plus what Hearth's tests need.
enum Fixtures {
    static let domainYAML = """
        intents:
          - greet
          - default
          - goodbye
          - inform
          - restart
        entities:
          - cuisine
          - name
        slots:
          cuisine:
            type: text
          location:
            type: text
          people:
            type: float
            initial_value: 2
            min_value: 1
            max_value: 12
          vegetarian:
            type: bool
            initial_value: false
          requests:
            type: list
          price:
            type: categorical
            values: [cheap, expensive]
            initial_value: cheap
          note:
            type: unfeaturized
        templates:
          utter_greet:
            - "hey there!"
          utter_ask_cuisine:
            - text: "What kind of food, {name}?"
              buttons:
                - title: Thai
                  payload: '/inform{"cuisine": "thai"}'
                - title: Italian
                  payload: '/inform{"cuisine": "italian"}'
          utter_ack:
            - "{cuisine} for {people} people.\\n\\nAnything else?"
          utter_goodbye:
            - "bye"
            - "see you"
          utter_menu:
            - text: "Here is the menu"
              image: "https://example.org/menu.png"
        actions:
          - utter_greet
          - utter_ask_cuisine
          - utter_ack
          - utter_goodbye
          - utter_menu
          - action_search
        """

    static let storiesMarkdown = """
        ## greet
        * greet
          - utter_greet

        ## order
        * greet
          - utter_greet
        * inform{"cuisine": "thai"}
          - slot{"cuisine": "thai"}
          - utter_ack
          - action_search

        <!-- a comment -->
        ## goodbye
        * goodbye
          - utter_goodbye
        """

    static func domain() throws -> Domain { try DomainLoader.load(text: domainYAML, name: "domain.yml") }
    static func stories(_ domain: Domain) throws -> [Story] { try StoryParser.parse(storiesMarkdown, file: "stories.md", domain: domain) }

    /// A brain whose orders become intents for text that is not `/intent`.
    static let brain = """
        - name: greet
          signals:
            - order: "hello"
          neurons:
            - say: {message: "Hello"}
        - name: order-food
          signals:
            - order: "I want {{ cuisine }} food"
          neurons:
            - say: {message: "ok"}
        """

    static func matcher() throws -> OrderMatcher {
        OrderMatcher(brain: try BrainLoader.load(text: brain, name: "brain.yml").brain)
    }

    static func conversations(
        store: MemoryTrackerStore = MemoryTrackerStore(), clock: TestClock = TestClock(), stories: Bool = true,
        cacheLimit: Conversations.CacheLimit = Conversations.CacheLimit()
    ) throws -> Conversations {
        let domain = try domain()
        let matcher = try matcher()
        return Conversations(
            domain: domain, stories: stories ? try self.stories(domain) : [], store: store,
            matchOrder: { matcher.match($0) }, now: { clock.now }, pickVariant: { _ in 0 }, cacheLimit: cacheLimit)
    }
}

/// Trackers in memory, with a switch that makes every write fail; it
/// remembers which appends were asked to be synced, and which trackers
/// were read.
final class MemoryTrackerStore: DialogueTrackerStore {
    private let state = Mutex<(ids: [String], events: [String: [Value]], failing: Bool)>(([], [:], false))
    private let appends = Mutex<[(events: [Value], synced: Bool)]>([])
    private let reads = Mutex<[String]>([])

    /// The conversations whose events were read, in order.
    var readsMade: [String] { reads.withLock { $0 } }

    /// Every append, in order: the events and whether it was synced.
    var appendsMade: [(events: [Value], synced: Bool)] { appends.withLock { $0 } }

    var failWrites: Bool {
        get { state.withLock { $0.failing } }
        set { state.withLock { $0.failing = newValue } }
    }

    func storedEvents(of id: String) -> [Value]? { state.withLock { $0.events[id] } }

    func conversationIDs() throws(StateSaveFailure) -> [String] { state.withLock { $0.ids } }

    func events(of id: String) throws(StateSaveFailure) -> [Value]? {
        reads.withLock { $0.append(id) }
        return state.withLock { $0.events[id] }
    }

    func append(_ events: [Value], texts: [String], to id: String, after count: Int, synced: Bool) throws(StateSaveFailure) {
        // What the SQLite store writes is the texts: they must say the events.
        guard texts.count == events.count, zip(texts, events).allSatisfy({ (try? JSON.decode($0)) == $1 }) else {
            throw StateSaveFailure(.unavailable, detail: "the texts of '\(id)' are not its events")
        }
        let stored = state.withLock { $0.events[id]?.count ?? 0 }
        // As SQLite's key on (conversation, position) does.
        guard stored == count else {
            throw StateSaveFailure(.unavailable, detail: "'\(id)' has \(stored) events, not \(count)")
        }
        try write { if $0.events[id] == nil { $0.ids.append(id) }; $0.events[id, default: []] += events }
        appends.withLock { $0.append((events, synced)) }
    }

    func replace(_ events: [Value], of id: String) throws(StateSaveFailure) {
        try write { if $0.events[id] == nil { $0.ids.append(id) }; $0.events[id] = events }
    }

    private func write(_ change: (inout (ids: [String], events: [String: [Value]], failing: Bool)) -> Void) throws(StateSaveFailure) {
        let failed = state.withLock { state -> Bool in
            if state.failing { return true }
            change(&state)
            return false
        }
        if failed { throw StateSaveFailure(.storageFull, detail: "storage is full") }
    }
}

/// A clock the test moves; starts at 2018-01-01T00:00:00Z.
final class TestClock: Sendable {
    private let time = Mutex(Date(timeIntervalSince1970: 1_514_764_800))
    var now: Date { time.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { time.withLock { $0 += seconds } }
}

extension Value {
    subscript(key: String) -> Value? { mapValue?[key] }
    subscript(index: Int) -> Value? { listValue.flatMap { index < $0.count ? $0[index] : nil } }
}

/// The event types of a tracker's events, in order.
func eventTypes(_ events: [Value]) -> [String] {
    events.map { event in
        let type = event["event"]?.stringValue ?? "?"
        if let name = event["name"]?.stringValue { return "\(type) \(name)" }
        return type
    }
}
