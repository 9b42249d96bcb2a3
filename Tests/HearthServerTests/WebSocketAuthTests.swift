import AsyncHTTPClient
import HTTPTypes
import HearthBrain
import HearthServer
import Hummingbird
import HummingbirdWSClient
import Logging
import NIOCore
import NIOHTTP1
import Testing


/// WebSocket upgrades of the control API are authenticated like any other
/// request: refused with HTTP 401/403 and a JSON error before any upgrade.
@Suite struct WebSocketAuthTests {
    /// An upgrade request as a browser sends it, answered as plain HTTP.
    static func upgradeStatus(port: Int, path: String, headers: HTTPHeaders = [:]) async throws -> (Int, String) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.headers = headers
        request.headers.add(name: "Upgrade", value: "websocket")
        request.headers.add(name: "Connection", value: "Upgrade")
        request.headers.add(name: "Sec-WebSocket-Key", value: "dGhlIHNhbXBsZSBub25jZQ==")
        request.headers.add(name: "Sec-WebSocket-Version", value: "13")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = String(buffer: try await response.body.collect(upTo: 1 << 16))
        return (Int(response.status.code), body)
    }

    /// The middleware refuses these upgrades with 401 or 403, and that
    /// answer is what the client gets; no WebSocket is opened.
    @Test func refusedUpgradesNeverOpenASocket() async throws {
        let tokens = TestTokens()
        let (readRecord, _) = AccessToken.generate(name: "reader", scopes: [.read])
        let (ttsRecord, ttsToken) = AccessToken.generate(name: "speaker", scopes: [.tts])
        _ = tokens.store.insert(readRecord)
        _ = tokens.store.insert(ttsRecord)
        let api = try TestAPI.control(tokens: tokens)
        try await LiveAPI.serve(api) { port in
            let refusals: [(String, HTTPHeaders, Int)] = [
                ("/api/events", [:], 401), ("/api/events?token=hearth_wrong", [:], 401), ("/api/events?token=\(ttsToken)", [:], 403),
                ("/api/events", ["Authorization": "Bearer \(ttsToken)"], 403),
            ]
            for (path, headers, expected) in refusals {
                let (status, _) = try await Self.upgradeStatus(port: port, path: path, headers: headers)
                #expect(status == expected, "\(path): \(status)")
            }
            // The WebSocket client sees the refusal as a failed upgrade.
            await #expect(throws: (any Error).self) {
                try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/api/events", logger: Logger(label: "test")) { _, _, _ in }
            }
        }
    }

    /// What the middleware answers an upgrade request, before any upgrade.
    @Test func theMiddlewareAnswersRefusedUpgradesWith401Or403() async throws {
        let tokens = TestTokens()
        let (record, token) = AccessToken.generate(name: "speaker", scopes: [.tts])
        _ = tokens.store.insert(record)
        let api = try TestAPI.control(tokens: tokens)
        let upgrade: HTTPFields = [.upgrade: "websocket", .connection: "Upgrade"]
        try await api.test { client in
            let missing = try await client.send(.get, "/api/events", headers: upgrade)
            #expect(missing.status == .unauthorized)
            #expect(missing.json == ["error": "Authentication required"])
            let wrong = try await client.send(.get, "/api/events?token=hearth_wrong", headers: upgrade)
            #expect(wrong.status == .unauthorized)
            #expect(wrong.json == ["error": "Invalid token"])
            let noScope = try await client.send(.get, "/api/events?token=\(token)", headers: upgrade)
            #expect(noScope.status == .forbidden)
            #expect(noScope.errorMessage == "this token lacks the 'read' scope")
        }
    }

    @Test func aReadTokenOpensTheEventStreamAsQueryOrHeader() async throws {
        let tokens = TestTokens()
        let (record, token) = AccessToken.generate(name: "reader", scopes: [.read])
        _ = tokens.store.insert(record)
        let api = try TestAPI.control(tokens: tokens)
        try await LiveAPI.serve(api) { port in
            for (path, headers) in [("/api/events?token=\(token)", HTTPFields()), ("/api/events", [.authorization: "Bearer \(token)"])] {
                let greeting = ResultBox<String>()
                try await WebSocketClient.connect(
                    url: "ws://127.0.0.1:\(port)\(path)", configuration: .init(additionalHeaders: headers), logger: Logger(label: "test")
                ) { inbound, outbound, _ in
                    var messages = inbound.messages(maxSize: 1 << 16).makeAsyncIterator()
                    if case .text(let text)? = try await messages.next() { greeting.set(text) }
                    try await outbound.close(.normalClosure, reason: nil)
                }
                let event = try JSON.decode(try #require(greeting.value)).mapValue
                #expect(event?["event"] == "CONNECTED", "\(path)")
            }
        }
    }
}
