import Foundation
import HearthTestSupport
import Synchronization
@testable import HearthAudio

/// espeak-ng held by a thread of the test's, as a long sentence would hold
/// it, until `release()`; after a minute it gives up (so a test whose work
/// waits for the engine on the cooperative pool fails instead of hanging)
/// and says so. Other tests reach espeak-ng off the pool too: one waiting
/// for the engine on a pool thread could be what holds the pool.
final class BusyEngine: Sendable {
    private let held = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)
    private let timedOut = Atomic(false)

    static func hold() async throws -> BusyEngine {
        let engine = BusyEngine()
        Thread {
            SpeechEngineLock.shared.withLock {
                engine.held.signal()
                if engine.released.wait(timeout: .now() + 60) == .timedOut { engine.timedOut.store(true, ordering: .relaxed) }
            }
        }.start()
        try await offPool { engine.held.wait() }
        return engine
    }

    func release() { released.signal() }

    var gaveUp: Bool { timedOut.load(ordering: .relaxed) }
}
