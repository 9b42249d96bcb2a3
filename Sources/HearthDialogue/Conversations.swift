import Foundation
import HearthBrain
import HearthRuntime
import Logging

/// Every Rasa conversation of the device: reads messages, predicts actions,
/// runs the ones the server can run itself (`utter_` responses, restart,
/// reminders), and keeps each tracker's events in the store before
/// answering, so what a client was told survives a restart.
///
/// The turns of a conversation (messages, predictions, the actions run) are
/// its log, like the device's run history: committed before the answer and
/// synced to disk within a second, so a chat never waits for the disk.
/// Events a client posts to change a tracker are synced before the answer.
///
/// Calls on the actor run one at a time; the only suspension point is the
/// order matcher, which runs before any tracker is touched.
public actor Conversations {
    /// What a prediction call answers: the action to run next (nil when
    /// there is none, with the reason in `info`) and the tracker after it.
    public struct Prediction: Sendable {
        public var nextAction: String?
        public var info: String?
        public var tracker: Tracker
    }

    /// `respond` and reminders run at most this many actions in a row.
    public static let maximumActions = 10
    /// How much of the conversations stays in memory: past either limit,
    /// the least recently used trackers go, and are read back from the
    /// store when needed again. Events bound the memory (~0.5 KB each with
    /// the tracker's state, so ~50 MB at most), since one conversation may
    /// hold any number; the limit is wide because reading a long tracker
    /// back costs far more than keeping it. The conversation just used
    /// stays even when it alone is over the limit.
    public struct CacheLimit: Sendable, Equatable {
        public var trackers: Int
        public var events: Int

        public init(trackers: Int = 64, events: Int = 100_000) {
            self.trackers = trackers
            self.events = events
        }
    }
    static let pausedInfo = "the conversation is paused: no action is taken until it is resumed or restarted"
    static let listenInfo = "action_listen was executed: nothing to predict until the next user message"

    public nonisolated let domain: Domain
    private let policy: MemoizationPolicy
    private let interpreter: MessageInterpreter
    private let store: any DialogueTrackerStore
    private let now: @Sendable () -> Date
    /// Picks a response variant: given a count, an index below it.
    private let pickVariant: @Sendable (Int) -> Int
    /// Waits until a reminder is due.
    private let sleep: @Sendable (Duration) async throws -> Void
    private let logger: Logger

    private let cacheLimit: CacheLimit
    private var cache: [String: Tracker] = [:]
    private var lastUse: [String: UInt64] = [:]
    private var useCounter: UInt64 = 0
    private var reminders: [UUID: Task<Void, Never>] = [:]

    public init(
        domain: Domain, stories: [Story], store: any DialogueTrackerStore,
        matchOrder: @escaping MessageInterpreter.OrderMatches,
        now: @escaping @Sendable () -> Date = { Date() },
        pickVariant: @escaping @Sendable (Int) -> Int = { Int.random(in: 0..<$0) },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        cacheLimit: CacheLimit = CacheLimit(),
        logger: Logger = Logger(label: "hearth.dialogue")
    ) {
        self.domain = domain
        self.cacheLimit = cacheLimit
        self.policy = MemoizationPolicy(stories: stories, domain: domain)
        self.interpreter = MessageInterpreter(domain: domain, matchOrder: matchOrder)
        self.store = store
        self.now = now
        self.pickVariant = pickVariant
        self.sleep = sleep
        self.logger = logger
    }

    // MARK: The loop

    /// A user message: logs it (and the slots its entities fill), predicts
    /// the next action, and logs `action_listen` at once when that is it.
    public func parse(_ text: String, sender: String) async throws(DialogueError) -> Prediction {
        let parseData = await interpreter.parse(text)
        var (tracker, new) = try load(sender)
        receive(text, parseData: parseData, into: &tracker, new: &new)
        let prediction = predict(&tracker, new: &new)
        try commit(sender, tracker, new)
        return prediction
    }

    /// The client ran `executedAction` (nil: nothing) and reports the events
    /// it produced; predicts again.
    public func continueConversation(
        _ sender: String, executedAction: String?, events posted: [Value]
    ) throws(DialogueError) -> Prediction {
        if let executedAction, !domain.hasAction(executedAction) { throw .unknownAction(executedAction) }
        let posted = try stamped(posted)
        var (tracker, new) = try load(sender)
        if executedAction == Domain.listen {
            try add(posted, to: &tracker, new: &new)
            try commit(sender, tracker, new)
            return Prediction(nextAction: nil, info: Self.listenInfo, tracker: tracker)
        }
        if let executedAction {
            add(event(["event": "action", "name": .string(executedAction)]), to: &tracker, new: &new)
        }
        try add(posted, to: &tracker, new: &new)
        if executedAction == Domain.restart, !posted.contains(where: { $0.mapValue?["event"] == "restart" }) {
            // The restart is what action_restart does; a client need not post it.
            add(event(["event": "restart"]), to: &tracker, new: &new)
        }
        let prediction = predict(&tracker, new: &new)
        try commit(sender, tracker, new)
        return prediction
    }

    /// A user message answered by the server: runs up to ten actions until
    /// `action_listen` and returns the messages of the `utter_` ones.
    public func respond(_ text: String, sender: String) async throws(DialogueError) -> [Value] {
        let parseData = await interpreter.parse(text)
        var (tracker, new) = try load(sender)
        receive(text, parseData: parseData, into: &tracker, new: &new)
        var messages: [Value] = []
        if !isPausedForGood(tracker) {
            messages = runActions(startingWith: nil, tracker: &tracker, new: &new)
        }
        try commit(sender, tracker, new)
        return messages.map { message in
            guard case .map(var fields) = message else { return message }
            fields["recipient_id"] = .string(sender)
            return .map(fields)
        }
    }

    // MARK: Trackers

    /// A conversation's tracker, created (and saved) when it does not exist;
    /// with `until`, as it was at that unix time.
    public func tracker(_ sender: String, until: Double? = nil) throws(DialogueError) -> Tracker {
        let (tracker, new) = try load(sender)
        try commit(sender, tracker, new)
        guard let until else { return tracker }
        let earlier = tracker.events.filter { ($0.mapValue?["timestamp"]?.doubleValue ?? -.infinity) <= until }
        return try Tracker(senderID: sender, domain: domain, events: earlier)
    }

    /// Replaces a conversation's events with `events` (no `action_listen` added).
    public func replaceEvents(_ sender: String, with events: [Value]) throws(DialogueError) -> Tracker {
        let events = try stamped(events)
        let tracker = try Tracker(senderID: sender, domain: domain, events: events)
        do {
            try store.replace(events, of: sender)
        } catch {
            throw .notSaved(error)
        }
        remember(sender, tracker)
        scheduleReminders(in: events, of: tracker, from: 0)
        return tracker
    }

    /// Appends events to a conversation.
    public func appendEvents(_ sender: String, _ events: [Value]) throws(DialogueError) -> Tracker {
        let events = try stamped(events)
        var (tracker, new) = try load(sender)
        try add(events, to: &tracker, new: &new)
        try commit(sender, tracker, new, synced: true)
        return tracker
    }

    public func conversationIDs() throws(DialogueError) -> [String] {
        do {
            return try store.conversationIDs()
        } catch {
            throw .unavailable(error)
        }
    }

    /// Reminders scheduled that have not fired yet.
    public var pendingReminders: Int { reminders.count }

    /// Cancels the reminders that have not fired.
    public func stop() {
        for task in reminders.values { task.cancel() }
        reminders.removeAll()
    }

    // MARK: Steps

    private func receive(_ text: String, parseData: Value, into tracker: inout Tracker, new: inout [Value]) {
        add(event(["event": "user", "text": .string(text), "parse_data": parseData]), to: &tracker, new: &new)
        // Entities fill the slots of the same name.
        for entity in parseData.mapValue?["entities"]?.listValue ?? [] {
            guard let name = entity.mapValue?["entity"]?.stringValue, domain.slot(named: name) != nil else { continue }
            add(event(["event": "slot", "name": .string(name), "value": entity.mapValue?["value"] ?? .null]), to: &tracker, new: &new)
        }
    }

    /// Paused, and the message is not the one that may restart it.
    private func isPausedForGood(_ tracker: Tracker) -> Bool {
        tracker.paused && tracker.latestIntent != Domain.restartIntent
    }

    /// The next action for the client; `action_listen` is logged at once.
    private func predict(_ tracker: inout Tracker, new: inout [Value]) -> Prediction {
        if isPausedForGood(tracker) { return Prediction(nextAction: nil, info: Self.pausedInfo, tracker: tracker) }
        let next = policy.predict(tracker)
        if next == Domain.listen {
            add(event(["event": "action", "name": .string(Domain.listen)]), to: &tracker, new: &new)
        }
        return Prediction(nextAction: next, info: nil, tracker: tracker)
    }

    /// Runs actions on the server until `action_listen` (logged), a pause,
    /// or the limit. `first` is run before any prediction (a reminder's).
    private func runActions(startingWith first: String?, tracker: inout Tracker, new: inout [Value]) -> [Value] {
        var messages: [Value] = []
        var next = first
        for _ in 0..<Self.maximumActions {
            let action = next ?? policy.predict(tracker)
            next = nil
            if action == Domain.listen {
                add(event(["event": "action", "name": .string(action)]), to: &tracker, new: &new)
                break
            }
            if let variants = domain.responses[action], !variants.isEmpty {
                let rendered = RenderedResponse(variants[pickVariant(variants.count)], slots: tracker.slots)
                // The bot event comes before the action that uttered it, as Rasa logs them.
                add(event(["event": "bot", "text": rendered.text.map(Value.string) ?? .null, "data": rendered.data]), to: &tracker, new: &new)
                messages += rendered.messages
            }
            add(event(["event": "action", "name": .string(action)]), to: &tracker, new: &new)
            if action == Domain.restart { add(event(["event": "restart"]), to: &tracker, new: &new) }
            if tracker.paused { break }
        }
        return messages
    }

    // MARK: Events and storage

    /// A server-made event, stamped now.
    private func event(_ fields: [String: Value]) -> Value {
        var fields = fields
        fields["timestamp"] = .double(now().timeIntervalSince1970)
        return .map(fields)
    }

    /// Client events, checked, with the time added where they carry none
    /// (their own timestamps are kept as sent).
    private func stamped(_ events: [Value]) throws(DialogueError) -> [Value] {
        var result: [Value] = []
        result.reserveCapacity(events.count)
        for event in events {
            _ = try DialogueEvent(event)
            guard case .map(var fields) = event else { continue }
            if fields["timestamp"] == nil || fields["timestamp"] == .null {
                fields["timestamp"] = .double(now().timeIntervalSince1970)
            }
            result.append(.map(fields))
        }
        return result
    }

    private func add(_ event: Value, to tracker: inout Tracker, new: inout [Value]) {
        // Server-made events are well formed by construction.
        try? tracker.append(event)
        new.append(event)
    }

    private func add(_ events: [Value], to tracker: inout Tracker, new: inout [Value]) throws(DialogueError) {
        for event in events {
            try tracker.append(event)
            new.append(event)
        }
    }

    /// The conversation's tracker, and the events still to save with the
    /// next write: a new conversation starts with `action_listen`.
    private func load(_ sender: String) throws(DialogueError) -> (Tracker, [Value]) {
        // Taken out of the cache, so the caller's changes do not copy every
        // event of a long conversation; `commit` puts it back, and after a
        // failed save the store's copy is read again.
        if let cached = cache.removeValue(forKey: sender) { return (cached, []) }
        let stored: [Value]?
        do {
            stored = try store.events(of: sender)
        } catch {
            throw .unavailable(error)
        }
        guard let stored else {
            var tracker: Tracker
            do {
                tracker = try Tracker(senderID: sender, domain: domain)
            } catch {
                throw .unavailable(StateSaveFailure(.unavailable, detail: "\(error)"))
            }
            var new: [Value] = []
            add(event(["event": "action", "name": .string(Domain.listen)]), to: &tracker, new: &new)
            return (tracker, new)
        }
        do {
            let tracker = try Tracker(senderID: sender, domain: domain, events: stored)
            remember(sender, tracker)
            return (tracker, [])
        } catch {
            throw .unavailable(StateSaveFailure(.unavailable, detail: "a stored event of conversation '\(sender)' cannot be read: \(error)"))
        }
    }

    /// Saves the new events, then (only then) keeps the tracker. Unless
    /// `synced`, a turn of the conversation: on disk within a second.
    private func commit(_ sender: String, _ tracker: Tracker, _ new: [Value], synced: Bool = false) throws(DialogueError) {
        if !new.isEmpty {
            do {
                try store.append(
                    new, texts: Array(tracker.texts.suffix(new.count)), to: sender, after: tracker.eventCount - new.count,
                    synced: synced)
            } catch {
                throw .notSaved(error)
            }
        }
        remember(sender, tracker)
        if !new.isEmpty { scheduleReminders(in: new, of: tracker, from: tracker.eventCount - new.count) }
    }

    private func remember(_ sender: String, _ tracker: Tracker) {
        useCounter += 1
        cache[sender] = tracker
        lastUse[sender] = useCounter
        while cache.count > 1, cache.count > cacheLimit.trackers || cachedEventCount > cacheLimit.events {
            // `lastUse` may also name a tracker `load` took out and a failed
            // save never put back: forgetting it costs nothing.
            var oldest: (sender: String, use: UInt64)?
            for (other, use) in lastUse where other != sender && use < (oldest?.use ?? .max) { oldest = (other, use) }
            guard let oldest else { break }
            lastUse[oldest.sender] = nil
            cache[oldest.sender] = nil
        }
    }

    /// The events of the cached trackers, together: a sum over at most
    /// `cacheLimit.trackers` of them, cheaper than keeping a tally right.
    private var cachedEventCount: Int { cache.values.reduce(0) { $0 + $1.eventCount } }

    // MARK: Reminders

    /// Schedules the reminders among `events` (the tracker's events from
    /// `first` on) whose action the server runs itself: a response, listen
    /// or restart. Other actions are the client's to run.
    private func scheduleReminders(in events: [Value], of tracker: Tracker, from first: Int) {
        for (offset, json) in events.enumerated() {
            guard case .reminder(let reminder)? = try? DialogueEvent(json) else { continue }
            guard domain.responses[reminder.action] != nil || reminder.action == Domain.listen || reminder.action == Domain.restart else {
                logger.notice("reminder not scheduled: the client runs this action", metadata: ["action": "\(reminder.action)"])
                continue
            }
            let id = UUID()
            let position = first + offset
            let delay = max(0, reminder.dueDate.timeIntervalSince(now()))
            let sender = tracker.senderID
            let sleep = self.sleep
            reminders[id] = Task { [weak self] in
                do {
                    try await sleep(.seconds(delay))
                } catch {
                    return
                }
                await self?.fire(reminder, sender: sender, position: position, event: json, id: id)
            }
        }
    }

    /// Runs a reminder's action, unless the reminder was replaced (its event
    /// is gone) or, with `kill_on_user_msg`, the user spoke since.
    private func fire(_ reminder: DialogueEvent.Reminder, sender: String, position: Int, event json: Value, id: UUID) {
        reminders[id] = nil
        do {
            var (tracker, new) = try load(sender)
            guard position < tracker.eventCount, tracker.texts[position] == JSON.encode(json),
                !(reminder.killOnUserMessage && tracker.hasUserMessage(after: position))
            else {
                remember(sender, tracker)
                return
            }
            _ = runActions(startingWith: reminder.action, tracker: &tracker, new: &new)
            try commit(sender, tracker, new)
        } catch {
            logger.error("reminder not run", metadata: ["action": "\(reminder.action)", "error": "\(error)"])
        }
    }
}
