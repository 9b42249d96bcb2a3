import Foundation
import HearthBrain
import HearthRuntime
import HearthServer
import Hummingbird
import HummingbirdWSClient
import Logging
import Testing

/// `WS /api/events` over a real socket: the greeting, runtime events as they
/// happen, ping/pong, and the answer to a plain request.
@Suite(.timeLimit(.minutes(1))) struct EventStreamTests {
    static let brain = """
        - name: "greet"
          signals:
            - order: "hello there"
          neurons:
            - say:
                message: "hi"
        """

    @Test func aClientIsGreetedThenSeesEveryEventOfAnOrder() async throws {
        let api = try TestAPI(brainYAML: Self.brain)
        let runtime = api.runtime
        let expectedState = await runtime.state.rawValue
        let messages = try await LiveAPI.webSocket(api, path: "/api/events") { inbound, outbound in
            var received = [try await inbound.nextJSON()]
            _ = await runtime.runOrder("hello there", source: "test")
            _ = await runtime.runOrder("no such order at all", source: "test")
            while received.count < 50, !received.contains(where: { $0["event"] == "ORDER_NOT_FOUND" }) {
                received.append(try await inbound.nextJSON())
            }
            return received
        }
        let connected = try #require(messages.first)
        #expect(connected["event"] == "CONNECTED")
        #expect(connected["data"] == ["state": .string(expectedState)])

        let matched = try #require(messages.first { $0["event"] == "ORDER_MATCHED" })
        #expect(matched["source"] == "test")
        #expect(matched["data"]?.mapValue?["order"] == "hello there")
        let timestamp = try #require(matched["timestamp"]?.stringValue)
        let parsed = try #require(try? Date(timestamp, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
        #expect(abs(parsed.timeIntervalSinceNow) < 600)
        #expect(timestamp.hasSuffix("Z"))

        // The matched order comes before the unmatched one, as they ran.
        let names = messages.compactMap { $0["event"]?.stringValue }
        let matchedIndex = try #require(names.firstIndex(of: "ORDER_MATCHED"))
        let notFoundIndex = try #require(names.firstIndex(of: "ORDER_NOT_FOUND"))
        #expect(matchedIndex < notFoundIndex)
    }

    @Test func pingIsAnsweredWithPongAndAnythingElseWithAnError() async throws {
        let api = try TestAPI(brainYAML: Self.brain)
        let answers = try await LiveAPI.webSocket(api, path: "/api/events") { inbound, outbound in
            _ = try await inbound.nextJSON()  // CONNECTED
            try await outbound.write(.text(#"{"type": "ping"}"#))
            let pong = try await inbound.nextJSON()
            try await outbound.write(.text("hello?"))
            let error = try await inbound.nextJSON()
            return [pong, error]
        }
        #expect(answers[0]["event"] == "pong")
        #expect(answers[0]["timestamp"]?.stringValue != nil)
        #expect(answers[1]["event"] == "ERROR")
        #expect(answers[1]["data"]?.mapValue?["message"]?.stringValue?.contains("ping") == true)
    }

    @Test func aPlainRequestIsToldToUpgrade() async throws {
        try await TestAPI().test { client in
            let response = try await client.send(.get, "/api/events")
            #expect(response.status.code == 426)
            #expect(response.headers[.upgrade] == "websocket")
            #expect(response.json.mapValue?["error"] != nil)
        }
    }

    @Test func aClosedClientLeavesNoSubscriberBehind() async throws {
        let api = try TestAPI(brainYAML: Self.brain)
        _ = try await LiveAPI.webSocket(api, path: "/api/events") { inbound, _ in
            [try await inbound.nextJSON()]
        }
        // The session ends with the connection; its subscription goes with it.
        var remaining = api.runtime.events.subscriberCount
        for _ in 0..<100 where remaining > 0 {
            try await Task.sleep(for: .milliseconds(20))
            remaining = api.runtime.events.subscriberCount
        }
        #expect(remaining == 0)
    }
}
