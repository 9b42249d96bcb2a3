import HTTPTypes
import HearthServer
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// Log lines kept in memory, with their metadata flattened to text.
final class CapturedLog: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var text: String { lines.withLock { $0.joined(separator: "\n") } }
}

struct CapturingLogHandler: LogHandler {
    let log: CapturedLog
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let fields = metadata.merging(event.metadata ?? [:]) { _, new in new }
        log.append("\(event.message) " + fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
    }
}

@Suite struct RequestLogTests {
    @Test func aTokenInTheQueryIsRedactedAndHeadersAreNotLogged() async throws {
        let tokens = TestTokens()
        let (record, token) = AccessToken.generate(name: "browser", scopes: [.read])
        _ = tokens.store.insert(record)
        let api = try TestAPI.control(tokens: tokens)
        let captured = CapturedLog()
        let logger = Logger(label: "hearth.api.test") { _ in CapturingLogHandler(log: captured) }
        let app = Application(router: APIServer.router(runtime: api.runtime, configuration: api.configuration), logger: logger)
        try await app.test(.router) { client in
            _ = try await client.send(
                .get, "/api/events?token=\(token)&since=5", headers: [.upgrade: "websocket", .connection: "Upgrade"])
            _ = try await client.send(.get, "/api/status", headers: bearer(token))
        }
        let text = captured.text
        #expect(text.contains("query=token=REDACTED&since=5"))
        #expect(text.contains("path=/api/status"))
        #expect(!text.contains(token))
    }
}
