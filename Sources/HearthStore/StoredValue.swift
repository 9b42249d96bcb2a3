import HearthBrain

/// Values are stored as JSON text: readable with the `sqlite3` shell, and the
/// same text the APIs show.
enum StoredValue {
    static func encode(_ value: Value) -> String { JSON.encode(value) }

    static func decode(_ text: String, what: @autoclosure () -> String) throws(StoreError) -> Value {
        do {
            return try JSON.decode(text)
        } catch {
            throw .unreadableRecord("\(what()): \(error)")
        }
    }
}
