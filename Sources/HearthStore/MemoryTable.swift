import GRDB
import HearthBrain

/// `kalliope_memory`: values neurons keep for later synapses. Kalliope keeps
/// them only in the process; Hearth keeps them across restarts.
extension StateStore {
    public func saveMemory(_ entries: [String: Value]) throws(StoreError) {
        guard !entries.isEmpty else { return }
        try write { db in try Self.upsertMemory(entries, at: now().timeIntervalSince1970, in: db) }
    }

    public func memory() throws(StoreError) -> [String: Value] {
        try keyValues(table: "memory")
    }

    static func upsertMemory(_ entries: [String: Value], at changedAt: Double, in db: Database) throws {
        guard !entries.isEmpty else { return }
        // Prepared once per connection: every order writes memory.
        let upsert = try db.cachedStatement(
            sql: """
                INSERT INTO memory (key, value, changed_at) VALUES (?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at
                """)
        for (key, value) in entries {
            try upsert.execute(arguments: [key, StoredValue.encode(value), changedAt])
        }
    }
}
