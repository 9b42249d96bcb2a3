import HTTPTypes
import Hummingbird
import HummingbirdWebSocket

/// One endpoint of the API: method, path (Hummingbird syntax, `:name` for a
/// parameter) and what answers it. Routes are plain values so the same list
/// builds the router, answers 405 for known paths, and is checked against
/// the OpenAPI document.
public struct APIRoute: Sendable {
    public typealias Handler = @Sendable (Request, APIRequestContext) async throws -> Response

    /// What answers the route: a handler for plain HTTP, or a WebSocket
    /// session once the connection is upgraded.
    enum Responder: Sendable {
        case http(Handler)
        case webSocket(WebSocketEndpoint)
    }

    public let method: HTTPRequest.Method
    public let path: String
    let responder: Responder

    init(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        self.method = method
        self.path = path
        self.responder = .http(handler)
    }

    /// A WebSocket route: a GET that upgrades. The upgrade request goes
    /// through the same middleware as any other, so authentication and CORS
    /// answer before the connection changes protocol.
    init(webSocket path: String, _ endpoint: WebSocketEndpoint) {
        self.method = .get
        self.path = path
        self.responder = .webSocket(endpoint)
    }

    public var isWebSocket: Bool {
        if case .webSocket = responder { return true }
        return false
    }
}

/// A set of routes that belong together (one API, one file).
protocol APIRouteGroup {
    var routes: [APIRoute] { get }
}

/// Every route the server answers, for lookups by path.
public struct RouteTable: Sendable {
    public let routes: [APIRoute]
    private let patterns: [(segments: [Substring], method: HTTPRequest.Method)]

    init(_ routes: [APIRoute]) {
        self.routes = routes
        self.patterns = routes.map { (Self.segments($0.path), $0.method) }
    }

    /// The methods registered for whatever route `path` falls on; empty when
    /// no route has that shape. Empty segments are ignored, as the router
    /// ignores them, so a trailing slash makes no difference.
    func methods(forPath path: String) -> [HTTPRequest.Method] {
        let requested = Self.segments(path)
        var methods: [HTTPRequest.Method] = []
        for pattern in patterns where Self.matches(requested, pattern.segments) && !methods.contains(pattern.method) {
            methods.append(pattern.method)
        }
        return methods
    }

    /// Adds every route to `router`.
    func register(on router: Router<APIRequestContext>) {
        for route in routes {
            switch route.responder {
            case .http(let handler):
                router.on(RouterPath(route.path), method: route.method) { request, context in
                    try await handler(request, context)
                }
            case .webSocket(let endpoint):
                router.ws(RouterPath(route.path), shouldUpgrade: endpoint.shouldUpgrade, onUpgrade: endpoint.session)
            }
        }
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    private static func matches(_ requested: [Substring], _ pattern: [Substring]) -> Bool {
        guard requested.count == pattern.count else { return false }
        return zip(requested, pattern).allSatisfy { $1.hasPrefix(":") || $0 == $1 }
    }
}
