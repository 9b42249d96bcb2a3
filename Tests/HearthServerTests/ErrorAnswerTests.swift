import HTTPTypes
import HearthBrain
import HearthServer
import HummingbirdTesting
import Testing

/// Bad input always gets a 4xx with a JSON `error`, never a 500.
@Suite struct ErrorAnswerTests {
    @Test func aKnownPathWithTheWrongMethodIs405() async throws {
        try await TestAPI().test { client in
            let response = try await client.send(.get, "/synapses/start/order")
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "POST")
            #expect(response.json.mapValue?["error"]?.mapValue?["Error"] != nil)

            let put = try await client.send(.put, "/synapses")
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers[.allow] == "GET, POST")

            #expect(try await client.send(.patch, "/settings/deaf").headers[.allow] == "GET, POST")
        }
    }

    @Test func anUnknownPathIsAJSON404() async throws {
        try await TestAPI().test { client in
            let response = try await client.send(.get, "/no/such/path")
            #expect(response.status == .notFound)
            #expect(response.json == ["error": ["Error": "no such URL"]])
        }
    }

    @Test func malformedJSONIsA400() async throws {
        try await TestAPI().test { client in
            for body in [#"{"order": "bonjour""#, "{order: bonjour}", "\u{FF}\u{FE}", #"{"order": "a"} trailing"#] {
                let response = try await client.send(.post, "/synapses/start/order", json: body)
                #expect(response.status == .badRequest, "\(body)")
                #expect(response.json.mapValue?["error"]?.mapValue?["Error"]?.stringValue?.hasPrefix("the body is not valid JSON") == true)
            }
        }
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        var api = try TestAPI()
        api.configuration.maxBodySize = 1 << 20
        try await api.test { client in
            let order = String(repeating: "a", count: 1 << 20)
            let response = try await client.send(.post, "/synapses/start/order", json: #"{"order": "\#(order)"}"#)
            #expect(response.status == .contentTooLarge)
            #expect(response.json.mapValue?["error"] != nil)
        }
    }

    /// Every POST route, fed bodies of every wrong shape: always a 4xx (or
    /// a success for bodies a route may ignore), never a 5xx.
    @Test func noBodyMakesAnyRouteFail() async throws {
        let api = try TestAPI()
        let posts = api.routeTable.routes.filter { $0.method == .post }
        let bodies = [
            "", "null", "true", "0", "-1.5e308", #""text""#, "[]", "[[[[[[[[[[]]]]]]]]]]", "{}",
            #"{"order": {}}"#, #"{"mute": {"a": 1}}"#, #"{"parameters": "x"}"#, #"{"name": null}"#,
            #"{"name": "abcd", "signals": [{}], "neurons": [{}]}"#, #"{"name": "abcd", "signals": [{"order": {}}], "neurons": ["say"]}"#,
            #"{"on_start": {"a": 1}}"#, #"{"deaf": []}"#, #"{"recognizer_multiplier": 1e999}"#,
            String(repeating: "[", count: 10_000),
        ]
        try await api.test { client in
            for route in posts {
                let path = route.path.replacingOccurrences(of: ":name", with: "say-hello")
                for body in bodies {
                    let response = try await client.send(.post, path, json: body)
                    #expect(response.status.code < 500 || route.path == "/synapses/start/audio", "\(route.path) \(body.prefix(40))")
                    if response.status.code >= 400 {
                        #expect(response.json.mapValue?["error"] != nil, "\(route.path) \(body.prefix(40))")
                    }
                }
            }
        }
        #expect(api.terminations.pulls == 0)
    }
}
