import Foundation
import GRDB
import Logging
import Synchronization

/// Hearth's state database: one SQLite file in the state directory, in WAL
/// mode, every commit synced to disk (`synchronous=FULL`) before the call
/// returns, so a change whose write returned survives `kill -9` and power loss.
///
/// Opening never fails the device: a damaged database or one from a newer
/// Hearth is moved aside and replaced by an empty one, and storage that
/// cannot be used at all (read-only, missing) leaves the store unavailable —
/// each later call tries again, so it recovers once the storage does.
public final class StateStore: Sendable {
    public let configuration: StoreConfiguration
    let logger: Logger
    private let database: Mutex<DatabaseQueue?>
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
        self.database = Mutex(DatabaseOpening(configuration: configuration, logger: logger).openRecovering())
    }

    /// True when the database is open; false while storage is unusable.
    public var isAvailable: Bool { database.withLock { $0 != nil } }

    /// Runs `body` in one write transaction, committed and synced before it returns.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        let queue = try connection()
        do {
            return try queue.write(body)
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

    /// The open database, opening it first if an earlier attempt failed.
    private func connection() throws(StoreError) -> DatabaseQueue {
        let result: Result<DatabaseQueue, StoreError> = database.withLock { current in
            if let current { return .success(current) }
            do throws(StoreError) {
                let opened = try DatabaseOpening(configuration: configuration, logger: logger).open()
                logger.notice("state database is available again", metadata: ["path": "\(configuration.databasePath)"])
                current = opened
                return .success(opened)
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
        try? queue.close()
    }

    /// Closes the database; a later call opens it again.
    public func close() {
        let queue = database.withLock { current -> DatabaseQueue? in
            defer { current = nil }
            return current
        }
        try? queue?.close()
    }
}
