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
    /// Appends events, creating the conversation when needed; unless
    /// `synced`, they reach the disk within a second of the answer.
    func append(_ events: [Value], to id: String, synced: Bool) throws(StateSaveFailure)
    /// Replaces a conversation's events, creating it when needed; synced.
    func replace(_ events: [Value], of id: String) throws(StateSaveFailure)
}
