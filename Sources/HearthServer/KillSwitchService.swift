import ServiceLifecycle

/// What `kill_switch` pulls. The runtime calls `trigger()` once the answer of
/// the run that asked for it is complete; this service then returns, which
/// shuts the daemon down gracefully: the HTTP server sends the answers in
/// flight before it closes, and the process exits 0.
public final class KillSwitchService: Service, Sendable {
    private let pulls: AsyncStream<Void>
    private let pull: AsyncStream<Void>.Continuation

    public init() {
        (pulls, pull) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    public func trigger() {
        pull.yield()
    }

    public func run() async throws {
        await withGracefulShutdownHandler {
            for await _ in pulls { return }
        } onGracefulShutdown: { [pull] in
            pull.finish()
        }
    }
}
