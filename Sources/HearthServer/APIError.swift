import HTTPTypes
import HearthBrain
import HearthRuntime
import Hummingbird

/// Every failure the API answers with. This is the one place where a failure
/// becomes a status code, headers and a JSON body; `ErrorMiddleware` turns
/// everything else that can be thrown into one of these.
///
/// Bodies keep Kalliope's shape, `{"error": {...}}`, so clients written for
/// Kalliope read Hearth's errors the same way.
public enum APIError: Error, Sendable, Equatable {
    /// No credentials, or wrong ones.
    case unauthorized
    /// Kalliope's 404 for a synapse name that is not in the brain.
    case synapseNotFound(String)
    /// Kalliope's 400 when a required key is missing from the body.
    case missingParameter(String)
    /// Any other unusable input: malformed JSON, a wrong type, an invalid synapse.
    case badRequest(String)
    /// Hearth refuses a second synapse of the same name (Kalliope accepted it).
    case duplicateSynapse(String)
    case bodyTooLarge(limit: Int)
    case routeNotFound
    /// The path exists, but not with this method.
    case methodNotAllowed(allowed: [HTTPRequest.Method])
    /// A WebSocket URL asked for without the upgrade.
    case upgradeRequired
    /// A route whose feature belongs to a module not built yet.
    case notImplemented(String)
    /// The state store refused a change, so it was not made: 507 when the
    /// storage is full, 503 when it is read-only or unusable.
    case notSaved(StateSaveFailure)
    /// A failure the server did not expect; the details stay in the log.
    case internalError
    /// A refusal by a control API route (`/api/...`), whose errors are the
    /// spec's flat `{"error": "<message>"}` rather than Kalliope's shape.
    case control(HTTPResponse.Status, String)

    public init(_ error: RuntimeError) {
        switch error {
        case .synapseNotFound(let name): self = .synapseNotFound(name)
        case .duplicateSynapse(let name): self = .duplicateSynapse(name)
        case .invalidSynapse, .unknownEngine, .invalidSetting, .soundFile: self = .badRequest(error.description)
        case .notSaved(let failure): self = .notSaved(failure)
        }
    }

    public var status: HTTPResponse.Status {
        switch self {
        case .unauthorized: return .unauthorized
        case .synapseNotFound, .routeNotFound: return .notFound
        case .missingParameter, .badRequest: return .badRequest
        case .duplicateSynapse: return .conflict
        case .bodyTooLarge: return .contentTooLarge
        case .methodNotAllowed: return .methodNotAllowed
        case .upgradeRequired: return HTTPResponse.Status(code: 426, reasonPhrase: "Upgrade Required")
        case .notImplemented: return .notImplemented
        case .notSaved(let failure):
            return failure.reason == .storageFull ? HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage") : .serviceUnavailable
        case .internalError: return .internalServerError
        case .control(let status, _): return status
        }
    }

    /// The JSON answer.
    public var body: Value {
        switch self {
        case .synapseNotFound(let name):
            return ["error": ["synapse name not found": .string(name)]]
        case .missingParameter(let key):
            return Self.error("Wrong parameters, '\(key)' not set")
        case .unauthorized:
            return Self.error("Could not verify your access level for that URL. You have to login with proper credentials")
        case .badRequest(let message), .notImplemented(let message):
            return Self.error(message)
        case .duplicateSynapse(let name):
            return Self.error("a synapse named '\(name)' already exists")
        case .bodyTooLarge(let limit):
            return Self.error("the request body is larger than \(limit) bytes")
        case .routeNotFound:
            return Self.error("no such URL")
        case .upgradeRequired:
            return Self.error("this URL speaks WebSocket only; connect with Upgrade: websocket")
        case .methodNotAllowed(let allowed):
            return Self.error("method not allowed here; use \(allowed.map(\.rawValue).joined(separator: ", "))")
        case .notSaved(let failure):
            return Self.error("the change was not saved: \(failure.detail)")
        case .internalError:
            return Self.error("internal error; the server log has the details")
        case .control(_, let message):
            return ["error": .string(message)]
        }
    }

    var headers: HTTPFields {
        switch self {
        case .unauthorized:
            return [.wwwAuthenticate: #"Basic realm="Login Required""#]
        case .methodNotAllowed(let allowed):
            return [.allow: allowed.map(\.rawValue).joined(separator: ", ")]
        case .upgradeRequired:
            return [.upgrade: "websocket"]
        default:
            return [:]
        }
    }

    private static func error(_ message: String) -> Value {
        ["error": ["Error": .string(message)]]
    }
}

extension APIError: HTTPResponseError {
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONResponse.make(body, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}
