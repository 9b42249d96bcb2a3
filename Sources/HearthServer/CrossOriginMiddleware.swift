import Foundation
import HTTPTypes
import Hummingbird

/// CORS from `allowed_cors_origin`, answering browsers the way Kalliope's
/// flask-cors setup does: credentials allowed, the caller's origin echoed
/// when it is allowed, and preflight `OPTIONS` answered before
/// authentication (browsers send preflights without credentials).
struct CrossOriginMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    enum Allowed: Sendable, Equatable {
        case anyOrigin
        case origins(Set<String>)
    }

    let allowed: Allowed
    let routes: RouteTable

    /// Nil when the setting allows no origin, so no middleware is installed.
    init?(setting: String?, routes: RouteTable) {
        guard let setting else { return nil }
        let origins = setting.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !origins.isEmpty else { return nil }
        self.allowed = origins.contains("*") ? .anyOrigin : .origins(Set(origins))
        self.routes = routes
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin], isAllowed(origin) else {
            return try await next(request, context)
        }
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            return preflight(request, origin: origin)
        }
        var response = try await next(request, context)
        addOriginHeaders(to: &response.headers, origin: origin)
        return response
    }

    private func isAllowed(_ origin: String) -> Bool {
        switch allowed {
        case .anyOrigin: return origin != "null"
        case .origins(let origins): return origins.contains(origin)
        }
    }

    private func preflight(_ request: Request, origin: String) -> Response {
        var methods = routes.methods(forPath: request.uri.path).map(\.rawValue)
        if methods.isEmpty { methods = ["GET", "POST", "DELETE"] }
        var headers: HTTPFields = [
            .accessControlAllowMethods: (methods + ["OPTIONS"]).joined(separator: ", "),
            .accessControlAllowHeaders: request.headers[.accessControlRequestHeaders] ?? "Authorization, Content-Type",
            .accessControlMaxAge: "600",
        ]
        addOriginHeaders(to: &headers, origin: origin)
        return Response(status: .noContent, headers: headers)
    }

    private func addOriginHeaders(to headers: inout HTTPFields, origin: String) {
        headers[.accessControlAllowOrigin] = origin
        headers[.accessControlAllowCredentials] = "true"
        headers[values: .vary].append("Origin")
    }
}
