import GRDB

/// Why the store could not do what it was asked. Every SQLite and file system
/// failure of HearthStore becomes one of these, so callers decide from a kind,
/// never from an SQLite code.
///
/// The REST server answers a failed write with:
/// - `storageFull` → 507 Insufficient Storage,
/// - `readOnly`, `unavailable`, `corrupt` → 503 Service Unavailable,
/// with a JSON `error` that says the change was not saved.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The disk (or the configured size cap) has no room left.
    case storageFull
    /// The file system or the database file refuses writes.
    case readOnly
    /// The file is not a database, or its pages are damaged.
    case corrupt(String)
    /// The file was written by a newer Hearth whose changes this one cannot read.
    case newerVersion(unknownMigrations: [String])
    /// Any other reason the database cannot be used now (I/O error, locked,
    /// cannot be opened); `detail` is SQLite's message or the system's.
    case unavailable(String)
    /// A stored value that cannot be read back (a broken JSON column).
    case unreadableRecord(String)

    public var description: String {
        switch self {
        case .storageFull: return "storage is full"
        case .readOnly: return "storage is read-only"
        case .corrupt(let detail): return "the database is damaged: \(detail)"
        case .newerVersion(let migrations):
            return "the database comes from a newer Hearth (unknown changes: \(migrations.joined(separator: ", ")))"
        case .unavailable(let detail): return "storage is unavailable: \(detail)"
        case .unreadableRecord(let detail): return "a stored record cannot be read: \(detail)"
        }
    }

    /// Classifies whatever GRDB or the system threw.
    init(_ error: any Error) {
        if let known = error as? StoreError {
            self = known
            return
        }
        guard let database = error as? DatabaseError else {
            self = .unavailable(String(describing: error))
            return
        }
        switch database.resultCode {
        case .SQLITE_FULL: self = .storageFull
        case .SQLITE_READONLY: self = .readOnly
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .corrupt(database.message ?? "SQLite reports corruption")
        default: self = .unavailable(database.message ?? "SQLite error \(database.extendedResultCode.rawValue)")
        }
    }
}
