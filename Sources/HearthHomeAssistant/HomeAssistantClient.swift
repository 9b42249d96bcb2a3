import AsyncHTTPClient
import Foundation
import HearthBrain
import Logging
import NIOCore
import NIOHTTP1

/// Home Assistant's REST API, one call per method. Stateless: the connection
/// state and the conversation id live in `HomeAssistant`.
public struct HomeAssistantClient: Sendable {
    public let settings: HomeAssistantSettings
    let logger: Logger

    /// Answers larger than this are refused (a state with many attributes is
    /// a few kilobytes).
    static let maximumBody = 1 << 20

    /// One client for the process. Redirects are not followed, so the token
    /// is only ever sent to the configured address. A refused connection
    /// fails the call at once instead of being retried until the timeout:
    /// the connection monitor does the retrying, with backoff.
    static let http: HTTPClient = {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    public init(settings: HomeAssistantSettings, logger: Logger = Logger(label: "hearth.homeassistant")) {
        self.settings = settings
        self.logger = logger
    }

    /// `GET /api/`: Home Assistant answers `{"message": "API running."}`.
    public func checkConnection() async throws(HomeAssistantError) {
        let answer = try await send(.GET, "/api/")
        guard answer.mapValue?["message"]?.stringValue != nil else {
            throw .invalidAnswer("GET /api/ has no 'message'")
        }
    }

    /// `POST /api/conversation/process`.
    public func process(
        _ text: String, language: String?, conversationID: String?
    ) async throws(HomeAssistantError) -> ConversationAnswer {
        var body: [String: Value] = ["text": .string(text)]
        if let language { body["language"] = .string(language) }
        if let conversationID { body["conversation_id"] = .string(conversationID) }
        return try ConversationAnswer(try await send(.POST, "/api/conversation/process", body: .map(body)))
    }

    /// `GET /api/states/<entity_id>`.
    public func state(of entityID: String) async throws(HomeAssistantError) -> EntityState {
        try EntityState(try await send(.GET, "/api/states/" + Self.pathSegment(entityID)))
    }

    /// `POST /api/services/<domain>/<service>` with the service data as the
    /// body; Home Assistant answers with the states the call changed.
    public func callService(
        domain: String, service: String, data: [String: Value]
    ) async throws(HomeAssistantError) -> [EntityState] {
        let path = "/api/services/" + Self.pathSegment(domain) + "/" + Self.pathSegment(service)
        let answer = try await send(.POST, path, body: .map(data))
        guard let states = answer.listValue else { throw .invalidAnswer("POST \(path) did not answer a list of states") }
        var changed: [EntityState] = []
        for state in states { changed.append(try EntityState(state)) }
        return changed
    }

    /// Sends one request within the timeout and decodes its JSON answer.
    func send(_ method: HTTPMethod, _ path: String, body: Value? = nil) async throws(HomeAssistantError) -> Value {
        var request = HTTPClientRequest(url: settings.url + path)
        request.method = method
        request.headers.add(name: "Authorization", value: settings.token.bearer)
        request.headers.add(name: "Accept", value: "application/json")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: JSON.encode(body)))
        }
        let started = ContinuousClock.now
        let status: Int
        let text: String
        do {
            let response = try await Self.http.execute(request, deadline: .now() + .milliseconds(Int64(settings.timeout * 1000)))
            status = Int(response.status.code)
            text = String(buffer: try await response.body.collect(upTo: Self.maximumBody))
        } catch {
            let failure = translate(error)
            logger.debug("call failed", metadata: ["method": "\(method.rawValue)", "path": "\(path)", "error": "\(failure)"])
            throw failure
        }
        logger.debug(
            "call", metadata: ["method": "\(method.rawValue)", "path": "\(path)", "status": "\(status)", "duration": "\(ContinuousClock.now - started)"])

        let decoded = try? JSON.decode(text)
        switch status {
        case 200..<300:
            guard let decoded else { throw .invalidAnswer("\(method.rawValue) \(path) did not answer JSON") }
            return decoded
        case 401, 403:
            throw .unauthorized
        case 404:
            throw .notFound(Self.message(in: decoded) ?? path)
        default:
            throw .failed(status: status, message: Self.message(in: decoded) ?? "\(method.rawValue) \(path)")
        }
    }

    /// Home Assistant's errors are `{"message": "..."}`.
    private static func message(in answer: Value?) -> String? {
        answer?.mapValue?["message"]?.stringValue
    }

    private func translate(_ error: any Error) -> HomeAssistantError {
        if let client = error as? HTTPClientError {
            switch client {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                return .timedOut(seconds: settings.timeout)
            case .bodyLengthMismatch:
                return .invalidAnswer("the answer was cut short")
            default:
                return .unreachable(String(describing: client))
            }
        }
        if error is NIOTooManyBytesError { return .invalidAnswer("the answer is larger than \(Self.maximumBody) bytes") }
        if error is CancellationError { return .timedOut(seconds: settings.timeout) }
        return .unreachable(String(describing: error))
    }

    /// Entity ids, domains and services are plain words; anything else is
    /// escaped so it cannot reach another path.
    static func pathSegment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? text
    }
}
