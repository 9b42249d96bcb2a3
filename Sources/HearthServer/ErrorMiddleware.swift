import HearthBrain
import HearthRuntime
import Hummingbird
import Logging
import NIOCore

/// Turns whatever a route or an inner middleware throws into a JSON answer,
/// so no failure reaches the client as an HTML page, an empty body or a
/// dropped connection.
///
/// Both listeners use it: the main API answers `APIError`s as they are; the
/// Rasa API answers its own errors in Rasa's words (`ownAnswer`) and words
/// the failures every listener shares (unknown route, wrong method, body too
/// large, unexpected errors) its own way (`answer`).
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let routes: RouteTable
    /// The body limit, for the message of a 413 raised below the routes.
    let bodyLimit: Int
    /// The listener's own error types, answered in its own shape; nil for the rest.
    var ownAnswer: @Sendable (any Error) -> (any HTTPResponseError)? = { _ in nil }
    /// How the listener words a shared failure.
    var answer: @Sendable (APIError) -> any HTTPResponseError = { $0 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let answer = ownAnswer(error) ?? answer(translate(error, request: request, context: context))
            return try answer.response(from: request, context: context)
        }
    }

    private func translate(_ error: any Error, request: Request, context: Context) -> APIError {
        switch error {
        case let apiError as APIError:
            return apiError
        case let runtimeError as RuntimeError:
            return APIError(runtimeError)
        case let failure as StateSaveFailure:
            return .notSaved(failure)
        case is NIOTooManyBytesError:
            return .bodyTooLarge(limit: bodyLimit)
        case let httpError as any HTTPResponseError where httpError.status == .notFound:
            // The router found no handler: either the path is unknown, or it
            // is known under other methods.
            let allowed = routes.methods(forPath: request.uri.path)
            return allowed.isEmpty ? .routeNotFound : .methodNotAllowed(allowed: allowed)
        case let httpError as any HTTPResponseError where httpError.status == .contentTooLarge:
            return .bodyTooLarge(limit: bodyLimit)
        default:
            // Only the error's type is logged: its text may quote a request.
            context.logger.error("unexpected error", metadata: ["error.type": "\(type(of: error))"])
            return .internalError
        }
    }
}
