import Foundation
import GRDB
import Logging

/// Opens the state database, checks it, brings its schema up to date, and
/// moves aside a file that cannot be used so the device can start fresh.
struct DatabaseOpening {
    let configuration: StoreConfiguration
    let logger: Logger

    /// Opens the database; a damaged one, or one from a newer Hearth, is
    /// renamed with a timestamp and replaced by a new empty database. Nil when
    /// storage cannot be used at all (the failure is logged).
    func openRecovering() -> DatabaseQueue? {
        do {
            return try open()
        } catch .corrupt(let detail) where !configuration.readOnly {
            moveAside(reason: "corrupt", because: "it is damaged: \(detail)")
        } catch .newerVersion(let migrations) where !configuration.readOnly {
            moveAside(reason: "newer", because: "a newer Hearth wrote it (unknown changes: \(migrations.joined(separator: ", ")))")
        } catch {
            logger.critical(
                "state database unavailable; running without saved state until storage works",
                metadata: ["path": "\(configuration.databasePath)", "error": "\(error)"])
            return nil
        }
        do {
            return try open()
        } catch {
            logger.critical(
                "cannot create a new state database; running without saved state until storage works",
                metadata: ["path": "\(configuration.databasePath)", "error": "\(error)"])
            return nil
        }
    }

    func open() throws(StoreError) -> DatabaseQueue {
        if configuration.readOnly {
            guard FileManager.default.fileExists(atPath: configuration.databasePath) else {
                throw .unavailable("there is no database at '\(configuration.databasePath)'")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: configuration.directory, withIntermediateDirectories: true)
            } catch {
                throw .unavailable("cannot create the state directory '\(configuration.directory)': \(error.localizedDescription)")
            }
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: configuration.databasePath, configuration: connectionConfiguration())
        } catch {
            throw StoreError(error)
        }
        do {
            try check(queue)
            if !configuration.readOnly { try Schema.migrator.migrate(queue) }
        } catch {
            try? queue.close()
            throw StoreError(error)
        }
        return queue
    }

    private func connectionConfiguration() -> Configuration {
        var connection = Configuration()
        connection.readonly = configuration.readOnly
        // Another process (`hearth brain export`) may read while the daemon writes.
        connection.busyMode = .timeout(5)
        let maximumSize = configuration.maximumSize
        let readOnly = configuration.readOnly
        connection.prepareDatabase { db in
            // WAL is switched on here rather than with GRDB's journalMode
            // option, which also lowers `synchronous` to NORMAL: a commit
            // would then reach the disk only at the next checkpoint.
            if !readOnly {
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw StoreError.unavailable("SQLite refused WAL mode")
                }
            }
            // Every commit reaches the disk before the write returns: a change
            // acknowledged to a client must survive a power cut.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            guard try Int.fetchOne(db, sql: "PRAGMA synchronous") == 2 else {
                throw StoreError.unavailable("SQLite refused synchronous=FULL")
            }
            if let maximumSize {
                let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
                try db.execute(sql: "PRAGMA max_page_count = \(max(1, maximumSize / pageSize))")
            }
        }
        return connection
    }

    /// A page-level check (cheap for a database of this size) and a version
    /// check, so a bad file is found at start rather than at the first write.
    private func check(_ queue: DatabaseQueue) throws(StoreError) {
        do {
            try queue.read { db in
                let verdict = try String.fetchAll(db, sql: "PRAGMA quick_check")
                guard verdict == ["ok"] else { throw StoreError.corrupt(verdict.prefix(3).joined(separator: "; ")) }
                let known = Set(Schema.migrator.migrations)
                let unknown = try Schema.migrator.appliedIdentifiers(db).subtracting(known)
                guard unknown.isEmpty else { throw StoreError.newerVersion(unknownMigrations: unknown.sorted()) }
            }
        } catch {
            throw StoreError(error)
        }
    }

    /// Renames the database and its WAL and shared-memory files with a
    /// timestamp, so nothing is deleted and a person can look at it later.
    private func moveAside(reason: String, because explanation: String) {
        let stamp = Date().formatted(Self.stampStyle)
        let path = configuration.databasePath
        let manager = FileManager.default
        var moved: [String] = []
        for suffix in ["", "-wal", "-shm"] where manager.fileExists(atPath: path + suffix) {
            let target = "\(path).\(reason)-\(stamp)\(suffix)"
            do {
                try manager.moveItem(atPath: path + suffix, toPath: target)
                moved.append(target)
            } catch {
                logger.critical("cannot move the state database aside", metadata: ["path": "\(path + suffix)", "error": "\(error)"])
            }
        }
        logger.critical(
            "STATE DATABASE MOVED ASIDE: \(explanation); starting with fresh state",
            metadata: ["moved_to": "\(moved.joined(separator: ", "))"])
    }

    /// `20250131T221502Z`: sorts by time, and has no colons to trouble a shell.
    private static let stampStyle = Date.ISO8601FormatStyle(
        dateSeparator: .omitted, dateTimeSeparator: .standard, timeSeparator: .omitted, timeZone: .gmt)
}
