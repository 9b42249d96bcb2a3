import Synchronization

/// Fan-out of runtime events to any number of subscribers. Publishing never
/// blocks: a subscriber that falls behind loses its oldest events.
///
/// A subscriber says which events it follows, so an event reaches only the
/// tasks that want it: every delivery to a waiting subscriber wakes a task,
/// and an order publishes about ten events that most subscribers ignore.
public final class EventBus: Sendable {
    private struct Subscriber {
        var continuation: AsyncStream<RuntimeEvent>.Continuation
        /// Nil: every event.
        var wants: (@Sendable (RuntimeEvent) -> Bool)?
    }

    private struct Subscribers {
        var next = 0
        var all: [Int: Subscriber] = [:]
    }

    private let subscribers = Mutex(Subscribers())
    private let bufferSize: Int

    public init(bufferSize: Int = 256) {
        self.bufferSize = bufferSize
    }

    public func publish(_ event: RuntimeEvent) {
        let targets = subscribers.withLock { state in
            state.all.values.compactMap { $0.wants?(event) == false ? nil : $0.continuation }
        }
        for continuation in targets { continuation.yield(event) }
    }

    /// A stream of every event of `kinds` published from now on; it ends
    /// when the consumer stops iterating.
    public func subscribe(to kinds: Set<RuntimeEvent.Kind>) -> AsyncStream<RuntimeEvent> {
        subscribe { kinds.contains($0.kind) }
    }

    /// A stream of every event published from now on that `wants` accepts
    /// (nil: every event); it ends when the consumer stops iterating.
    /// `wants` runs on the publisher's thread: keep it a quick test.
    public func subscribe(where wants: (@Sendable (RuntimeEvent) -> Bool)? = nil) -> AsyncStream<RuntimeEvent> {
        let (stream, continuation) = AsyncStream<RuntimeEvent>.makeStream(bufferingPolicy: .bufferingNewest(bufferSize))
        let id = subscribers.withLock { state in
            let id = state.next
            state.next += 1
            state.all[id] = Subscriber(continuation: continuation, wants: wants)
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.all.removeValue(forKey: id) }
        }
        return stream
    }

    public var subscriberCount: Int { subscribers.withLock { $0.all.count } }
}
