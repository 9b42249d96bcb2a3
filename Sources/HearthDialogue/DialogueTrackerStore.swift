import HearthBrain
import HearthRuntime

/// Where conversations are kept: each a list of events as JSON, in order.
/// A write returns once the events are committed (they survive the process
/// being killed); a synced one once they are on disk (they survive a power
/// cut too). A write that fails changes nothing.
public protocol DialogueTrackerStore: Sendable {
    /// Conversation ids, oldest first.
    func conversationIDs() throws(StateSaveFailure) -> [String]
    /// A conversation's events; nil when there is no such conversation.
    func events(of id: String) throws(StateSaveFailure) -> [Value]?
    /// Appends events after the `count` the conversation has (0: a new
    /// conversation, created when needed); unless `synced`, they reach the
    /// disk within a second of the answer. The caller knows the count, so
    /// a chat turn need not ask the store for it; a wrong one fails.
    /// `texts` are the events as JSON, as the tracker encoded them.
    func append(_ events: [Value], texts: [String], to id: String, after count: Int, synced: Bool) throws(StateSaveFailure)
    /// Replaces a conversation's events, creating it when needed; synced.
    func replace(_ events: [Value], of id: String) throws(StateSaveFailure)
}
