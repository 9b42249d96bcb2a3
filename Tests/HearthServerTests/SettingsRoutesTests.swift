import HearthBrain
import HearthServer
import HummingbirdTesting
import Testing

/// Kalliope 0.7's settings API and 0.4's `/deaf` and `/mute`.
@Suite struct SettingsRoutesTests {
    static let stateRoutes = ["/deaf", "/settings/deaf", "/mute", "/settings/mute"]

    @Test(arguments: stateRoutes)
    func readsAndSwitchesTheState(path: String) async throws {
        let key = String(path.split(separator: "/").last!)
        try await TestAPI().test { client in
            #expect(try await client.send(.get, path).json == [key: false])
            let on = try await client.send(.post, path, json: #"{"\#(key)": "True"}"#)
            #expect(on.status == .ok)
            #expect(on.json == [key: true])
            #expect(try await client.send(.get, path).json == [key: true])
            let off = try await client.send(.post, path, json: #"{"\#(key)": "no"}"#)
            #expect(off.json == [key: false])
        }
    }

    @Test func bothSpellingsOfAStateRouteShareTheState() async throws {
        try await TestAPI().test { client in
            _ = try await client.send(.post, "/deaf", json: #"{"deaf": 1}"#)
            #expect(try await client.send(.get, "/settings/deaf").json == ["deaf": true])
            _ = try await client.send(.post, "/settings/mute", json: #"{"mute": "1"}"#)
            #expect(try await client.send(.get, "/mute").json == ["mute": true])
        }
    }

    @Test(arguments: stateRoutes)
    func switchingWithoutTheKeyIsKalliopes400(path: String) async throws {
        let key = String(path.split(separator: "/").last!)
        try await TestAPI().test { client in
            for body in ["", "{}", #"{"other": true}"#, "[]"] {
                let response = try await client.send(.post, path, json: body)
                #expect(response.status == .badRequest)
                #expect(response.json == ["error": ["Error": .string("Wrong parameters, '\(key)' not set")]])
            }
        }
    }

    @Test func theSettingsNeverShowThePasswordOrOtherSecrets() async throws {
        let settings = """
            rest_api:
              password_protected: true
              login: admin
              password: "correct-horse-battery"
            text_to_speech:
              - espeak-ng:
                  voice: "en-us"
                  api_key: "engine-key-123"
            triggers:
              - pocketsphinx:
                  keyphrase: "hey hearth"
            variables:
              ha_token: "token-456"
              home_name: "Maison"
            """
        let api = try TestAPI(settingsYAML: settings, credentials: APICredentials(login: "admin", password: "correct-horse-battery"))
        try await api.test { client in
            let auth = basicAuth("admin", "correct-horse-battery")
            let response = try await client.send(.get, "/settings", headers: auth)
            #expect(response.status == .ok)
            for secret in ["correct-horse-battery", "engine-key-123", "token-456"] {
                #expect(!response.text.contains(secret))
            }
            let settings = try #require(response.json.mapValue?["settings"]?.mapValue)
            #expect(settings["rest_api"] == [
                "active": true, "host": "127.0.0.1", "port": 5000, "password_protected": true, "login": "admin",
                "allowed_cors_origin": false,
            ])
            #expect(settings["variables"] == ["ha_token": "********", "home_name": "Maison"])
            #expect(settings["triggers"] == [["name": "pocketsphinx", "parameters": ["keyphrase": "hey hearth"]]])
            #expect(settings["default_tts_name"] == "espeak-ng")
            #expect(settings["kalliope_version"] == "0.1.0")
            #expect(settings["options"]?.mapValue?["deaf"] == false)
            #expect(settings["hooks"]?.mapValue?["on_start"] == .null)

            let variables = try await client.send(.get, "/settings/variables", headers: auth)
            #expect(!variables.text.contains("token-456"))
        }
    }

    @Test(arguments: [
        ("default_tts", "espeak-ng", "espeak"),
        ("default_stt", "pocketsphinx", "cmusphinx"),
        ("default_player", "alsa", "pyalsaaudio"),
        ("default_trigger", "pocketsphinx", "pocketsphinx"),
    ])
    func readsAndSetsADefaultEngine(key: String, current: String, other: String) async throws {
        try await TestAPI().test { client in
            #expect(try await client.send(.get, "/settings/\(key)").json == [key: .string(current)])
            let set = try await client.send(.post, "/settings/\(key)", json: #"{"\#(key)": "\#(other)"}"#)
            #expect(set.status == .ok)
            #expect(set.json == [key: .string(other)])

            let unknown = try await client.send(.post, "/settings/\(key)", json: #"{"\#(key)": "google"}"#)
            #expect(unknown.status == .badRequest)
            #expect(unknown.json.mapValue?["error"]?.mapValue?["Error"]?.stringValue?.contains("google") == true)
            #expect(try await client.send(.get, "/settings/\(key)").json == [key: .string(other)])

            let missing = try await client.send(.post, "/settings/\(key)", json: "{}")
            #expect(missing.json == ["error": ["Error": .string("Wrong parameters, '\(key)' not set")]])
            #expect(try await client.send(.post, "/settings/\(key)", json: #"{"\#(key)": 3}"#).status == .badRequest)
        }
    }

    @Test func readsAndMergesHooks() async throws {
        try await TestAPI().test { client in
            let current = try await client.send(.get, "/settings/hooks")
            #expect(current.json.mapValue?["hooks"]?.mapValue?["on_start"] == "on-start-synapse")
            #expect(current.json.mapValue?["hooks"]?.mapValue?.count == 15)

            let set = try await client.send(.post, "/settings/hooks", json: #"{"on_deaf": ["say-hello", "synapse2"], "on_start": null}"#)
            #expect(set.status == .ok)
            let hooks = try #require(set.json.mapValue?["hooks"]?.mapValue)
            #expect(hooks["on_deaf"] == ["say-hello", "synapse2"])
            #expect(hooks["on_start"] == .null)
            #expect(hooks["on_order_not_found"] == "order-not-found-synapse")
        }
    }

    @Test(arguments: [
        ("", "No parameters provided"),
        ("{}", "No parameters provided"),
        (#"["on_start"]"#, "Hooks must be a dictionary"),
        (#"{"on_teatime": "say-hello"}"#, "unknown hook 'on_teatime'"),
        (#"{"on_start": "no-such-synapse"}"#, "hook 'on_start' names synapse 'no-such-synapse', which is not in the brain"),
        (#"{"on_start": 3}"#, "hook 'on_start' must name a synapse or list synapses"),
        (#"{"on_start": [3]}"#, "hook 'on_start' lists synapse names"),
    ])
    func refusesHooksItCannotUse(body: String, message: String) async throws {
        try await TestAPI().test { client in
            let response = try await client.send(.post, "/settings/hooks", json: body)
            #expect(response.status == .badRequest)
            #expect(response.json.mapValue?["error"]?.mapValue?["Error"]?.stringValue?.hasPrefix(message) == true)
        }
    }

    @Test func readsAndMergesVariables() async throws {
        try await TestAPI().test { client in
            #expect(try await client.send(.get, "/settings/variables").json == ["variables": [:]])
            let set = try await client.send(.post, "/settings/variables", json: #"{"name": "Alice", "count": 3}"#)
            #expect(set.status == .ok)
            #expect(set.json == ["variables": ["name": "Alice", "count": 3]])
            let merged = try await client.send(.post, "/settings/variables", json: #"{"name": "Bob"}"#)
            #expect(merged.json == ["variables": ["name": "Bob", "count": 3]])

            let list = try await client.send(.post, "/settings/variables", json: #"["name"]"#)
            #expect(list.status == .badRequest)
            #expect(list.json == ["error": ["Error": "Variables must be a dictionary"]])
        }
    }

    @Test(arguments: [
        ("recognizer_multiplier", 1.0), ("recognizer_energy_ratio", 1.5),
        ("recognizer_recording_timeout", 15.0), ("recognizer_recording_timeout_with_silence", 3.0),
    ])
    func readsAndSetsARecognizerOption(key: String, initial: Double) async throws {
        try await TestAPI().test { client in
            #expect(try await client.send(.get, "/settings/\(key)").json == [key: .double(initial)])
            #expect(try await client.send(.post, "/settings/\(key)", json: #"{"\#(key)": 2.5}"#).json == [key: 2.5])
            #expect(try await client.send(.post, "/settings/\(key)", json: #"{"\#(key)": "4"}"#).json == [key: 4.0])

            for bad in [#""loud""#, "-1", "true", "null"] {
                let response = try await client.send(.post, "/settings/\(key)", json: #"{"\#(key)": \#(bad)}"#)
                #expect(response.status == .badRequest, "\(bad)")
            }
            #expect(try await client.send(.get, "/settings/\(key)").json == [key: 4.0])
        }
    }
}
