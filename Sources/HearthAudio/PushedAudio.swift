import Dispatch
import Synchronization

/// Audio pushed by a connection (the browser microphone) and taken by the
/// thread that decodes it: the connection never waits on decoding, and the
/// decoder blocks while there is nothing to take.
final class PushedAudio: Sendable {
    enum Item: Equatable {
        case samples([Int16])
        /// The speaker is done (`mute`): an utterance under way ends here.
        case endOfSpeech
    }

    private struct State {
        var items: [Item] = []
        var queuedSamples = 0
        var closed = false
    }

    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)
    /// Beyond this many samples the oldest are dropped: a client that sends
    /// faster than Hearth decodes cannot make it hold unbounded audio.
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    func push(_ item: Item) {
        let accepted = state.withLock { state -> Bool in
            guard !state.closed else { return false }
            state.items.append(item)
            if case .samples(let samples) = item { state.queuedSamples += samples.count }
            while state.queuedSamples > capacity, case .samples(let oldest)? = state.items.first {
                state.items.removeFirst()
                state.queuedSamples -= oldest.count
            }
            return true
        }
        if accepted { available.signal() }
    }

    /// The next item, waiting for one; nil once closed.
    func take() -> Item? {
        while true {
            let next = state.withLock { state -> Item?? in
                if state.closed { return .some(nil) }
                guard !state.items.isEmpty else { return nil }
                let item = state.items.removeFirst()
                if case .samples(let samples) = item { state.queuedSamples -= samples.count }
                return .some(item)
            }
            if let next { return next }
            available.wait()
        }
    }

    /// Drops what is queued (audio that arrived while Hearth was answering
    /// is not heard as a new order).
    func discardQueued() {
        state.withLock { state in
            state.items.removeAll()
            state.queuedSamples = 0
        }
    }

    func close() {
        state.withLock { $0.closed = true }
        available.signal()
    }
}
