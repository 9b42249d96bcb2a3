import HTTPTypes
import Hummingbird

/// One endpoint of the API: method, path (Hummingbird syntax, `:name` for a
/// parameter) and what answers it. Routes are plain values so the same list
/// builds the router, answers 405 for known paths, and is checked against
/// the OpenAPI document.
public struct APIRoute: Sendable {
    public typealias Handler = @Sendable (Request, APIRequestContext) async throws -> Response

    public let method: HTTPRequest.Method
    public let path: String
    let handler: Handler

    init(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        self.method = method
        self.path = path
        self.handler = handler
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
            let handler = route.handler
            router.on(RouterPath(route.path), method: route.method) { request, context in
                try await handler(request, context)
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
