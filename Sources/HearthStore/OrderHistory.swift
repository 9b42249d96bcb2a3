import Foundation
import GRDB
import HearthBrain

/// One order or synapse run: what the runtime reports when it finishes a
/// run and what the order history keeps of it.
public struct RunRecord: Sendable, Equatable {
    public var time: Date
    /// `api`, `voice`, `cli`, `timer`, `event`, ...
    public var source: String
    /// The order as heard or sent; nil for a synapse run by name.
    public var order: String?
    public var synapses: [String]
    /// `complete`, `waiting_for_answer`, or nil when nothing ran.
    public var status: String?
    /// Seconds from the order to the end of its run.
    public var duration: Double

    public init(time: Date, source: String, order: String?, synapses: [String], status: String?, duration: Double) {
        self.time = time
        self.source = source
        self.order = order
        self.synapses = synapses
        self.status = status
        self.duration = duration
    }
}

extension StateStore {
    /// Appends a run to the history together with the memory it changed, in
    /// one transaction, then drops entries beyond the configured count and
    /// age. `.deferred` lets runs share a sync to disk.
    public func recordRun(
        _ entry: RunRecord, memory: [String: Value] = [:], durability: Durability = .synced
    ) throws(StoreError) {
        let limit = configuration.historyLimit
        let oldest = now().addingTimeInterval(-configuration.historyMaxAge).timeIntervalSince1970
        let changedAt = now().timeIntervalSince1970
        try write(durability) { db in
            // Statements prepared once per connection: this runs for every order.
            try db.cachedStatement(
                sql: """
                    INSERT INTO order_history (time, source, order_text, synapses, status, duration)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                entry.time.timeIntervalSince1970, entry.source, entry.order,
                StoredValue.encode(.list(entry.synapses.map(Value.string))), entry.status, entry.duration,
            ])
            // AUTOINCREMENT ids only grow, so the newest `limit` rows are the
            // ids above this one's minus `limit`: both deletes use an index.
            try db.cachedStatement(sql: "DELETE FROM order_history WHERE id <= ?")
                .execute(arguments: [db.lastInsertedRowID - Int64(limit)])
            try db.cachedStatement(sql: "DELETE FROM order_history WHERE time < ?").execute(arguments: [oldest])
            try Self.upsertMemory(memory, at: changedAt, in: db)
        }
    }

    /// The newest entries first.
    public func history(limit: Int = 100) throws(StoreError) -> [RunRecord] {
        let rows = try read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT time, source, order_text, synapses, status, duration FROM order_history ORDER BY id DESC LIMIT ?",
                arguments: [limit])
        }
        var entries: [RunRecord] = []
        for row in rows {
            let synapses = try StoredValue.decode(row["synapses"], what: "order history synapses")
            entries.append(RunRecord(
                time: Date(timeIntervalSince1970: row["time"]), source: row["source"], order: row["order_text"],
                synapses: synapses.listValue?.compactMap(\.stringValue) ?? [], status: row["status"],
                duration: row["duration"]))
        }
        return entries
    }
}
