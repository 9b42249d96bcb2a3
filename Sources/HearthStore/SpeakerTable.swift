import Foundation
import GRDB

/// A speaker profile as stored. What the priorities mean is the caller's
/// business; the table only keeps a single owner (priority 0).
public struct StoredSpeaker: Sendable, Equatable {
    public var id: String
    public var name: String
    public var priority: Int
    /// The priority a blocked profile had, restored when it is unblocked.
    public var priorityBeforeBlock: Int?
    public var isBlocked: Bool
    public var autoLearned: Bool
    public var sampleCount: Int
    public var lastSeen: Date?

    public init(
        id: String, name: String, priority: Int, priorityBeforeBlock: Int? = nil, isBlocked: Bool = false,
        autoLearned: Bool = false, sampleCount: Int = 0, lastSeen: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.priority = priority
        self.priorityBeforeBlock = priorityBeforeBlock
        self.isBlocked = isBlocked
        self.autoLearned = autoLearned
        self.sampleCount = sampleCount
        self.lastSeen = lastSeen
    }
}

extension StateStore {
    /// Every profile, in the order they were created.
    public func speakers() throws(StoreError) -> [StoredSpeaker] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM speaker ORDER BY number").map(Self.speaker) }
    }

    /// Adds a profile named `name`; its id (`spk_001`, ...) comes from the
    /// table, so ids are never reused. Nil when it would be a second owner.
    public func insertSpeaker(name: String, priority: Int) throws(StoreError) -> StoredSpeaker? {
        try write { db in
            if priority == 0, try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM speaker WHERE priority = 0)") == true {
                return nil
            }
            let number = (try Int.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'speaker'") ?? 0) + 1
            let id = String(format: "spk_%03d", number)
            try db.execute(
                sql: "INSERT INTO speaker (number, id, name, priority) VALUES (?, ?, ?, ?)", arguments: [number, id, name, priority])
            return StoredSpeaker(id: id, name: name, priority: priority)
        }
    }

    /// Saves a profile's priority and block state; false when it does not exist.
    public func updateSpeaker(_ speaker: StoredSpeaker) throws(StoreError) -> Bool {
        try write { db in
            try db.execute(
                sql: "UPDATE speaker SET name = ?, priority = ?, priority_before_block = ?, is_blocked = ? WHERE id = ?",
                arguments: [speaker.name, speaker.priority, speaker.priorityBeforeBlock, speaker.isBlocked, speaker.id])
            return db.changesCount > 0
        }
    }

    /// False when there is no such profile.
    public func deleteSpeaker(id: String) throws(StoreError) -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM speaker WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    private static func speaker(_ row: Row) -> StoredSpeaker {
        let lastSeen: Double? = row["last_seen"]
        return StoredSpeaker(
            id: row["id"], name: row["name"], priority: row["priority"], priorityBeforeBlock: row["priority_before_block"],
            isBlocked: row["is_blocked"], autoLearned: row["auto_learned"], sampleCount: row["sample_count"],
            lastSeen: lastSeen.map(Date.init(timeIntervalSince1970:)))
    }
}
