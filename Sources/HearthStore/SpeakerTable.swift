import Foundation
import GRDB

/// Someone Hearth may hear, as the API manages it and the speaker table
/// keeps it. What the other priorities mean is the API's business; the
/// table only keeps a single owner.
public struct SpeakerProfile: Sendable, Equatable {
    public static let ownerPriority = 0

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

    /// `spk_001`, `spk_002`...: profile ids in the order they were created.
    public static func id(number: Int) -> String { String(format: "spk_%03d", number) }
}

extension StateStore {
    /// Every profile, in the order they were created.
    public func speakers() throws(StoreError) -> [SpeakerProfile] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM speaker ORDER BY number").map(Self.speaker) }
    }

    /// Adds a profile named `name`; its id (`spk_001`, ...) comes from the
    /// table, so ids are never reused. Nil when it would be a second owner.
    public func insertSpeaker(name: String, priority: Int) throws(StoreError) -> SpeakerProfile? {
        try write { db in
            if priority == SpeakerProfile.ownerPriority,
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM speaker WHERE priority = ?)", arguments: [priority]) == true
            {
                return nil
            }
            let number = (try Int.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'speaker'") ?? 0) + 1
            let id = SpeakerProfile.id(number: number)
            try db.execute(
                sql: "INSERT INTO speaker (number, id, name, priority) VALUES (?, ?, ?, ?)", arguments: [number, id, name, priority])
            return SpeakerProfile(id: id, name: name, priority: priority)
        }
    }

    /// Saves a profile's priority and block state; false when it does not exist.
    public func updateSpeaker(_ speaker: SpeakerProfile) throws(StoreError) -> Bool {
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

    private static func speaker(_ row: Row) -> SpeakerProfile {
        let lastSeen: Double? = row["last_seen"]
        return SpeakerProfile(
            id: row["id"], name: row["name"], priority: row["priority"], priorityBeforeBlock: row["priority_before_block"],
            isBlocked: row["is_blocked"], autoLearned: row["auto_learned"], sampleCount: row["sample_count"],
            lastSeen: lastSeen.map(Date.init(timeIntervalSince1970:)))
    }
}
