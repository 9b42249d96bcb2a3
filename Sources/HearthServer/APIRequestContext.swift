import Hummingbird
import HummingbirdAuth
import HummingbirdWebSocket

/// Who is calling: the login that passed basic auth, or anonymous when the
/// API is not password protected.
public struct APICaller: Sendable, Equatable {
    public let login: String?

    public static let anonymous = APICaller(login: nil)
}

/// The per-request context of the REST API. The authentication middleware
/// sets `identity`; routes run only once it is set.
public struct APIRequestContext: AuthRequestContext, RequestContext, WebSocketRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: APICaller?
    /// Where a WebSocket route leaves its session for the upgrade.
    public let webSocket: WebSocketHandlerReference<APIRequestContext>

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.identity = nil
        self.webSocket = .init()
    }
}
