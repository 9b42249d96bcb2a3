import Foundation

/// Where the state database lives and how much it keeps.
public struct StoreConfiguration: Sendable {
    /// The state directory (`--state-dir`); created when missing.
    public var directory: String
    /// The database file's name inside `directory`.
    public var fileName: String
    /// Order history keeps at most this many of the newest runs...
    public var historyLimit: Int
    /// ...and none older than this.
    public var historyMaxAge: TimeInterval
    /// A cap on the database's size in bytes, nil for none. A board whose
    /// state shares a small partition with logs can keep Hearth from filling
    /// it; past the cap writes fail as `StoreError.storageFull`.
    public var maximumSize: Int?
    /// Opens an existing database for reading only: nothing is created,
    /// migrated or moved aside, so a reader (`hearth brain export`) never
    /// disturbs the database of a running daemon.
    public var readOnly: Bool
    /// The longest a `.deferred` commit (the run log) waits before it is
    /// synced to disk: what a power cut can take back.
    public var deferredSyncDelay: TimeInterval = 1

    public init(
        directory: String, fileName: String = "hearth.sqlite", historyLimit: Int = 10_000,
        historyMaxAge: TimeInterval = 30 * 24 * 3600, maximumSize: Int? = nil, readOnly: Bool = false
    ) {
        self.directory = directory
        self.fileName = fileName
        self.historyLimit = historyLimit
        self.historyMaxAge = historyMaxAge
        self.maximumSize = maximumSize
        self.readOnly = readOnly
    }

    public var databasePath: String { (directory as NSString).appendingPathComponent(fileName) }
}
