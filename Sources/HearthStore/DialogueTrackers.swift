import Foundation
import GRDB
import HearthBrain

/// A tracker event as it is stored: the JSON the Rasa API shows, and its
/// timestamp (for `until`).
public struct EncodedTrackerEvent: Sendable, Equatable {
    public var json: String
    public var timestamp: Double?

    /// `json`: the event's text when the caller already has it.
    public init(_ event: Value, json: String? = nil) {
        self.json = json ?? StoredValue.encode(event)
        self.timestamp = event.mapValue?["timestamp"]?.doubleValue
    }
}

/// Rasa conversations: each a tracker whose events are kept in the order they
/// happened, as the JSON the Rasa API shows. What the events mean (slots,
/// restarts, rewinds) is the dialogue module's business; the store keeps them.
extension StateStore {
    /// Conversation ids, oldest first.
    public func conversationIDs() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT id FROM conversation ORDER BY created_at, rowid") }
    }

    /// Creates the conversation when it does not exist; true when it was created.
    @discardableResult
    public func createConversation(_ id: String) throws(StoreError) -> Bool {
        let createdAt = now().timeIntervalSince1970
        return try write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO conversation (id, created_at) VALUES (?, ?)", arguments: [id, createdAt])
            return db.changesCount > 0
        }
    }

    /// Appends events to a conversation's tracker, creating the conversation
    /// when needed. All the events are saved, or none.
    ///
    /// `count`: how many events the conversation has, when the caller knows
    /// (the dialogue keeps its trackers): a chat turn then writes its events
    /// and nothing else, the conversation being created only with its first
    /// events. A wrong count fails on the (conversation, position) key
    /// rather than writing over anything.
    public func appendTrackerEvents(
        _ events: [Value], to id: String, after count: Int? = nil, durability: Durability = .synced
    ) throws(StoreError) {
        try appendTrackerEvents(events.map { EncodedTrackerEvent($0) }, to: id, after: count, durability: durability)
    }

    /// The same, for events already encoded (the dialogue keeps each
    /// event's text, so a chat turn is not encoded twice).
    public func appendTrackerEvents(
        _ events: [EncodedTrackerEvent], to id: String, after count: Int? = nil, durability: Durability = .synced
    ) throws(StoreError) {
        let createdAt = now().timeIntervalSince1970
        try write(durability) { db in
            // Statements prepared once per connection: every message appends.
            if count ?? 0 == 0 {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO conversation (id, created_at) VALUES (?, ?)")
                    .execute(arguments: [id, createdAt])
            }
            let next: Int
            if let count {
                next = count + 1
            } else {
                next = try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT COALESCE(MAX(position), 0) + 1 FROM tracker_event WHERE conversation_id = ?"),
                    arguments: [id]) ?? 1
            }
            try Self.insert(events, into: id, from: next, in: db)
        }
    }

    /// Replaces a conversation's events (Rasa's `PUT .../tracker`).
    public func replaceTrackerEvents(_ events: [Value], of id: String) throws(StoreError) {
        let createdAt = now().timeIntervalSince1970
        try write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO conversation (id, created_at) VALUES (?, ?)", arguments: [id, createdAt])
            try db.execute(sql: "DELETE FROM tracker_event WHERE conversation_id = ?", arguments: [id])
            try Self.insert(events.map { EncodedTrackerEvent($0) }, into: id, from: 1, in: db)
        }
    }

    /// A conversation's events in order, up to `until` (a unix time) when
    /// given (Rasa's `?until=`); nil when there is no such conversation.
    public func trackerEvents(of id: String, until: Double? = nil) throws(StoreError) -> [Value]? {
        let texts: [String]? = try read { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM conversation WHERE id = ?)", arguments: [id]) == true else {
                return nil
            }
            return try String.fetchAll(
                db,
                sql: """
                    SELECT event FROM tracker_event
                    WHERE conversation_id = ? AND (? IS NULL OR timestamp IS NULL OR timestamp <= ?)
                    ORDER BY position
                    """,
                arguments: [id, until, until])
        }
        guard let texts else { return nil }
        var events: [Value] = []
        for (index, text) in texts.enumerated() {
            events.append(try StoredValue.decode(text, what: "event \(index + 1) of conversation '\(id)'"))
        }
        return events
    }

    /// Deletes a conversation and its events.
    public func deleteConversation(_ id: String) throws(StoreError) {
        try write { db in try db.execute(sql: "DELETE FROM conversation WHERE id = ?", arguments: [id]) }
    }

    private static func insert(_ events: [EncodedTrackerEvent], into id: String, from first: Int, in db: Database) throws {
        for (offset, event) in events.enumerated() {
            try DirectStatement.execute(
                "INSERT INTO tracker_event (conversation_id, position, event, timestamp) VALUES (?, ?, ?, ?)",
                [.text(id), .integer(first + offset), .text(event.json), .real(event.timestamp)], in: db)
        }
    }
}
