import HTTPTypes
import HearthBrain
import HearthServer
import HummingbirdTesting
import Testing

/// Basic authentication on every Kalliope route when `password_protected`
/// is set (the control API under /api takes bearer tokens instead: see
/// ControlAuthTests).
@Suite struct AuthenticationTests {
    static func protectedAPI() throws -> TestAPI {
        try TestAPI(credentials: APICredentials(login: "admin", password: "secret"))
    }

    @Test func everyRouteRefusesACallerWithoutCredentials() async throws {
        let api = try Self.protectedAPI()
        let routes = api.routeTable.routes.filter { !ControlAPI.contains(path: $0.path) }
        try await api.test { client in
            // The dashboard's files are open (DashboardTests): they hold no secret.
            for route in routes where !route.path.hasPrefix("/dashboard") {
                let path = route.path.replacingOccurrences(of: ":name", with: "say-hello")
                let response = try await client.send(route.method, path, json: #"{"order": "close"}"#)
                #expect(response.status == .unauthorized, "\(route.method) \(route.path)")
                #expect(response.headers[.wwwAuthenticate] == #"Basic realm="Login Required""#)
                #expect(response.json.mapValue?["error"] != nil)
            }
            // Unknown paths do not reveal whether they exist.
            #expect(try await client.send(.get, "/no/such/path").status == .unauthorized)
        }
        #expect(api.terminations.pulls == 0)
    }

    @Test(arguments: [
        basicAuth("admin", "wrong"), basicAuth("root", "secret"), basicAuth("admin", "secre"),
        basicAuth("admin", "secret2"), basicAuth("", ""), basicAuth("admin:secret", ""),
        [.authorization: "Basic !!!not-base64"], [.authorization: "Bearer secret"], HTTPFields(),
    ])
    func wrongCredentialsAreRefused(headers: HTTPFields) async throws {
        try await Self.protectedAPI().test { client in
            let response = try await client.send(.get, "/", headers: headers)
            #expect(response.status == .unauthorized)
            #expect(response.headers[.wwwAuthenticate] == #"Basic realm="Login Required""#)
            #expect(!response.text.contains("secret"))
        }
    }

    @Test func theRightCredentialsPass() async throws {
        try await Self.protectedAPI().test { client in
            let response = try await client.send(.get, "/", headers: basicAuth("admin", "secret"))
            #expect(response.status == .ok)
            #expect(response.json == ["Kalliope version": "0.1.0"])
        }
    }

    @Test func aPasswordMayContainColons() async throws {
        try await TestAPI(credentials: APICredentials(login: "admin", password: "se:cr:et")).test { client in
            let response = try await client.send(.get, "/", headers: basicAuth("admin", "se:cr:et"))
            #expect(response.status == .ok)
        }
    }

    @Test func anOpenAPINeedsNoCredentials() async throws {
        try await TestAPI().test { client in
            let response = try await client.send(.get, "/synapses")
            #expect(response.status == .ok)
        }
    }

    @Test func credentialsNeverDescribeThePassword() {
        let credentials = APICredentials(login: "admin", password: "hunter2")
        #expect(!"\(credentials)".contains("hunter2"))
        #expect(!String(reflecting: credentials).contains("hunter2"))
    }
}
