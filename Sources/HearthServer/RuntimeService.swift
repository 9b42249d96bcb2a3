import HearthRuntime
import ServiceLifecycle

/// The runtime as a service of the daemon: started with it (`on_start`
/// fires, scheduled events begin) and stopped when the daemon shuts down.
public struct RuntimeService: Service {
    let runtime: Runtime

    public init(runtime: Runtime) {
        self.runtime = runtime
    }

    public func run() async throws {
        await runtime.start()
        // Wait for the daemon to shut down; cancellation ends the wait too.
        try? await gracefulShutdown()
        await runtime.stop()
    }
}
