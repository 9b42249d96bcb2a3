import HearthBrain
import HearthStore

/// Where the runtime saves what changes while it runs, so it is still there
/// after a restart or a power cut.
///
/// The runtime calls it synchronously inside each change, after checking the
/// change and before making it: when a call returns, the change is on disk,
/// and only then does the runtime change its state and answer its caller.
/// A change the store refuses is not made; the caller gets
/// `RuntimeError.notSaved`. (The event bus is no substitute: its subscribers
/// run later, after the client may have been told the change was saved.)
public protocol RuntimeStateStore: Sendable {
    func saveAddedSynapse(_ synapse: Synapse) throws(StateSaveFailure)
    func saveRemovedSynapse(named name: String) throws(StateSaveFailure)
    func saveSynapseEnabled(_ enabled: Bool, named name: String) throws(StateSaveFailure)
    func saveSettingsChange(_ change: SettingsChange) throws(StateSaveFailure)
    /// A finished run, with the memory values changed since the last save,
    /// in one write. A run is a log entry, not a change a client asked for:
    /// unless `synced`, the call may return before it reaches the disk (it
    /// must survive the process being killed, and reach the disk within a
    /// second). The runtime asks for `synced` when the run holds values the
    /// brain asked to remember (`kalliope_memory`).
    func saveRun(_ run: RunRecord, memory: [String: Value], synced: Bool) throws(StateSaveFailure)
    /// Memory changed outside any run (an `on_start` hook, say).
    func saveMemory(_ memory: [String: Value]) throws(StateSaveFailure)
}

/// Why a change could not be saved; the server answers 507 for a full
/// storage and 503 otherwise.
public struct StateSaveFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case storageFull
        case readOnly
        case unavailable
    }

    public var reason: Reason
    /// What the store knows (SQLite's message, the file system's); no values.
    public var detail: String

    public init(_ reason: Reason, detail: String) {
        self.reason = reason
        self.detail = detail
    }

    public var description: String { detail }
}
