import Foundation
import HearthBrain
import HearthServer
import NIOCore
import NIOPosix
import Testing

/// What a client reads on the socket when it asks the main port for a
/// WebSocket: a refused upgrade gets the router's own answer (status,
/// headers, JSON error) and a closed connection, not the WebSocket
/// library's bare 400.
@Suite struct WebSocketRefusalTests {
    /// A raw HTTP/1.1 answer, split as it came off the socket.
    struct WireAnswer {
        let statusLine: String
        let headers: [String: String]
        let body: String

        init(_ text: String) throws {
            let parts = text.components(separatedBy: "\r\n\r\n")
            let lines = try #require(parts.first).components(separatedBy: "\r\n")
            statusLine = lines[0]
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                let pair = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2 { headers[pair[0].lowercased()] = pair[1] }
            }
            self.headers = headers
            body = parts.dropFirst().joined(separator: "\r\n\r\n")
        }

        var json: Value? { try? JSON.decode(body) }
    }

    struct NoAnswer: Error {}

    /// Sends `request` as written and returns everything the server sent
    /// until it closed the connection. A server that keeps the connection
    /// open fails the test (after a wait only a hung server reaches).
    static func exchangeUntilClosed(port: Int, _ request: String) async throws -> String {
        try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .connect(host: "127.0.0.1", port: port) { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                        }
                    }
                return try await channel.executeThenClose { inbound, outbound in
                    try await outbound.write(ByteBuffer(string: request))
                    var received = ByteBuffer()
                    for try await var chunk in inbound { received.writeBuffer(&chunk) }
                    return String(buffer: received)
                }
            }
            group.addTask {
                try await Task.sleep(for: .seconds(60))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            guard let first else { throw NoAnswer() }
            return first
        }
    }

    /// An upgrade request as a browser sends it, with `extraHeaders` lines.
    static func upgradeRequest(_ path: String, extraHeaders: [String] = []) -> String {
        let lines = [
            "GET \(path) HTTP/1.1", "Host: 127.0.0.1", "Upgrade: websocket", "Connection: Upgrade",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13",
        ] + extraHeaders
        return lines.joined(separator: "\r\n") + "\r\n\r\n"
    }

    @Test func aMissingTokenIsAnswered401WithTheJSONErrorThenClosed() async throws {
        let tokens = TestTokens()
        // With a token in the store, loopback clients need one too.
        _ = tokens.add([.read])
        try await LiveAPI.serve(try TestAPI.control(tokens: tokens)) { port in
            let answer = try WireAnswer(try await Self.exchangeUntilClosed(port: port, Self.upgradeRequest("/api/events")))
            #expect(answer.statusLine == "HTTP/1.1 401 Unauthorized")
            #expect(answer.json == ["error": "Authentication required"])
            #expect(answer.headers["www-authenticate"] == #"Bearer realm="Hearth""#)
            #expect(answer.headers["content-type"]?.hasPrefix("application/json") == true)
            #expect(answer.headers["content-length"] == String(answer.body.utf8.count))
            #expect(answer.headers["connection"] == "close")
        }
    }

    @Test func aTokenWithoutTheReadScopeIsAnswered403AsQueryOrHeader() async throws {
        let tokens = TestTokens()
        let (record, token) = AccessToken.generate(name: "speaker", scopes: [.tts])
        _ = tokens.store.insert(record)
        try await LiveAPI.serve(try TestAPI.control(tokens: tokens)) { port in
            let requests = [
                Self.upgradeRequest("/api/events?token=\(token)"),
                Self.upgradeRequest("/api/events", extraHeaders: ["Authorization: Bearer \(token)"]),
            ]
            for request in requests {
                let answer = try WireAnswer(try await Self.exchangeUntilClosed(port: port, request))
                #expect(answer.statusLine == "HTTP/1.1 403 Forbidden")
                #expect(answer.json == ["error": "this token lacks the 'read' scope"])
            }
        }
    }

    @Test func anUnknownTokenIsAnswered401() async throws {
        let tokens = TestTokens()
        _ = tokens.add([.read])
        try await LiveAPI.serve(try TestAPI.control(tokens: tokens)) { port in
            let request = Self.upgradeRequest("/api/events?token=hearth_wrong")
            let answer = try WireAnswer(try await Self.exchangeUntilClosed(port: port, request))
            #expect(answer.statusLine == "HTTP/1.1 401 Unauthorized")
            #expect(answer.json == ["error": "Invalid token"])
        }
    }

    @Test func aPlainGetIsStillAnswered426() async throws {
        let tokens = TestTokens()
        let (record, token) = AccessToken.generate(name: "reader", scopes: [.read])
        _ = tokens.store.insert(record)
        try await LiveAPI.serve(try TestAPI.control(tokens: tokens)) { port in
            let request = "GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\nConnection: close\r\n\r\n"
            let answer = try WireAnswer(try await Self.exchangeUntilClosed(port: port, request))
            #expect(answer.statusLine == "HTTP/1.1 426 Upgrade Required")
            #expect(answer.json?.mapValue?["error"] != nil)
        }
    }

    @Test func anAcceptedUpgradeSwitchesProtocolsAndGreets() async throws {
        let tokens = TestTokens()
        let (record, token) = AccessToken.generate(name: "reader", scopes: [.read])
        _ = tokens.store.insert(record)
        try await LiveAPI.serve(try TestAPI.control(tokens: tokens)) { port in
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: "127.0.0.1", port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
            let received = try await channel.executeThenClose { inbound, outbound in
                try await outbound.write(ByteBuffer(string: Self.upgradeRequest("/api/events?token=\(token)")))
                var received = ByteBuffer()
                // The greeting is the first frame; its text is unmasked.
                for try await var chunk in inbound {
                    received.writeBuffer(&chunk)
                    if String(buffer: received).contains("CONNECTED") { break }
                }
                return String(buffer: received)
            }
            #expect(received.hasPrefix("HTTP/1.1 101 Switching Protocols\r\n"))
            #expect(received.contains("\"CONNECTED\""))
        }
    }
}
