import ServiceLifecycle
import Synchronization

/// What `kill_switch` pulls, and the control API's restart and shutdown. The
/// runtime calls `trigger()` once the answer of the run that asked for it is
/// complete; this service then returns, which shuts the daemon down
/// gracefully: the HTTP server sends the answers in flight before it closes,
/// and the process exits with `exitStatus` (0 unless a restart was asked for).
public final class KillSwitchService: Service, Sendable {
    private let pulls: AsyncStream<Void>
    private let pull: AsyncStream<Void>.Continuation
    private let requestedStatus = Mutex<Int32>(0)

    public init() {
        (pulls, pull) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    public func trigger(exitStatus: Int32 = 0) {
        requestedStatus.withLock { $0 = exitStatus }
        pull.yield()
    }

    /// The status the process should exit with once the daemon has stopped.
    public var exitStatus: Int32 { requestedStatus.withLock { $0 } }

    public func run() async throws {
        await withGracefulShutdownHandler {
            for await _ in pulls { return }
        } onGracefulShutdown: { [pull] in
            pull.finish()
        }
    }
}
