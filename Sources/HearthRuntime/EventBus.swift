import Synchronization

/// Fan-out of runtime events to any number of subscribers. Publishing never
/// blocks: a subscriber that falls behind loses its oldest events.
///
/// A subscriber names the kinds it follows, so an event reaches only the
/// tasks that want it: every delivery to a waiting subscriber wakes a task,
/// and an order publishes about ten events that most subscribers ignore.
public final class EventBus: Sendable {
    private struct Subscriber {
        var continuation: AsyncStream<RuntimeEvent>.Continuation
        /// Nil: every kind.
        var kinds: Set<RuntimeEvent.Kind>?
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
            state.all.values.compactMap { $0.kinds?.contains(event.kind) == false ? nil : $0.continuation }
        }
        for continuation in targets { continuation.yield(event) }
    }

    /// A stream of every event of `kinds` (nil: of every kind) published
    /// from now on; it ends when the consumer stops iterating.
    public func subscribe(to kinds: Set<RuntimeEvent.Kind>? = nil) -> AsyncStream<RuntimeEvent> {
        let (stream, continuation) = AsyncStream<RuntimeEvent>.makeStream(bufferingPolicy: .bufferingNewest(bufferSize))
        let id = subscribers.withLock { state in
            let id = state.next
            state.next += 1
            state.all[id] = Subscriber(continuation: continuation, kinds: kinds)
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.all.removeValue(forKey: id) }
        }
        return stream
    }

    public var subscriberCount: Int { subscribers.withLock { $0.all.count } }
}
