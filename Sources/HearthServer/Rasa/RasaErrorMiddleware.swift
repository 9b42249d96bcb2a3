import Hummingbird
import HearthDialogue
import NIOCore

/// Turns whatever a Rasa route throws into a `RasaError` answer.
struct RasaErrorMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let routes: RouteTable
    let bodyLimit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return try translate(error, request: request, context: context).response(from: request, context: context)
        }
    }

    private func translate(_ error: any Error, request: Request, context: Context) -> RasaError {
        switch error {
        case let rasaError as RasaError: return rasaError
        case let dialogueError as DialogueError: return RasaError(dialogueError)
        case let apiError as APIError: return RasaError(apiError)
        case is NIOTooManyBytesError: return RasaError(APIError.bodyTooLarge(limit: bodyLimit))
        case let httpError as any HTTPResponseError where httpError.status == .notFound:
            let allowed = routes.methods(forPath: request.uri.path)
            return allowed.isEmpty ? .notFound : RasaError(APIError.methodNotAllowed(allowed: allowed))
        case let httpError as any HTTPResponseError where httpError.status == .contentTooLarge:
            return RasaError(APIError.bodyTooLarge(limit: bodyLimit))
        default:
            context.logger.error("unexpected error", metadata: ["error.type": "\(type(of: error))"])
            return .internalError
        }
    }
}
