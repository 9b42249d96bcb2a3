import Hummingbird
import HummingbirdWebSocket

/// The server side of one WebSocket route.
struct WebSocketEndpoint: Sendable {
    typealias Session = @Sendable (
        _ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter,
        _ context: WebSocketRouterContext<APIRequestContext>
    ) async throws -> Void

    /// A last check on the upgrade request (after authentication), e.g. a
    /// client limit; throwing an `APIError` answers it without upgrading.
    let admit: @Sendable (Request, APIRequestContext) async throws -> Void
    /// Runs for as long as the connection is open.
    let session: Session

    init(
        admit: @escaping @Sendable (Request, APIRequestContext) async throws -> Void = { _, _ in },
        session: @escaping Session
    ) {
        self.admit = admit
        self.session = session
    }

    /// The router's upgrade decision. A plain GET without `Upgrade: websocket`
    /// is told what the URL is for instead of getting an empty 200.
    func shouldUpgrade(_ request: Request, _ context: APIRequestContext) async throws -> RouterShouldUpgrade {
        guard request.headers[.upgrade]?.lowercased() == "websocket" else { throw APIError.upgradeRequired }
        try await admit(request, context)
        return .upgrade([:])
    }
}
