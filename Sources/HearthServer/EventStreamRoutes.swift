import HearthBrain
import HearthRuntime
import HummingbirdWebSocket

/// `WS /api/events`: the runtime's event bus, live. A client first gets
/// `CONNECTED` with the current state, then every event as it happens; it
/// may send `{"type": "ping"}` at any time and gets `{"event": "pong"}`.
struct EventStreamRoutes: APIRouteGroup {
    let runtime: Runtime
    /// Client messages are tiny; anything larger is not one of ours.
    static let maxClientMessage = 4096

    var routes: [APIRoute] {
        let runtime = self.runtime
        return [
            APIRoute(webSocket: "/api/events", WebSocketEndpoint { inbound, outbound, _ in
                try await Self.stream(runtime: runtime, inbound: inbound, outbound: outbound)
            })
        ]
    }

    private static func stream(runtime: Runtime, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        // Subscribe before reading the state, so nothing that happens in
        // between is missed.
        let events = runtime.events.subscribe()
        let state = await runtime.state
        try await send(EventMessage.value(event: "CONNECTED", data: ["state": .string(state.rawValue)]), to: outbound)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await event in events {
                    try await send(EventMessage.value(event), to: outbound)
                }
            }
            group.addTask {
                for try await message in inbound.messages(maxSize: maxClientMessage) {
                    try await answer(message, on: outbound)
                }
            }
            // The client leaving (or failing) ends the session; the event
            // forwarder would otherwise wait for the next event forever.
            try await group.next()
            group.cancelAll()
        }
    }

    private static func answer(_ message: WebSocketMessage, on outbound: WebSocketOutboundWriter) async throws {
        if case .text(let text) = message, let request = try? JSON.decode(text), request.mapValue?["type"]?.stringValue == "ping" {
            try await send(EventMessage.value(event: "pong"), to: outbound)
        } else {
            let hint = #"this stream only understands {"type": "ping"}"#
            try await send(EventMessage.value(event: "ERROR", data: ["message": .string(hint)]), to: outbound)
        }
    }

    private static func send(_ message: Value, to outbound: WebSocketOutboundWriter) async throws {
        try await outbound.write(.text(JSON.encode(message)))
    }
}
