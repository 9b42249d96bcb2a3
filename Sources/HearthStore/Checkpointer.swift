import Foundation
import GRDB
import GRDBSQLite
import Logging
import Synchronization

/// Copies the write-ahead log into the database file from a connection of
/// its own, so no commit ever waits for a checkpoint.
///
/// SQLite's automatic checkpoint runs inside the commit that takes the log
/// past its threshold: that commit's caller (the answer to an order, a chat
/// message) waits while a thousand pages are copied and synced — about 6 ms
/// on this machine's disk, far longer on a board's SD card. Here the writer
/// only notices the log has grown and asks for a checkpoint, which runs in
/// the background; SQLite lets a checkpoint and a writer work side by side.
final class Checkpointer: Sendable {
    /// Log pages that trigger a checkpoint: SQLite's own default threshold.
    static let frameThreshold: Int32 = 1000

    private let path: String
    private let logger: Logger
    private struct State {
        /// True from `watch` to `close`: a request still queued when the
        /// store closes opens nothing.
        var watching = false
        /// Opened at the first checkpoint; dropped after a failure and
        /// opened again at the next one.
        var connection: DatabaseQueue?
    }

    private let state = Mutex(State())
    private let requested = Mutex(false)
    private let worker = DispatchQueue(label: "hearth.store.checkpoint", qos: .utility)

    init(path: String, logger: Logger) {
        self.path = path
        self.logger = logger
    }

    /// Replaces the writer's automatic checkpoint with a request to this
    /// checkpointer. The writer's connection must not outlive `self`.
    func watch(_ writer: DatabaseQueue) throws {
        try writer.writeWithoutTransaction { db in
            let context = Unmanaged.passUnretained(self).toOpaque()
            // Replaces the hook SQLite's automatic checkpoint uses.
            sqlite3_wal_hook(db.sqliteConnection, { context, _, _, frames in
                if frames >= Checkpointer.frameThreshold, let context {
                    Unmanaged<Checkpointer>.fromOpaque(context).takeUnretainedValue().request()
                }
                return SQLITE_OK
            }, context)
        }
        state.withLock { $0.watching = true }
    }

    /// Asks for a checkpoint in the background; one runs at a time, however
    /// many commits ask.
    func request() {
        let first = requested.withLock { requested in
            defer { requested = true }
            return !requested
        }
        guard first else { return }
        worker.async { [self] in
            requested.withLock { $0 = false }
            checkpoint()
        }
    }

    /// Syncs the log and copies what it can into the database file, now.
    /// A passive checkpoint: it never blocks the writer, and leaves frames a
    /// reader still needs for a later one.
    func checkpoint() {
        do {
            guard let queue = try open() else { return }
            _ = try queue.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        } catch {
            logger.error("write-ahead log not copied to the database file", metadata: ["error": "\(StoreError(error))"])
            closeConnection(stopWatching: false)
        }
    }

    /// Stops checkpointing and closes the checkpoint connection; the
    /// writer's own close then finds itself the last connection and folds
    /// the log into the file.
    func close() { closeConnection(stopWatching: true) }

    private func closeConnection(stopWatching: Bool) {
        let closing = state.withLock { state -> DatabaseQueue? in
            defer {
                state.connection = nil
                if stopWatching { state.watching = false }
            }
            return state.connection
        }
        try? closing?.close()
    }

    /// The checkpoint connection; nil when no writer is watched.
    private func open() throws -> DatabaseQueue? {
        try state.withLock { state in
            guard state.watching else { return nil }
            if let current = state.connection { return current }
            var configuration = Configuration()
            configuration.label = "hearth.store.checkpoint"
            configuration.prepareDatabase { db in
                // The checkpoint syncs the log before copying it, and the
                // file after: what `synchronous` says a checkpoint does.
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            let opened = try DatabaseQueue(path: path, configuration: configuration)
            state.connection = opened
            return opened
        }
    }
}
