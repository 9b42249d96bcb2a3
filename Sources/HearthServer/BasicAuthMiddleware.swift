import Hummingbird
import HummingbirdAuth

/// Basic authentication on every route when `password_protected` is set, as
/// Kalliope's `requires_auth` does: a missing or wrong login/password is a
/// 401 with `WWW-Authenticate: Basic realm="Login Required"`. The control
/// API (`/api/...`) is left to `TokenAuthMiddleware`: it takes bearer tokens only.
/// The dashboard's files and the browser's redirect to them hold no secret and
/// are open, so a phone can load the page that then asks for credentials.
struct BasicAuthMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    /// Nil when the API is open.
    let credentials: APICredentials?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        guard let credentials, !ControlAPI.contains(path: request.uri.path), !DashboardRoutes.contains(path: request.uri.path),
            !RootRoutes.isBrowserPage(request)
        else {
            context.identity = .anonymous
            return try await next(request, context)
        }
        guard let presented = request.headers.basic,
            credentials.accepts(login: presented.username, password: presented.password)
        else {
            throw APIError.unauthorized
        }
        context.identity = APICaller(login: presented.username)
        return try await next(request, context)
    }
}
