import HearthBrain
import HearthRuntime

/// Where conversations are kept: each a list of events as JSON, in order.
/// A write returns once the events are on disk; a write that fails changes
/// nothing.
public protocol DialogueTrackerStore: Sendable {
    /// Conversation ids, oldest first.
    func conversationIDs() throws(StateSaveFailure) -> [String]
    /// A conversation's events; nil when there is no such conversation.
    func events(of id: String) throws(StateSaveFailure) -> [Value]?
    /// Appends events, creating the conversation when needed.
    func append(_ events: [Value], to id: String) throws(StateSaveFailure)
    /// Replaces a conversation's events, creating it when needed.
    func replace(_ events: [Value], of id: String) throws(StateSaveFailure)
}
