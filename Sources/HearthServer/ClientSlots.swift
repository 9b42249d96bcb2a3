import Foundation
import Synchronization

/// At most `limit` clients of a WebSocket route at once. A slot is reserved
/// when the upgrade is accepted (so the refusal can still be an HTTP 429),
/// claimed when the session starts, and released when it ends. A reservation
/// whose upgrade never completed (the client left during the handshake)
/// lapses after a few seconds instead of holding its slot for good.
final class ClientSlots: Sendable {
    let limit: Int
    private let reservationLifetime: TimeInterval = 10

    private struct State {
        var active = 0
        var reservations: [Date] = []
    }

    private let state = Mutex(State())

    init(limit: Int) {
        self.limit = limit
    }

    func reserve(now: Date = Date()) -> Bool {
        state.withLock { state in
            state.reservations.removeAll { now.timeIntervalSince($0) > reservationLifetime }
            guard state.active + state.reservations.count < limit else { return false }
            state.reservations.append(now)
            return true
        }
    }

    func claim() {
        state.withLock { state in
            if !state.reservations.isEmpty { state.reservations.removeFirst() }
            state.active += 1
        }
    }

    func release() {
        state.withLock { $0.active -= 1 }
    }

    var inUse: Int { state.withLock { $0.active + $0.reservations.count } }
}
