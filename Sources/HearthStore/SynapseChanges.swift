import GRDB
import HearthBrain

/// A change to the brain made while Hearth ran. The brain files stay the
/// base; these are laid over them at start, in the order they are returned.
public enum SynapseChange: Sendable, Equatable {
    /// A synapse created over the API, as its brain-file form; it replaces a
    /// file synapse of the same name and comes after the file synapses.
    case defined(name: String, definition: Value, enabled: Bool)
    /// A synapse deleted while running; it stays deleted until defined again.
    case deleted(name: String)
    /// A file synapse enabled or disabled while running.
    case enabledFlag(name: String, enabled: Bool)
}

extension StateStore {
    /// Saves a synapse created while running (its brain-file form).
    public func saveDefinedSynapse(name: String, definition: Value, enabled: Bool) throws(StoreError) {
        let changedAt = now().timeIntervalSince1970
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO synapse_change (name, kind, definition, enabled, sequence, changed_at)
                    VALUES (?, 'defined', ?, ?, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM synapse_change), ?)
                    ON CONFLICT (name) DO UPDATE SET
                        kind = 'defined', definition = excluded.definition, enabled = excluded.enabled,
                        sequence = excluded.sequence, changed_at = excluded.changed_at
                    """,
                arguments: [name, StoredValue.encode(definition), enabled, changedAt])
        }
    }

    public func saveDeletedSynapse(name: String) throws(StoreError) {
        let changedAt = now().timeIntervalSince1970
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO synapse_change (name, kind, sequence, changed_at)
                    VALUES (?, 'deleted', (SELECT COALESCE(MAX(sequence), 0) + 1 FROM synapse_change), ?)
                    ON CONFLICT (name) DO UPDATE SET
                        kind = 'deleted', definition = NULL, enabled = NULL, changed_at = excluded.changed_at
                    """,
                arguments: [name, changedAt])
        }
    }

    /// Saves a synapse's enabled flag: on the stored definition of a synapse
    /// created while running, else as a flag over the file synapse. A deleted
    /// synapse stays deleted.
    public func saveSynapseEnabled(name: String, enabled: Bool) throws(StoreError) {
        let changedAt = now().timeIntervalSince1970
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO synapse_change (name, kind, enabled, sequence, changed_at)
                    VALUES (?, 'flag', ?, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM synapse_change), ?)
                    ON CONFLICT (name) DO UPDATE SET enabled = excluded.enabled, changed_at = excluded.changed_at
                    WHERE kind != 'deleted'
                    """,
                arguments: [name, enabled, changedAt])
        }
    }

    /// Every saved synapse change, oldest first.
    public func synapseChanges() throws(StoreError) -> [SynapseChange] {
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT name, kind, definition, enabled FROM synapse_change ORDER BY sequence")
        }
        var changes: [SynapseChange] = []
        for row in rows {
            let name: String = row["name"]
            let kind: String = row["kind"]
            switch kind {
            case "defined":
                let text: String? = row["definition"]
                guard let text else { throw .unreadableRecord("synapse '\(name)' has no definition") }
                let definition = try StoredValue.decode(text, what: "synapse '\(name)'")
                changes.append(.defined(name: name, definition: definition, enabled: row["enabled"] ?? true))
            case "deleted":
                changes.append(.deleted(name: name))
            default:
                changes.append(.enabledFlag(name: name, enabled: row["enabled"] ?? true))
            }
        }
        return changes
    }
}
