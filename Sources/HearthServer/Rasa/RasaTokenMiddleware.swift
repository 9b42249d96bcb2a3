import Hummingbird

/// Rasa's token auth: with a token configured, every route but `GET /` and
/// `GET /version` needs `?token=<token>` (compared in constant time);
/// otherwise 401.
struct RasaTokenMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    /// Nil leaves the API open.
    let token: [UInt8]?
    static let openPaths: Set<String> = ["/", "/version"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token, !Self.openPaths.contains(request.uri.path) {
            guard let presented = request.uri.queryParameters["token"], ConstantTime.equals(Array(presented.utf8), token) else {
                throw RasaError.unauthorized
            }
        }
        context.identity = .anonymous
        return try await next(request, context)
    }
}
