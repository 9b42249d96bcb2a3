import GRDB
import HearthBrain

/// Settings changed while running, as generic key/value pairs: Kalliope's
/// settings (`options.deaf`, `variables.<name>`, ...) and anything later
/// modules change at run time (the control API's config, language, soul),
/// without a migration per new key. What a key means is the caller's business.
extension StateStore {
    /// Saves several settings in one transaction: all of them, or none.
    public func saveSettings(_ entries: [String: Value]) throws(StoreError) {
        guard !entries.isEmpty else { return }
        let changedAt = now().timeIntervalSince1970
        try write { db in
            for (key, value) in entries {
                try db.execute(
                    sql: """
                        INSERT INTO setting (key, value, changed_at) VALUES (?, ?, ?)
                        ON CONFLICT (key) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at
                        """,
                    arguments: [key, StoredValue.encode(value), changedAt])
            }
        }
    }

    /// Forgets settings, so the settings file's values apply again.
    public func removeSettings(_ keys: [String]) throws(StoreError) {
        guard !keys.isEmpty else { return }
        try write { db in
            for key in keys { try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key]) }
        }
    }

    public func settings() throws(StoreError) -> [String: Value] {
        try keyValues(table: "setting")
    }

    func keyValues(table: String) throws(StoreError) -> [String: Value] {
        let rows = try read { db in try Row.fetchAll(db, sql: "SELECT key, value FROM \(table)") }
        var entries: [String: Value] = [:]
        for row in rows {
            let key: String = row["key"]
            entries[key] = try StoredValue.decode(row["value"], what: "\(table) '\(key)'")
        }
        return entries
    }
}
