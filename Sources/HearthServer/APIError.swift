import HTTPTypes
import HearthBrain
import HearthRuntime
import Hummingbird

/// Every failure the API answers with. This is the one place where a failure
/// becomes a status code, headers and a JSON body; `ErrorMiddleware` turns
/// everything else that can be thrown into one of these.
///
/// Bodies keep Kalliope's shape, `{"error": {...}}`, so clients written for
/// Kalliope read Hearth's errors the same way; under `/api/` (the control
/// API) they are flat, `{"error": "<message>"}`, as that API's clients expect.
public enum APIError: Error, Sendable, Equatable {
    /// No credentials, or wrong ones.
    case unauthorized
    /// The control API: no bearer token given.
    case authenticationRequired
    /// The control API: a bearer token that is not (or no longer) known.
    case invalidToken
    /// Known caller, but not allowed to do this.
    case forbidden(String)
    /// Something named in the path or body does not exist (a speaker, a language, a soul).
    case notFound(String)
    /// The change contradicts what exists (a second owner).
    case conflict(String)
    /// A part of the device the call needs cannot be used now.
    case unavailable(String)
    /// A service Hearth relays to (Home Assistant) failed or answered nothing.
    case badGateway(String)
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
    /// Too many at once (browser microphones beyond `max_clients`).
    case tooManyRequests(String)

    public init(_ error: RuntimeError) {
        switch error {
        case .synapseNotFound(let name): self = .synapseNotFound(name)
        case .duplicateSynapse(let name): self = .duplicateSynapse(name)
        case .invalidSynapse, .unknownEngine, .invalidSetting, .soundFile: self = .badRequest(error.description)
        case .unknownSoul: self = .notFound(error.description)
        case .notSaved(let failure): self = .notSaved(failure)
        }
    }

    public var status: HTTPResponse.Status {
        switch self {
        case .unauthorized, .authenticationRequired, .invalidToken: return .unauthorized
        case .forbidden: return .forbidden
        case .synapseNotFound, .routeNotFound, .notFound: return .notFound
        case .conflict: return .conflict
        case .unavailable: return .serviceUnavailable
        case .badGateway: return .badGateway
        case .missingParameter, .badRequest: return .badRequest
        case .duplicateSynapse: return .conflict
        case .bodyTooLarge: return .contentTooLarge
        case .methodNotAllowed: return .methodNotAllowed
        case .upgradeRequired: return HTTPResponse.Status(code: 426, reasonPhrase: "Upgrade Required")
        case .notImplemented: return .notImplemented
        case .notSaved(let failure):
            return failure.reason == .storageFull ? HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage") : .serviceUnavailable
        case .internalError: return .internalServerError
        case .tooManyRequests: return .tooManyRequests
        }
    }

    /// The JSON answer in Kalliope's shape.
    public var body: Value {
        switch self {
        case .synapseNotFound(let name):
            return ["error": ["synapse name not found": .string(name)]]
        default:
            return ["error": ["Error": .string(message)]]
        }
    }

    /// The control API's answer: `{"error": "<message>"}`.
    public var flatBody: Value {
        ["error": .string(message)]
    }

    /// What went wrong, in words.
    public var message: String {
        switch self {
        case .synapseNotFound(let name):
            return "synapse name not found: \(name)"
        case .authenticationRequired:
            return "Authentication required"
        case .invalidToken:
            return "Invalid token"
        case .forbidden(let message), .notFound(let message), .conflict(let message), .unavailable(let message),
            .badGateway(let message), .tooManyRequests(let message):
            return message
        case .missingParameter(let key):
            return "Wrong parameters, '\(key)' not set"
        case .unauthorized:
            return "Could not verify your access level for that URL. You have to login with proper credentials"
        case .badRequest(let message), .notImplemented(let message):
            return message
        case .duplicateSynapse(let name):
            return "a synapse named '\(name)' already exists"
        case .bodyTooLarge(let limit):
            return "the request body is larger than \(limit) bytes"
        case .routeNotFound:
            return "no such URL"
        case .upgradeRequired:
            return "this URL speaks WebSocket only; connect with Upgrade: websocket"
        case .methodNotAllowed(let allowed):
            return "method not allowed here; use \(allowed.map(\.rawValue).joined(separator: ", "))"
        case .notSaved(let failure):
            return "the change was not saved: \(failure.detail)"
        case .internalError:
            return "internal error; the server log has the details"
        }
    }

    var headers: HTTPFields {
        switch self {
        case .unauthorized:
            return [.wwwAuthenticate: #"Basic realm="Login Required""#]
        case .authenticationRequired, .invalidToken:
            return [.wwwAuthenticate: #"Bearer realm="Hearth""#]
        case .methodNotAllowed(let allowed):
            return [.allow: allowed.map(\.rawValue).joined(separator: ", ")]
        case .upgradeRequired:
            return [.upgrade: "websocket"]
        default:
            return [:]
        }
    }
}

extension APIError: HTTPResponseError {
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let flat = ControlAPI.contains(path: request.uri.path)
        var response = JSONResponse.make(flat ? flatBody : body, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}
