import HearthBrain
import HearthDialogue
import HearthRuntime
import HearthStore

/// Rasa conversations kept in Hearth's SQLite database: every write is
/// synced before the API answers.
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

    public func append(_ events: [Value], to id: String) throws(StateSaveFailure) {
        try using { () throws(StoreError) in try store.appendTrackerEvents(events, to: id) }
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
