import AsyncHTTPClient
import Foundation
import HearthBrain
import HearthTestSupport
import NIOCore
import NIOHTTP1
import Testing

/// The control API through a real `hearth run`: tokens made by `hearth token`,
/// and config, soul, language, speakers and tokens still there after the
/// daemon is shut down over the API and started again.
@Suite(.serialized) struct ControlPersistenceTests {
    @Test func controlStateSurvivesShutdownAndRestartExitsForSystemd() async throws {
        let device = try TestDevice()
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            try await run(device: device, client: client)
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    private func run(device: TestDevice, client: HTTPClient) async throws {
        var daemon = try await LiveHearth.start(device: device)
        // No token yet: this device (loopback) is answered without one.
        #expect(try await client.control(.GET, daemon, "/api/status").status == 200)
        #expect(try await client.control(.GET, daemon, "/api/languages").json.mapValue?["available"]?.listValue?.contains("en") == true)

        let admin = try await createToken(device, scopes: "admin", name: "admin")
        let temporary = try await createToken(device, scopes: "read", name: "temporary")
        #expect(try await client.control(.GET, daemon, "/api/status").status == 401)
        #expect(try await client.control(.GET, daemon, "/api/status", token: temporary).status == 200)
        _ = try await hearth(["token", "revoke", "temporary", "--state-dir", device.stateDirectory])
        #expect(try await client.control(.GET, daemon, "/api/status", token: temporary).status == 401)

        #expect(try await client.control(.POST, daemon, "/api/soul", token: admin, json: ["soul": "comedian"]).status == 200)
        #expect(try await client.control(.POST, daemon, "/api/language", token: admin, json: ["language": "en"]).status == 200)
        let patched = try await client.control(.PATCH, daemon, "/api/config", token: admin, json: ["mute": true, "tts_rate": 170])
        #expect(patched.status == 200, "\(patched.json)")
        let ann = try await client.control(.POST, daemon, "/api/speakers", token: admin, json: ["name": "Ann", "priority": 1])
        #expect(ann.status == 201)
        let annID = try #require(ann.json.mapValue?["id"]?.stringValue)
        #expect(try await client.control(.POST, daemon, "/api/speakers/\(annID)/block", token: admin).status == 200)

        let shutdown = try await client.control(.POST, daemon, "/api/shutdown", token: admin)
        #expect(shutdown.json == ["status": "shutting_down"])
        #expect(try await daemon.waitForExit() == 0)

        daemon = try await LiveHearth.start(device: device)
        let config = try await client.control(.GET, daemon, "/api/config", token: admin).json.mapValue
        #expect(config?["mute"] == true)
        #expect(config?["tts_rate"] == 170)
        #expect(config?["tts_voice"] == "en-us+m3")
        #expect(config?["soul"] == "comedian")
        #expect(config?["language"] == "en")
        #expect(try await client.control(.GET, daemon, "/api/soul/current", token: admin).json.mapValue?["id"] == "comedian")
        let speakers = try await client.control(.GET, daemon, "/api/speakers", token: admin).json.mapValue?["speakers"]?.listValue
        let saved = try #require(speakers?.first { $0.mapValue?["id"]?.stringValue == annID }?.mapValue)
        #expect(saved["priority"] == 99)
        #expect(saved["is_blocked"] == true)
        // The priority kept for unblocking survived too.
        #expect(try await client.control(.POST, daemon, "/api/speakers/\(annID)/unblock", token: admin).status == 200)
        let unblocked = try await client.control(.GET, daemon, "/api/speakers", token: admin).json.mapValue?["speakers"]?.listValue
        #expect(unblocked?.first { $0.mapValue?["id"]?.stringValue == annID }?.mapValue?["priority"] == 1)
        #expect(try await client.control(.GET, daemon, "/api/status", token: temporary).status == 401)

        let restart = try await client.control(.POST, daemon, "/api/restart", token: admin)
        #expect(restart.json == ["status": "restarting"])
        #expect(try await daemon.waitForExit() == 75)
        #expect(daemon.log.contains("to be restarted"))
        #expect(!daemon.log.contains(admin))
    }

    private func createToken(_ device: TestDevice, scopes: String, name: String) async throws -> String {
        let output = try await hearth(["token", "create", "--scopes", scopes, "--name", name, "--state-dir", device.stateDirectory])
        return try #require(output.split(separator: "\n").last.map(String.init))
    }

    private func hearth(_ arguments: [String]) async throws -> String {
        let executable = try LiveHearth.executable()
        let (status, data) = try await runProgram(executable, arguments)
        #expect(status == 0, "hearth \(arguments.joined(separator: " "))")
        return String(decoding: data, as: UTF8.self)
    }
}

extension HTTPClient {
    /// A control-API call with a bearer token.
    func control(
        _ method: HTTPMethod, _ daemon: LiveHearth, _ path: String, token: String? = nil, json body: Value? = nil
    ) async throws -> APIAnswer {
        var request = HTTPClientRequest(url: daemon.baseURL + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: JSON.encode(body)))
        }
        let response = try await execute(request, timeout: .seconds(10))
        let text = String(buffer: try await response.body.collect(upTo: 1 << 22))
        return APIAnswer(status: Int(response.status.code), json: text.isEmpty ? .null : try JSON.decode(text))
    }
}
