import HTTPTypes
import HearthServer
import HummingbirdTesting
import Testing

/// CORS from `allowed_cors_origin`.
@Suite struct CrossOriginTests {
    static let preflight: HTTPFields = [
        .origin: "http://dashboard.local:8080",
        .accessControlRequestMethod: "POST",
        .accessControlRequestHeaders: "authorization, content-type",
    ]

    @Test func aPreflightIsAnsweredWithoutCredentials() async throws {
        let api = try TestAPI(credentials: APICredentials(login: "admin", password: "secret"), corsOrigin: "http://dashboard.local:8080")
        try await api.test { client in
            let response = try await client.send(.options, "/synapses/start/order", headers: Self.preflight)
            #expect(response.status == .noContent)
            #expect(response.headers[.accessControlAllowOrigin] == "http://dashboard.local:8080")
            #expect(response.headers[.accessControlAllowMethods] == "POST, OPTIONS")
            #expect(response.headers[.accessControlAllowHeaders] == "authorization, content-type")
            #expect(response.headers[.accessControlAllowCredentials] == "true")
        }
    }

    @Test func answersToAnAllowedOriginCarryTheHeadersEvenWhenRefused() async throws {
        let api = try TestAPI(credentials: APICredentials(login: "admin", password: "secret"), corsOrigin: "*")
        try await api.test { client in
            let origin: HTTPFields = [.origin: "http://anywhere.example"]
            let refused = try await client.send(.get, "/synapses", headers: origin)
            #expect(refused.status == .unauthorized)
            #expect(refused.headers[.accessControlAllowOrigin] == "http://anywhere.example")

            var authorised = origin
            authorised.append(contentsOf: basicAuth("admin", "secret"))
            let served = try await client.send(.get, "/synapses", headers: authorised)
            #expect(served.status == .ok)
            #expect(served.headers[.accessControlAllowOrigin] == "http://anywhere.example")
            #expect(served.headers[.vary] == "Origin")
        }
    }

    @Test func anOriginNotAllowedGetsNoCORSHeaders() async throws {
        try await TestAPI(corsOrigin: "http://a.local, http://b.local").test { client in
            let allowed = try await client.send(.get, "/", headers: [.origin: "http://b.local"])
            #expect(allowed.headers[.accessControlAllowOrigin] == "http://b.local")
            let other = try await client.send(.get, "/", headers: [.origin: "http://evil.example"])
            #expect(other.headers[.accessControlAllowOrigin] == nil)
            let preflight = try await client.send(.options, "/", headers: [.origin: "http://evil.example", .accessControlRequestMethod: "GET"])
            #expect(preflight.headers[.accessControlAllowOrigin] == nil)
        }
    }

    @Test func withoutTheSettingThereIsNoCORS() async throws {
        try await TestAPI().test { client in
            let response = try await client.send(.get, "/", headers: [.origin: "http://dashboard.local:8080"])
            #expect(response.status == .ok)
            #expect(response.headers[.accessControlAllowOrigin] == nil)
            let preflight = try await client.send(.options, "/synapses", headers: Self.preflight)
            #expect(preflight.status == .methodNotAllowed)
        }
    }
}
