import HearthBrain

/// A conversation's state, derived from its events: every event is kept in
/// order, and the state is what the events still in force say (a restart
/// drops what came before; a rewind or an undo takes back the last user
/// message or action, while the event list keeps everything).
public struct Tracker: Sendable {
    public let senderID: String
    /// Every event as JSON text, in order: served as it is, so a long
    /// conversation is not encoded again for every read.
    private(set) var texts: [String] = []
    private var meanings: [DialogueEvent] = []
    /// Indexes of the events in force (Rasa's "applied events").
    private var applied: [Int] = []
    /// Index of the first event after the latest restart.
    public private(set) var sessionStart = 0

    public private(set) var slots: [String: Value]
    public private(set) var latestMessage: Value = Tracker.emptyMessage
    public private(set) var paused = false
    public private(set) var latestAction: String?
    /// The action a `followup` event asked for, until an action runs.
    public private(set) var followupAction: String?
    /// The timestamp of the newest event (null before any).
    public private(set) var latestEventTime: Value = .null
    private let initialSlots: [String: Value]

    static let emptyMessage: Value = ["text": .null, "intent": .map([:]), "entities": .list([])]

    public init(senderID: String, domain: Domain, events: [Value] = []) throws(DialogueError) {
        self.senderID = senderID
        self.initialSlots = domain.initialSlotValues
        self.slots = initialSlots
        texts.reserveCapacity(events.count)
        meanings.reserveCapacity(events.count)
        for event in events { try append(event) }
    }

    /// Every event, in order.
    public var events: [Value] { texts.map { (try? JSON.decode($0)) ?? .null } }

    public var eventCount: Int { texts.count }

    /// Adds one event and applies its effect.
    public mutating func append(_ event: Value) throws(DialogueError) {
        let meaning = try DialogueEvent(event)
        let index = texts.count
        texts.append(JSON.encode(event))
        meanings.append(meaning)
        latestEventTime = event.mapValue?["timestamp"] ?? .null
        switch meaning {
        case .restart:
            applied.removeAll()
            sessionStart = index + 1
            reset()
        case .rewind:
            takeBack(through: { if case .user = $0 { return true } else { return false } })
            takeBack(through: { if case .action = $0 { return true } else { return false } })
            replay()
        case .undo:
            takeBack(through: { if case .action = $0 { return true } else { return false } })
            replay()
        default:
            applied.append(index)
            apply(meaning)
        }
    }

    /// Removes applied events from the end up to and including the first
    /// one that `stop` accepts.
    private mutating func takeBack(through stop: (DialogueEvent) -> Bool) {
        while let last = applied.popLast() {
            if stop(meanings[last]) { return }
        }
    }

    private mutating func reset() {
        slots = initialSlots
        latestMessage = Self.emptyMessage
        paused = false
        latestAction = nil
        followupAction = nil
    }

    private mutating func replay() {
        reset()
        for index in applied { apply(meanings[index]) }
    }

    private mutating func apply(_ meaning: DialogueEvent) {
        switch meaning {
        case .user(let parseData): latestMessage = parseData
        case .slot(let name, let value):
            // Slots the domain does not declare stay in the events only.
            if initialSlots.keys.contains(name) { slots[name] = value }
        case .action(let name):
            latestAction = name
            followupAction = nil
        case .followup(let name): followupAction = name
        case .resetSlots: slots = initialSlots
        case .pause: paused = true
        case .resume: paused = false
        case .bot, .reminder, .inert, .restart, .rewind, .undo: break
        }
    }

    /// The latest message's intent name, if any.
    public var latestIntent: String? { latestMessage.mapValue?["intent"]?.mapValue?["name"]?.stringValue }

    /// The meanings of the events in force, oldest first.
    var appliedEvents: some RandomAccessCollection<DialogueEvent> { applied.lazy.map { meanings[$0] } }

    /// True when a user event is in force after the latest action (the
    /// policy's fallback applies only then).
    var isAwaitingAnswerToUser: Bool {
        for index in applied.reversed() {
            switch meanings[index] {
            case .user: return true
            case .action: return false
            default: continue
            }
        }
        return false
    }

    /// True when a user event arrived after the event at `position`.
    func hasUserMessage(after position: Int) -> Bool {
        meanings[(position + 1)...].contains { if case .user = $0 { return true } else { return false } }
    }

    /// The tracker as the Rasa API shows it; `events` null unless asked for,
    /// and only those after the latest restart unless `ignoreRestarts`.
    public func state(includeEvents: Bool, ignoreRestarts: Bool = false) -> Value {
        var fields = stateWithoutEvents
        fields["events"] = includeEvents ? .list(shownEvents(ignoreRestarts).map { (try? JSON.decode($0)) ?? .null }) : .null
        return .map(fields)
    }

    /// `state(includeEvents: true, ...)` as JSON text, written from the
    /// events' stored text rather than encoded again.
    public func stateJSON(ignoreRestarts: Bool = false) -> String {
        let rest = JSON.encode(.map(stateWithoutEvents))
        // Keys are written sorted, and "events" sorts before all the others.
        return "{\"events\": [" + shownEvents(ignoreRestarts).joined(separator: ", ") + "], " + rest.dropFirst()
    }

    private var stateWithoutEvents: [String: Value] {
        [
            "sender_id": .string(senderID),
            "slots": .map(slots),
            "latest_message": latestMessage,
            "latest_event_time": latestEventTime,
            "paused": .bool(paused),
        ]
    }

    private func shownEvents(_ ignoreRestarts: Bool) -> ArraySlice<String> {
        ignoreRestarts ? texts[...] : texts[sessionStart...]
    }
}
