import GRDB

/// The database's tables, one migration per released change. A migration is
/// never edited once released; a new one is added after it.
enum Schema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1-runtime-state") { db in
            // Synapse changes made while Hearth runs, on top of the brain
            // files: `defined` (created over the API; replaces a file synapse
            // of the same name), `deleted`, or `flag` (a file synapse's
            // enabled flag). `sequence` keeps defined synapses in the order
            // they were created.
            try db.execute(sql: """
                CREATE TABLE synapse_change (
                    name TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('defined', 'deleted', 'flag')),
                    definition TEXT,
                    enabled INTEGER,
                    sequence INTEGER NOT NULL,
                    changed_at REAL NOT NULL
                );
                CREATE TABLE setting (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL,
                    changed_at REAL NOT NULL
                );
                CREATE TABLE memory (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL,
                    changed_at REAL NOT NULL
                );
                CREATE TABLE order_history (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    time REAL NOT NULL,
                    source TEXT NOT NULL,
                    order_text TEXT,
                    synapses TEXT NOT NULL,
                    status TEXT,
                    duration REAL NOT NULL
                );
                CREATE INDEX order_history_time ON order_history(time);
                """)
        }
        migrator.registerMigration("2-dialogue-trackers") { db in
            // Rasa conversations and their events, in the order they happened.
            try db.execute(sql: """
                CREATE TABLE conversation (
                    id TEXT PRIMARY KEY NOT NULL,
                    created_at REAL NOT NULL
                );
                CREATE TABLE tracker_event (
                    conversation_id TEXT NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    event TEXT NOT NULL,
                    timestamp REAL,
                    PRIMARY KEY (conversation_id, position)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("3-control-api") { db in
            // Bearer tokens of the control API: only a SHA-256 of each token
            // is kept, never the token. Speaker profiles: priority 0 is the
            // owner (exactly one: the partial unique index), 1 friend,
            // 2 guest, 99 blocked; a blocked profile keeps the priority that
            // unblocking restores. The owner exists from the start and can be
            // neither deleted nor blocked, so there is always exactly one.
            try db.execute(sql: """
                CREATE TABLE access_token (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL UNIQUE,
                    scopes TEXT NOT NULL,
                    token_hash BLOB NOT NULL UNIQUE,
                    created_at REAL NOT NULL
                );
                CREATE TABLE speaker (
                    number INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    priority INTEGER NOT NULL,
                    priority_before_block INTEGER,
                    is_blocked INTEGER NOT NULL DEFAULT 0,
                    auto_learned INTEGER NOT NULL DEFAULT 0,
                    sample_count INTEGER NOT NULL DEFAULT 0,
                    last_seen REAL
                );
                CREATE UNIQUE INDEX speaker_single_owner ON speaker(priority) WHERE priority = 0;
                INSERT INTO speaker (number, id, name, priority) VALUES (1, 'spk_001', 'Owner', 0);
                """)
        }
        return migrator
    }()
}
