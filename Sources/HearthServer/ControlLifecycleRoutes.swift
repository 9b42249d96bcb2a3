import HearthRuntime
import Hummingbird

/// Barge-in, forgetting the dialogue, restart and shutdown.
struct ControlLifecycleRoutes: APIRouteGroup {
    let runtime: Runtime
    let end: @Sendable (ProcessEnd) -> Void

    var routes: [APIRoute] {
        [
            APIRoute(.post, "/api/stop") { _, _ in
                await runtime.stopSpeaking()
                return JSONResponse.make(["status": "stopped"])
            },
            APIRoute(.post, "/api/reset-context") { _, _ in
                await runtime.resetContext()
                return JSONResponse.make(["status": "context_reset"])
            },
            // The answer is sent before the server closes: the end is a
            // graceful shutdown, which lets answers in flight finish.
            APIRoute(.post, "/api/restart") { _, _ in
                end(.restart)
                return JSONResponse.make(["status": "restarting"])
            },
            APIRoute(.post, "/api/shutdown") { _, _ in
                end(.shutdown)
                return JSONResponse.make(["status": "shutting_down"])
            },
        ]
    }
}
