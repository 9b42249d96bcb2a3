import HearthBrain
import HearthDialogue
import HearthRuntime
import HearthStore

/// Rasa conversations kept in Hearth's SQLite database: committed before the
/// API answers; synced to disk then when asked, within a second otherwise.
public struct SQLiteTrackerStore: DialogueTrackerStore {
    public let store: StateStore

    public init(store: StateStore) {
        self.store = store
    }

    public func conversationIDs() throws(StateSaveFailure) -> [String] {
        try using { () throws(StoreError) in try store.conversationIDs() }
    }

    public func events(of id: String) throws(StateSaveFailure) -> [Value]? {
        try using { () throws(StoreError) in try store.trackerEvents(of: id) }
    }

    public func append(_ events: [Value], texts: [String], to id: String, after count: Int, synced: Bool) throws(StateSaveFailure) {
        let encoded = zip(events, texts).map { EncodedTrackerEvent($0, json: $1) }
        try using { () throws(StoreError) in
            try store.appendTrackerEvents(encoded, to: id, after: count, durability: synced ? .synced : .deferred)
        }
    }

    public func replace(_ events: [Value], of id: String) throws(StateSaveFailure) {
        try using { () throws(StoreError) in try store.replaceTrackerEvents(events, of: id) }
    }

    private func using<T>(_ body: () throws(StoreError) -> T) throws(StateSaveFailure) -> T {
        do {
            return try body()
        } catch {
            throw StateSaveFailure(error)
        }
    }
}
