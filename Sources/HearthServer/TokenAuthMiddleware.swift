import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Bearer tokens on the control API (`/api/...`), WebSocket upgrades
/// included, so a refused upgrade is an HTTP 401 or 403 before any
/// WebSocket exists.
///
/// - No token created yet: only loopback clients are answered (403 for
///   others), so a fresh device is not open to the LAN.
/// - Otherwise `Authorization: Bearer <token>`, or `?token=` on a WebSocket
///   upgrade (browsers cannot set headers there): none → 401
///   `Authentication required`, unknown → 401 `Invalid token`, a token
///   without the route's scope → 403.
struct TokenAuthMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let tokens: any AccessTokenStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard ControlAPI.contains(path: request.uri.path) else { return try await next(request, context) }
        let known: [AccessToken]
        do {
            known = try tokens.accessTokens()
        } catch {
            // Fail closed: without the token list nobody can be checked.
            throw APIError.unavailable("the token store cannot be read: \(error.detail)")
        }
        var context = context
        guard !known.isEmpty else {
            guard context.isLoopbackClient else {
                throw APIError.forbidden("no token exists yet, so only this device may call the API (create one with: hearth token create --scopes read)")
            }
            context.identity = APICaller(login: nil)
            return try await next(request, context)
        }
        guard let presented = Self.presentedToken(request) else { throw APIError.authenticationRequired }
        let digest = AccessToken.digest(of: presented)
        // Every stored digest is compared, in constant time each, so timing
        // tells nothing about which token came close.
        var match: AccessToken?
        for token in known where ConstantTime.equals(digest, token.digest) { match = token }
        guard let match else { throw APIError.invalidToken }
        let scope = ControlAPI.requiredScope(method: request.method, path: request.uri.path)
        guard match.allows(scope) else {
            throw APIError.forbidden("this token lacks the '\(scope.rawValue)' scope")
        }
        context.identity = APICaller(login: "token:" + match.name)
        return try await next(request, context)
    }

    /// `Authorization: Bearer <token>`; on a WebSocket upgrade also `?token=`.
    static func presentedToken(_ request: Request) -> String? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                let token = parts[1].trimmingCharacters(in: .whitespaces)
                return token.isEmpty ? nil : token
            }
            return nil
        }
        guard request.headers[.upgrade]?.lowercased() == "websocket" else { return nil }
        return request.uri.queryParameters.get("token").flatMap { $0.isEmpty ? nil : String($0) }
    }
}
