import HearthBrain
import HearthRuntime
import HearthStore

/// The runtime's state store, kept in Hearth's SQLite database: each change
/// the runtime makes is written (and synced) before the runtime answers;
/// the run log is written at once and synced within a second.
public struct SQLiteRuntimeStateStore: RuntimeStateStore {
    public let store: StateStore

    public init(store: StateStore) {
        self.store = store
    }

    public func saveAddedSynapse(_ synapse: Synapse) throws(StateSaveFailure) {
        try saving { () throws(StoreError) in
            try store.saveDefinedSynapse(name: synapse.name, definition: synapse.brainFileForm, enabled: synapse.enabled)
        }
    }

    public func saveRemovedSynapse(named name: String) throws(StateSaveFailure) {
        try saving { () throws(StoreError) in try store.saveDeletedSynapse(name: name) }
    }

    public func saveSynapseEnabled(_ enabled: Bool, named name: String) throws(StateSaveFailure) {
        try saving { () throws(StoreError) in try store.saveSynapseEnabled(name: name, enabled: enabled) }
    }

    public func saveSettingsChange(_ change: SettingsChange) throws(StateSaveFailure) {
        try saving { () throws(StoreError) in try store.saveSettings(SettingKeys.entries(for: change)) }
    }

    public func saveRun(_ run: RunRecord, memory: [String: Value], synced: Bool) throws(StateSaveFailure) {
        try saving { () throws(StoreError) in
            try store.recordRun(run, memory: memory, durability: synced ? .synced : .deferred)
        }
    }

    public func saveMemory(_ memory: [String: Value]) throws(StateSaveFailure) {
        try saving { () throws(StoreError) in try store.saveMemory(memory) }
    }

    private func saving(_ write: () throws(StoreError) -> Void) throws(StateSaveFailure) {
        try mappingFailure(write)
    }
}

extension StateSaveFailure {
    /// The runtime's view of a store failure: full, read-only, or otherwise unusable.
    init(_ error: StoreError) {
        switch error {
        case .storageFull: self.init(.storageFull, detail: error.description)
        case .readOnly: self.init(.readOnly, detail: error.description)
        case .corrupt, .newerVersion, .unavailable, .unreadableRecord: self.init(.unavailable, detail: error.description)
        }
    }
}

extension SQLiteRuntimeStateStore: RunHistory {
    public func recentRuns(limit: Int) throws(StateSaveFailure) -> [RunRecord] {
        try mappingFailure { () throws(StoreError) in try store.history(limit: limit) }
    }
}
