import HTTPTypes
import HearthBrain
import HearthServer
import HummingbirdTesting
import Testing

/// Bearer tokens and scopes on the control API, and how it answers without them.
@Suite struct ControlAuthTests {
    @Test func withoutAnyTokenOnlyLoopbackClientsAreAnswered() async throws {
        let api = try TestAPI.control(tokens: TestTokens())
        // In process the client's address is unknown: not loopback.
        try await api.test { client in
            let response = try await client.send(.get, "/api/status")
            #expect(response.status == .forbidden)
            #expect(response.errorMessage?.contains("hearth token create") == true)
        }
        try await api.testLive { client in
            let response = try await client.send(.get, "/api/status")
            #expect(response.status == .ok)
            #expect(response.json.mapValue?["state"] != nil)
        }
    }

    @Test func onceATokenExistsLoopbackClientsNeedOneToo() async throws {
        let tokens = TestTokens()
        let read = tokens.add([.read])
        let api = try TestAPI.control(tokens: tokens)
        try await api.testLive { client in
            let without = try await client.send(.get, "/api/status")
            #expect(without.status == .unauthorized)
            let with = try await client.send(.get, "/api/status", headers: read)
            #expect(with.status == .ok)
        }
    }

    @Test func aMissingHeaderAndAnUnknownTokenAre401WithTheirMessages() async throws {
        let tokens = TestTokens()
        _ = tokens.add([.admin])
        let api = try TestAPI.control(tokens: tokens)
        try await api.test { client in
            let missing = try await client.send(.get, "/api/status")
            #expect(missing.status == .unauthorized)
            #expect(missing.json == ["error": "Authentication required"])
            #expect(missing.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)

            let unknown = try await client.send(.get, "/api/status", headers: bearer("hearth_not-a-real-token"))
            #expect(unknown.status == .unauthorized)
            #expect(unknown.json == ["error": "Invalid token"])

            // Basic credentials are Kalliope's; the control API takes bearer tokens only.
            let basic = try await client.send(.get, "/api/status", headers: basicAuth("admin", "secret"))
            #expect(basic.status == .unauthorized)
            #expect(basic.errorMessage == "Authentication required")
        }
    }

    @Test func eachRouteNeedsItsScopeAndAdminImpliesAll() async throws {
        let tokens = TestTokens()
        let read = tokens.add([.read])
        let control = tokens.add([.control])
        let tts = tokens.add([.tts])
        let speakers = tokens.add([.speakers])
        let admin = tokens.add([.admin])
        let ends = RecordedEnds()
        let api = try TestAPI.control(tokens: tokens, ends: ends)
        // (method, path, body, the one scope besides admin that may call it)
        let calls: [(HTTPRequest.Method, String, String?, HTTPFields)] = [
            (.get, "/api/status", nil, read), (.get, "/api/config", nil, read), (.get, "/api/languages", nil, read),
            (.get, "/api/souls", nil, read), (.get, "/api/soul/current", nil, read), (.get, "/api/speakers", nil, read),
            (.patch, "/api/config", #"{"mute": false}"#, control), (.post, "/api/stop", nil, control),
            (.post, "/api/reset-context", nil, control), (.post, "/api/language", #"{"language": "en"}"#, control),
            (.post, "/api/soul", #"{"soul": "default"}"#, control), (.post, "/api/tts/test", nil, tts),
            (.post, "/api/speakers", #"{"name": "Ann"}"#, speakers), (.post, "/api/restart", nil, admin),
            (.post, "/api/shutdown", nil, admin),
        ]
        let everyToken = [read, control, tts, speakers, admin]
        try await api.test { client in
            for (method, path, body, allowed) in calls {
                for token in everyToken {
                    let response = try await client.send(method, path, json: body, headers: token)
                    let mayCall = token == allowed || token == admin
                    if mayCall {
                        #expect(response.status.code < 300, "\(method) \(path) with its scope: \(response.status)")
                    } else {
                        #expect(response.status == .forbidden, "\(method) \(path) without its scope: \(response.status)")
                        #expect(response.errorMessage?.contains("scope") == true)
                    }
                }
            }
        }
        // Only the admin token got through to restart and shutdown, once each.
        #expect(ends.all == [.restart, .shutdown])
    }

    @Test func aRevokedTokenIsRefusedAtOnce() async throws {
        let tokens = TestTokens()
        let kept = tokens.add([.read], name: "kept")
        let revoked = tokens.add([.read], name: "gone")
        let api = try TestAPI.control(tokens: tokens)
        try await api.test { client in
            let before = try await client.send(.get, "/api/status", headers: revoked)
            #expect(before.status == .ok)
            #expect(tokens.store.revoke(idOrName: "gone"))
            let after = try await client.send(.get, "/api/status", headers: revoked)
            #expect(after.status == .unauthorized)
            let other = try await client.send(.get, "/api/status", headers: kept)
            #expect(other.status == .ok)
        }
    }

    @Test func aQueryTokenIsTakenOnWebSocketUpgradesOnly() async throws {
        let tokens = TestTokens()
        let (record, token) = AccessToken.generate(name: "browser", scopes: [.read])
        _ = tokens.store.insert(record)
        let api = try TestAPI.control(tokens: tokens)
        try await api.test { client in
            let plain = try await client.send(.get, "/api/status?token=\(token)")
            #expect(plain.status == .unauthorized)
            // An upgrade request to a path that is not a WebSocket: the token
            // is accepted, then the router has nothing there.
            let upgrade = try await client.send(
                .get, "/api/no-such-socket?token=\(token)", headers: [.upgrade: "websocket", .connection: "Upgrade"])
            #expect(upgrade.status == .notFound)
            let wrong = try await client.send(
                .get, "/api/no-such-socket?token=wrong", headers: [.upgrade: "websocket", .connection: "Upgrade"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.errorMessage == "Invalid token")
        }
    }

    @Test func kalliopeRoutesKeepBasicAuthAndTheirErrorShape() async throws {
        let tokens = TestTokens()
        let admin = tokens.add([.admin])
        let api = try TestAPI.control(tokens: tokens, credentials: APICredentials(login: "admin", password: "secret"))
        try await api.test { client in
            // A token opens nothing on Kalliope's routes...
            let synapses = try await client.send(.get, "/synapses", headers: admin)
            #expect(synapses.status == .unauthorized)
            #expect(synapses.json.mapValue?["error"]?.mapValue?["Error"] != nil)
            // ...and basic auth opens nothing on the control API.
            #expect(try await client.send(.get, "/synapses", headers: basicAuth("admin", "secret")).status == .ok)
            #expect(try await client.send(.get, "/api/status", headers: basicAuth("admin", "secret")).status == .unauthorized)
            #expect(try await client.send(.get, "/api/status", headers: admin).status == .ok)
        }
    }
}
