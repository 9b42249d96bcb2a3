import HearthBrain
import NIOHTTP1
import Synchronization

/// A Home Assistant for tests: its REST routes with the JSON shapes the real
/// one answers (`GET /api/`, conversation, states, services), its 401 for a
/// wrong token, and switches that make it slow or failing.
public final class FakeHomeAssistant: Sendable {
    public enum Failure: Sendable {
        /// 500 with Home Assistant's error body.
        case serverError
        /// The connection closes without an answer.
        case dropConnection
    }

    /// A service call as received.
    public struct ServiceCall: Sendable, Equatable {
        public var domain: String
        public var service: String
        public var data: Value

        public init(domain: String, service: String, data: Value) {
            self.domain = domain
            self.service = service
            self.data = data
        }
    }

    private struct State {
        var entities: [String: Value]
        var serviceCalls: [ServiceCall] = []
        /// The `conversation_id` each conversation request carried.
        var conversationIDs: [String?] = []
        var nextConversation = 1
        var delay: Duration?
        var failure: Failure?
    }

    public static let kitchenLight = "light.kitchen"
    public let token: String
    private let state: Mutex<State>
    private let server: Mutex<LocalHTTPServer?> = Mutex(nil)

    public init(token: String) {
        self.token = token
        state = Mutex(State(entities: [
            Self.kitchenLight: Self.entity(Self.kitchenLight, state: "off", name: "Kitchen Light"),
            "sensor.living_room_temperature": Self.entity(
                "sensor.living_room_temperature", state: "21.5", name: "Living room temperature",
                extra: ["unit_of_measurement": "°C", "device_class": "temperature"]),
        ]))
    }

    /// Starts serving on a free loopback port; returns the base URL.
    public func start() async throws -> String {
        let server = try await LocalHTTPServer.start { [self] request in await self.answer(request) }
        self.server.withLock { $0 = server }
        return server.baseURL
    }

    public func stop() async throws {
        try await server.withLock { $0 }?.stop()
    }

    /// Every request received, whole.
    public var requests: [LocalHTTPServer.Request] { server.withLock { $0 }?.receivedRequests ?? [] }
    public var serviceCalls: [ServiceCall] { state.withLock { $0.serviceCalls } }
    public var conversationIDsReceived: [String?] { state.withLock { $0.conversationIDs } }
    public func entityState(_ id: String) -> String? { state.withLock { $0.entities[id]?.mapValue?["state"]?.stringValue } }

    /// Every answer waits this long first (nil: answers at once).
    public func setDelay(_ delay: Duration?) { state.withLock { $0.delay = delay } }
    public func setFailure(_ failure: Failure?) { state.withLock { $0.failure = failure } }

    // MARK: Answers

    private func answer(_ request: LocalHTTPServer.Request) async -> LocalHTTPServer.Reply {
        let (delay, failure) = state.withLock { ($0.delay, $0.failure) }
        if let delay { try? await Task.sleep(for: delay) }
        switch failure {
        case .dropConnection?: return .dropConnection
        case .serverError?: return json(#"{"message": "Internal Server Error"}"#, status: .internalServerError)
        case nil: break
        }
        guard request.header("Authorization") == "Bearer \(token)" else {
            return .respond(.init(status: .unauthorized, contentType: "text/plain; charset=utf-8", body: "401: Unauthorized"))
        }
        let path = request.uri.split(separator: "?").first.map(String.init) ?? request.uri
        let segments = path.split(separator: "/").map(String.init)
        switch (request.method, segments) {
        case ("GET", ["api"]):
            return json(#"{"message": "API running."}"#)
        case ("POST", ["api", "conversation", "process"]):
            return conversation(request.body)
        case ("GET", let parts) where parts.count == 3 && parts[1] == "states":
            guard let entity = state.withLock({ $0.entities[parts[2]] }) else {
                return json(#"{"message": "Entity not found."}"#, status: .notFound)
            }
            return json(JSON.encode(entity))
        case ("POST", let parts) where parts.count == 4 && parts[1] == "services":
            return service(domain: parts[2], service: parts[3], body: request.body)
        default:
            return json(#"{"message": "Not Found"}"#, status: .notFound)
        }
    }

    /// Understands a few sentences, as Home Assistant's default agent would.
    private func conversation(_ body: String) -> LocalHTTPServer.Reply {
        guard let request = try? JSON.decode(body).mapValue, let text = request["text"]?.stringValue else {
            return json(#"{"message": "Message format incorrect: required key not provided @ data['text']"}"#, status: .badRequest)
        }
        let sentID = request["conversation_id"]?.stringValue
        let id = state.withLock { state in
            state.conversationIDs.append(sentID)
            if let sentID { return sentID }
            defer { state.nextConversation += 1 }
            return "01JDZK8Q2V0000000000000\(state.nextConversation)"
        }
        let sentence = text.lowercased()
        let answer: (type: String, speech: String, data: Value)
        if sentence.contains("turn on") && sentence.contains("kitchen") {
            setEntity(Self.kitchenLight, to: "on")
            answer = ("action_done", "Turned on the light",
                      ["targets": [], "success": [["name": "Kitchen Light", "type": "entity", "id": .string(Self.kitchenLight)]], "failed": []])
        } else if sentence.contains("temperature") {
            answer = ("query_answer", "The temperature is 21.5 °C", ["targets": [], "success": [], "failed": []])
        } else if sentence.contains("and the bedroom") && sentID != nil {
            // Only understood as a follow-up of an earlier sentence.
            answer = ("query_answer", "The bedroom is 19 °C", ["targets": [], "success": [], "failed": []])
        } else if sentence.contains("say nothing") {
            answer = ("action_done", "", ["targets": [], "success": [], "failed": []])
        } else {
            answer = ("error", "Sorry, I couldn't understand that", ["code": "no_intent_match"])
        }
        let response: Value = [
            "response": [
                "speech": ["plain": ["speech": .string(answer.speech), "extra_data": nil]],
                "card": [:],
                "language": .string(request["language"]?.stringValue ?? "en"),
                "response_type": .string(answer.type),
                "data": answer.data,
            ],
            "conversation_id": .string(id),
            "continue_conversation": false,
        ]
        return json(JSON.encode(response))
    }

    private func service(domain: String, service: String, body: String) -> LocalHTTPServer.Reply {
        let data = (try? JSON.decode(body)) ?? [:]
        state.withLock { $0.serviceCalls.append(ServiceCall(domain: domain, service: service, data: data)) }
        guard ["turn_on", "turn_off", "toggle"].contains(service), ["light", "switch", "homeassistant"].contains(domain) else {
            return json(#"{"message": "Service \#(domain).\#(service) not found."}"#, status: .badRequest)
        }
        let ids: [String]
        switch data.mapValue?["entity_id"] {
        case .string(let id)?: ids = [id]
        case .list(let items)?: ids = items.compactMap(\.stringValue)
        default: ids = []
        }
        let changed: [Value] = ids.compactMap { id in
            guard let current = entityState(id) else { return nil }
            let new = service == "turn_on" ? "on" : service == "turn_off" ? "off" : (current == "on" ? "off" : "on")
            return setEntity(id, to: new)
        }
        return json(JSON.encode(.list(changed)))
    }

    @discardableResult
    private func setEntity(_ id: String, to value: String) -> Value? {
        state.withLock { state in
            guard case .map(var entity)? = state.entities[id] else { return nil }
            entity["state"] = .string(value)
            entity["last_changed"] = "2026-11-21T10:00:00.000000+00:00"
            state.entities[id] = .map(entity)
            return .map(entity)
        }
    }

    private func json(_ body: String, status: HTTPResponseStatus = .ok) -> LocalHTTPServer.Reply {
        .respond(.init(status: status, contentType: "application/json", body: body))
    }

    private static func entity(_ id: String, state: String, name: String, extra: [String: Value] = [:]) -> Value {
        var attributes: [String: Value] = ["friendly_name": .string(name)]
        attributes.merge(extra) { _, new in new }
        return [
            "entity_id": .string(id), "state": .string(state), "attributes": .map(attributes),
            "last_changed": "2026-11-21T09:00:00.000000+00:00", "last_reported": "2026-11-21T09:00:00.000000+00:00",
            "last_updated": "2026-11-21T09:00:00.000000+00:00",
            "context": ["id": "01JDZK8Q2V00000000000CTX01", "parent_id": nil, "user_id": nil],
        ]
    }
}
