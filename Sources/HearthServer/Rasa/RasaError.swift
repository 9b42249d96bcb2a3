import HTTPTypes
import HearthBrain
import HearthDialogue
import HearthRuntime
import Hummingbird

/// Every failure the Rasa API answers with, in Rasa's shape
/// `{"error": "<message>"}`. The intended 4xx codes, where Rasa Core 0.9
/// sometimes answered 500 by accident.
struct RasaError: Error, Sendable, Equatable {
    var status: HTTPResponse.Status
    var message: String
    var headers: HTTPFields = [:]

    static let unauthorized = RasaError(status: .unauthorized, message: "You are not authorized: a valid ?token= is required")
    static let missingQuery = RasaError(DialogueError.missingQuery)
    static let notFound = RasaError(status: .notFound, message: "no such URL")
    static let internalError = RasaError(status: .internalServerError, message: "internal error; the server log has the details")

    static func badRequest(_ message: String) -> RasaError { RasaError(status: .badRequest, message: message) }

    init(status: HTTPResponse.Status, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    init(_ error: DialogueError) {
        switch error {
        case .missingQuery, .badEvent, .unknownEventType, .unknownAction:
            self.init(status: .badRequest, message: error.description)
        case .notSaved(let failure), .unavailable(let failure):
            self.init(
                status: failure.reason == .storageFull ? HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage") : .serviceUnavailable,
                message: error.description)
        }
    }

    /// The Rasa API's own failures; nil for any other error.
    @Sendable static func answer(for error: any Error) -> (any HTTPResponseError)? {
        switch error {
        case let rasaError as RasaError: return rasaError
        case let dialogueError as DialogueError: return RasaError(dialogueError)
        default: return nil
        }
    }

    /// A failure every listener shares, in the Rasa API's words where they
    /// differ from the main API's.
    @Sendable init(shared error: APIError) {
        switch error {
        case .routeNotFound: self = .notFound
        case .internalError: self = .internalError
        default: self.init(error)
        }
    }

    /// The Kalliope API's errors raised by shared helpers (reading a body).
    init(_ error: APIError) {
        let message: String
        switch error.body.mapValue?["error"] {
        case .string(let text)?: message = text
        case .map(let fields)?: message = fields["Error"]?.stringValue ?? "\(error)"
        default: message = "\(error)"
        }
        self.init(status: error.status, message: message, headers: error.headers)
    }
}

extension RasaError: HTTPResponseError {
    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONResponse.make(["error": .string(message)], status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}
