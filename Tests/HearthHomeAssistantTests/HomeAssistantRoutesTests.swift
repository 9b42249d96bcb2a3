import HTTPTypes
import HearthBrain
import HearthHomeAssistant
import HearthNeurons
import HearthRuntime
import HearthServer
import HearthTestSupport
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// `/api/homeassistant/status` and `/api/homeassistant/command`.
@Suite struct HomeAssistantRoutesTests {
    func serve(_ homeAssistant: HomeAssistant?, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let runtime = Runtime(
            brain: StarterBrain.loadBrain().brain, settings: StarterBrain.loadSettings().settings,
            configuration: RuntimeConfiguration(neurons: CoreNeurons.registry(homeAssistant: homeAssistant), terminate: {}))
        // The routes sit behind the control API's bearer tokens: the test
        // client holds one with the scopes they need (read, control).
        let (record, token) = AccessToken.generate(name: "test", scopes: [.read, .control])
        let configuration = APIConfiguration(
            homeAssistant: homeAssistant, control: ControlServices(tokens: InMemoryAccessTokenStore([record])))
        var logger = Logger(label: "hearth.api.test")
        logger.logLevel = .critical
        let app = Application(router: APIServer.router(runtime: runtime, configuration: configuration), logger: logger)
        try await app.test(.router) { client in
            try await body(AuthorizedClient(base: client, authorization: "Bearer \(token)"))
        }
    }

    /// Sends every request with the token.
    struct AuthorizedClient: TestClientProtocol {
        let base: any TestClientProtocol
        let authorization: String

        func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
            var headers = headers
            headers[.authorization] = authorization
            return try await base.executeRequest(uri: uri, method: method, headers: headers, body: body)
        }

        var port: Int? { base.port }
    }

    static func json(_ response: TestResponse) -> Value {
        (try? JSON.decode(String(buffer: response.body))) ?? .string("not JSON")
    }

    static func command(_ client: any TestClientProtocol, _ body: String) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/homeassistant/command", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(string: body))
    }

    @Test func statusSaysWhetherHomeAssistantIsConfiguredAndConnectedButNeverTheToken() async throws {
        try await serve(nil) { client in
            let response = try await client.execute(uri: "/api/homeassistant/status", method: .get)
            #expect(response.status == .ok)
            #expect(Self.json(response) == ["enabled": false, "connected": false, "url": nil, "language": nil])
        }
        let fixture = try await HomeAssistantFixture.start()
        let homeAssistant = fixture.homeAssistant
        try await serve(homeAssistant) { client in
            let before = try await client.execute(uri: "/api/homeassistant/status", method: .get)
            #expect(Self.json(before).mapValue?["connected"] == false)
            await homeAssistant.probe()
            let after = try await client.execute(uri: "/api/homeassistant/status", method: .get)
            #expect(Self.json(after) == [
                "enabled": true, "connected": true, "url": .string(homeAssistant.settings.url), "language": "en",
            ])
            #expect(!String(buffer: after.body).contains(secretToken))
        }
        try await fixture.stop()
    }

    @Test func aCommandAnswersWithHomeAssistantsSpeech() async throws {
        let fixture = try await HomeAssistantFixture.start()
        let homeAssistant = fixture.homeAssistant
        try await serve(homeAssistant) { client in
            // Not probed yet: not connected.
            let early = try await Self.command(client, #"{"text": "turn on the kitchen light"}"#)
            #expect(early.status == .serviceUnavailable)
            #expect(Self.json(early) == ["error": "Home Assistant is not connected"])

            await homeAssistant.probe()
            let done = try await Self.command(client, #"{"text": "turn on the kitchen light"}"#)
            #expect(done.status == .ok)
            #expect(Self.json(done) == ["response": "Turned on the light", "command": "turn on the kitchen light"])

            let german = try await Self.command(client, #"{"text": "what is the temperature", "language": "de"}"#)
            #expect(Self.json(german).mapValue?["response"] == "The temperature is 21.5 °C")
            let sent = try JSON.decode(try #require(fixture.fake.requests.last?.body))
            #expect(sent.mapValue?["language"] == "de")

            let empty = try await Self.command(client, #"{"text": "say nothing"}"#)
            #expect(empty.status == .badGateway)
            #expect(Self.json(empty) == ["error": "Home Assistant gave an empty answer"])

            fixture.fake.setFailure(.serverError)
            let failing = try await Self.command(client, #"{"text": "turn on the kitchen light"}"#)
            #expect(failing.status == .badGateway)
            #expect(Self.json(failing).mapValue?["error"]?.stringValue?.contains("500") == true)
        }
        try await fixture.stop()
    }

    @Test(arguments: ["", "not json", "[1]", #"{"text": 3}"#, #"{"text": "  "}"#, #"{"command": "hi"}"#, #"{"text": "hi", "language": 5}"#])
    func aBadBodyIs400(body: String) async throws {
        let fixture = try await HomeAssistantFixture.start()
        await fixture.homeAssistant.probe()
        try await serve(fixture.homeAssistant) { client in
            let response = try await Self.command(client, body)
            #expect(response.status == .badRequest)
            #expect(Self.json(response).mapValue?["error"]?.stringValue?.isEmpty == false)
        }
        #expect(fixture.fake.requests.count == 1)
        try await fixture.stop()
    }

    @Test func withoutHomeAssistantACommandIs503() async throws {
        try await serve(nil) { client in
            let response = try await Self.command(client, #"{"text": "turn on the kitchen light"}"#)
            #expect(response.status == .serviceUnavailable)
            #expect(Self.json(response) == ["error": "Home Assistant is not configured"])
        }
    }
}
