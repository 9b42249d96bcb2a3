import HearthRuntime
import ServiceLifecycle
import Synchronization

/// Tells systemd's watchdog that Hearth is alive, but only while the
/// runtime's synapse queue still moves: each `WATCHDOG=1` follows a
/// heartbeat that went through the Runtime actor's queue. A runtime stuck in
/// a run stops the pings, and systemd restarts the service after
/// `WatchdogSec=`.
struct WatchdogService: Service {
    let runtime: Runtime
    let notifier: SystemdNotifier
    let interval: Duration

    func run() async throws {
        // At most one heartbeat waits on the queue at a time; a stuck one is
        // never awaited here, so shutdown is not held up by it.
        let waiting = HeartbeatInFlight()
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                if waiting.begin() {
                    Task { [runtime, notifier] in
                        await runtime.heartbeat()
                        notifier.watchdog()
                        waiting.end()
                    }
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}

/// Whether a heartbeat is still waiting for its turn.
private final class HeartbeatInFlight: Sendable {
    private let flag = Atomic(false)

    /// True when no heartbeat was waiting and this caller may send one.
    func begin() -> Bool { !flag.exchange(true, ordering: .acquiringAndReleasing) }

    func end() { flag.store(false, ordering: .releasing) }
}
