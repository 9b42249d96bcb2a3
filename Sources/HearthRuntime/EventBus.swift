import Synchronization

/// Fan-out of runtime events to any number of subscribers. Publishing never
/// blocks: a subscriber that falls behind loses its oldest events.
public final class EventBus: Sendable {
    private struct Subscribers {
        var next = 0
        var continuations: [Int: AsyncStream<RuntimeEvent>.Continuation] = [:]
    }

    private let subscribers = Mutex(Subscribers())
    private let bufferSize: Int

    public init(bufferSize: Int = 256) {
        self.bufferSize = bufferSize
    }

    public func publish(_ event: RuntimeEvent) {
        let targets = subscribers.withLock { Array($0.continuations.values) }
        for continuation in targets { continuation.yield(event) }
    }

    /// A stream of every event published from now on; it ends when the
    /// consumer stops iterating.
    public func subscribe() -> AsyncStream<RuntimeEvent> {
        let (stream, continuation) = AsyncStream<RuntimeEvent>.makeStream(bufferingPolicy: .bufferingNewest(bufferSize))
        let id = subscribers.withLock { state in
            let id = state.next
            state.next += 1
            state.continuations[id] = continuation
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.continuations.removeValue(forKey: id) }
        }
        return stream
    }

    public var subscriberCount: Int { subscribers.withLock { $0.continuations.count } }
}
