import HTTPTypes
import HearthBrain
import HearthServer
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization

/// Tokens for the control API's tests, kept in memory.
struct TestTokens {
    let store = InMemoryAccessTokenStore()

    /// Creates a token with these scopes and returns its Authorization header.
    func add(_ scopes: Set<AccessScope>, name: String? = nil) -> HTTPFields {
        let (record, token) = AccessToken.generate(name: name, scopes: scopes)
        _ = store.insert(record)
        return bearer(token)
    }
}

func bearer(_ token: String) -> HTTPFields {
    [.authorization: "Bearer \(token)"]
}

/// What a restart or shutdown asked for, instead of ending the test process.
final class RecordedEnds: Sendable {
    private let ends = Mutex<[ProcessEnd]>([])
    func record(_ end: ProcessEnd) { ends.withLock { $0.append(end) } }
    var all: [ProcessEnd] { ends.withLock { $0 } }
}

extension TestAPI {
    /// A test API whose control services use `tokens`, English and French as
    /// installed languages, and `ends` to record restart and shutdown.
    static func control(
        tokens: TestTokens, ends: RecordedEnds = RecordedEnds(), brainYAML: String? = nil, settingsYAML: String? = nil,
        credentials: APICredentials? = nil
    ) throws -> TestAPI {
        var api = try TestAPI(brainYAML: brainYAML, settingsYAML: settingsYAML, credentials: credentials)
        api.configuration.control = ControlServices(
            tokens: tokens.store,
            languages: FixedLanguageCatalog([
                SpokenLanguage(code: "en", voice: "en-us", speechModel: "/models/en-us"),
                SpokenLanguage(code: "fr", voice: "fr-fr", speechModel: "/models/fr-fr"),
            ]),
            homeAssistantConnected: { true },
            end: { ends.record($0) })
        return api
    }

    /// Over a real socket on 127.0.0.1, where the client's address is known.
    func testLive(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        var logger = Logger(label: "hearth.api.test")
        logger.logLevel = .warning
        let app = Application(
            router: APIServer.router(runtime: runtime, configuration: configuration),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        try await app.test(.live, body)
    }
}

extension TestResponse {
    /// The control API's flat error message; nil when the body is not one.
    var errorMessage: String? { json.mapValue?["error"]?.stringValue }
}
