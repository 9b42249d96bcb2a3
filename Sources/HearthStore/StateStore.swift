import Foundation
import GRDB
import Logging
import Synchronization

/// Hearth's state database: one SQLite file in the state directory, in WAL
/// mode. A change a client makes is synced to disk (`synchronous=FULL`)
/// before the call returns, so once acknowledged it survives `kill -9` and
/// power loss. The log of runs is written `.deferred`: it survives `kill -9`
/// at once and a power cut once synced, at most `deferredSyncDelay` later.
/// Checkpoints run on a connection of their own (`Checkpointer`), never
/// inside a commit.
///
/// Opening never fails the device: a damaged database or one from a newer
/// Hearth is moved aside and replaced by an empty one, and storage that
/// cannot be used at all (read-only, missing) leaves the store unavailable —
/// each later call tries again, so it recovers once the storage does.
public final class StateStore: Sendable {
    public let configuration: StoreConfiguration
    let logger: Logger
    private let database: Mutex<DatabaseQueue?>
    /// Nil for a read-only store, which never writes the log.
    private let checkpointer: Checkpointer?
    /// True while a sync of deferred commits is scheduled.
    private let syncScheduled = Mutex(false)
    /// Stamps rows with the time; tests fix it.
    let now: @Sendable () -> Date

    /// Opens (or creates) the database, moving a damaged or newer one aside.
    public init(
        configuration: StoreConfiguration, logger: Logger = Logger(label: "hearth.store"),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.logger = logger
        self.now = now
        let checkpointer = configuration.readOnly ? nil : Checkpointer(path: configuration.databasePath, logger: logger)
        self.checkpointer = checkpointer
        let opened = DatabaseOpening(configuration: configuration, logger: logger).openRecovering()
        self.database = Mutex(opened.flatMap { Self.watched($0, by: checkpointer, logger: logger) })
    }

    /// The writer connection with its checkpoints handed to `checkpointer`;
    /// nil (and closed) when that fails.
    private static func watched(_ queue: DatabaseQueue, by checkpointer: Checkpointer?, logger: Logger) -> DatabaseQueue? {
        guard let checkpointer else { return queue }
        do {
            try checkpointer.watch(queue)
            return queue
        } catch {
            logger.error("state database unavailable", metadata: ["error": "\(StoreError(error))"])
            try? queue.close()
            return nil
        }
    }

    /// True when the database is open; false while storage is unusable.
    public var isAvailable: Bool { database.withLock { $0 != nil } }

    /// Runs `body` in one write transaction, committed before it returns:
    /// `.synced`, on disk; `.deferred`, in the operating system's hands
    /// (it survives the process being killed) and on disk within
    /// `deferredSyncDelay`, sooner when a synced write follows.
    func write<T>(_ durability: Durability = .synced, _ body: (Database) throws -> T) throws(StoreError) -> T {
        let queue = try connection()
        do {
            switch durability {
            case .synced:
                return try queue.write(body)
            case .deferred:
                let result = try queue.writeWithoutTransaction { db in
                    // synchronous is per connection and can only change
                    // between transactions: lowered for this commit alone.
                    // Every order and chat turn comes here.
                    try DirectStatement.execute("PRAGMA synchronous = NORMAL", in: db)
                    defer { try? DirectStatement.execute("PRAGMA synchronous = FULL", in: db) }
                    try DirectStatement.execute("BEGIN", in: db)
                    do {
                        let result = try body(db)
                        try DirectStatement.execute("COMMIT", in: db)
                        return result
                    } catch {
                        if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK") }
                        throw error
                    }
                }
                scheduleDeferredSync()
                return result
            }
        } catch {
            // Said once here for every caller; the message holds no stored values.
            let failure = StoreError(error)
            logger.error("state not saved", metadata: ["error": "\(failure)"])
            if case .readOnly = failure {
                // SQLite opened the file read-only, as storage was then; the
                // next write opens it again, writable once storage is.
                disconnect(queue)
            }
            throw failure
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        let queue = try connection()
        do {
            return try queue.read(body)
        } catch {
            throw StoreError(error)
        }
    }

    /// When a committed write reaches the disk.
    public enum Durability: Sendable {
        /// On disk before the write returns.
        case synced
        /// Committed at once, on disk within `deferredSyncDelay`.
        case deferred
    }

    /// The open database, opening it first if an earlier attempt failed.
    private func connection() throws(StoreError) -> DatabaseQueue {
        let result: Result<DatabaseQueue, StoreError> = database.withLock { current in
            if let current { return .success(current) }
            do throws(StoreError) {
                let opened = try DatabaseOpening(configuration: configuration, logger: logger).open()
                guard let watched = Self.watched(opened, by: checkpointer, logger: logger) else {
                    return .failure(.unavailable("the write-ahead log cannot be watched"))
                }
                logger.notice("state database is available again", metadata: ["path": "\(configuration.databasePath)"])
                current = watched
                return .success(watched)
            } catch {
                logger.error("state database still unavailable", metadata: ["error": "\(error)"])
                return .failure(error)
            }
        }
        return try result.get()
    }

    private func disconnect(_ queue: DatabaseQueue) {
        database.withLock { current in
            if current === queue { current = nil }
        }
        checkpointer?.close()
        try? queue.close()
    }

    /// Syncs deferred commits `deferredSyncDelay` after the first of them:
    /// a checkpoint syncs the write-ahead log, then copies it into the
    /// database file. One is scheduled at a time, however many commits wait.
    private func scheduleDeferredSync() {
        let first = syncScheduled.withLock { scheduled in
            defer { scheduled = true }
            return !scheduled
        }
        guard first else { return }
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + configuration.deferredSyncDelay) { [self] in
            syncScheduled.withLock { $0 = false }
            syncDeferredWrites()
        }
    }

    /// Puts every deferred commit on disk now.
    public func syncDeferredWrites() {
        guard database.withLock({ $0 }) != nil else { return }
        checkpointer?.checkpoint()
    }

    /// Closes the database; a later call opens it again.
    public func close() {
        let queue = database.withLock { current -> DatabaseQueue? in
            defer { current = nil }
            return current
        }
        checkpointer?.close()
        try? queue?.close()
    }
}
