import HTTPTypes
import HearthBrain
import HearthRuntime
import HearthServer
import HummingbirdTesting
import Testing

/// The control API's routes, called with an admin token (scopes are
/// `ControlAuthTests`' business).
@Suite struct ControlRoutesTests {
    let tokens = TestTokens()
    let ends = RecordedEnds()
    let admin: HTTPFields

    init() {
        admin = tokens.add([.admin])
    }

    func api(brainYAML: String? = nil, settingsYAML: String? = nil) throws -> TestAPI {
        try TestAPI.control(tokens: tokens, ends: ends, brainYAML: brainYAML, settingsYAML: settingsYAML)
    }

    @Test func statusReportsTheRuntime() async throws {
        let api = try api()
        await api.runtime.start()
        try await api.test { client in
            let status = try await client.send(.get, "/api/status", headers: admin)
            #expect(status.status == .ok)
            let fields = try #require(status.json.mapValue)
            #expect(fields["state"] == "IDLE")
            #expect(fields["language"] == "en")
            #expect(fields["tts_provider"] == "espeak-ng")
            #expect(fields["is_speaking"] == false)
            #expect(fields["is_processing"] == false)
            #expect(fields["is_running"] == true)
            #expect(fields["uptime_seconds"]?.intValue.map { $0 >= 0 } == true)
            #expect(fields["active_speaker"] == .null)
            #expect(fields["active_soul"] == "default")
            #expect(fields["homeassistant_connected"] == true)
        }
    }

    @Test func configShowsSafeFieldsAndNoSecret() async throws {
        let api = try api(settingsYAML: """
            rest_api: {password_protected: true, login: admin, password: "very-secret-password"}
            text_to_speech:
              - espeak-ng: {voice: en-us, rate: 150}
            triggers:
              - pocketsphinx: {keyphrase: "hey hearth"}
            """)
        try await api.test { client in
            let response = try await client.send(.get, "/api/config", headers: admin)
            #expect(response.status == .ok)
            let fields = try #require(response.json.mapValue)
            #expect(fields["language"] == "en")
            #expect(fields["tts_voice"] == "en-us")
            #expect(fields["tts_rate"] == 150)
            #expect(fields["wake_word"] == "hey hearth")
            #expect(fields["wake_word_engine"] == "pocketsphinx")
            #expect(fields["stt_model"] == "/models/en-us")
            #expect(fields["mute"] == false)
            #expect(fields["deaf"] == false)
            #expect(!response.text.contains("very-secret-password"))
            #expect(fields.keys.allSatisfy { !$0.contains("password") })
        }
    }

    @Test func patchChangesRuntimeFieldsAndMuteIsTheSameSwitchAsKalliopes() async throws {
        let api = try api()
        try await api.test { client in
            let response = try await client.send(
                .patch, "/api/config", json: #"{"mute": true, "tts_rate": 200, "tts_pitch": 70}"#, headers: admin)
            #expect(response.status == .ok)
            #expect(response.json == ["updated": ["mute": true, "tts_rate": 200, "tts_pitch": 70]])
            #expect(try await client.send(.get, "/settings/mute").json == ["mute": true])
            let config = try await client.send(.get, "/api/config", headers: admin).json.mapValue
            #expect(config?["mute"] == true)
            #expect(config?["tts_rate"] == 200)
            #expect(config?["tts_pitch"] == 70)

            _ = try await client.send(.post, "/settings/deaf", json: #"{"deaf": true}"#)
            #expect(try await client.send(.get, "/api/config", headers: admin).json.mapValue?["deaf"] == true)
            _ = try await client.send(.patch, "/api/config", json: #"{"deaf": false}"#, headers: admin)
            #expect(try await client.send(.get, "/settings/deaf").json == ["deaf": false])
        }
        #expect(await api.runtime.settings.speechParameters["rate"] == 200)
    }

    @Test func aRefusedKeyChangesNothing() async throws {
        let api = try api()
        try await api.test { client in
            let refused = try await client.send(
                .patch, "/api/config", json: #"{"mute": true, "wake_word": "jarvis", "tts_rate": 200}"#, headers: admin)
            #expect(refused.status == .badRequest)
            #expect(refused.json == ["error": "Field 'wake_word' is not updatable at runtime"])

            let badValue = try await client.send(.patch, "/api/config", json: #"{"mute": true, "tts_rate": 9000}"#, headers: admin)
            #expect(badValue.status == .badRequest)
            #expect(badValue.errorMessage?.contains("tts_rate") == true)

            let notBoolean = try await client.send(.patch, "/api/config", json: #"{"deaf": "yes"}"#, headers: admin)
            #expect(notBoolean.status == .badRequest)
            #expect(try await client.send(.patch, "/api/config", json: "[1]", headers: admin).status == .badRequest)
            #expect(try await client.send(.patch, "/api/config", json: "{not json", headers: admin).status == .badRequest)
        }
        #expect(await api.runtime.isMuted == false)
        #expect(await api.runtime.isDeaf == false)
        #expect(await api.runtime.settings.speechParameters["rate"] == 160)
    }

    @Test func languagesAndSwitchingLanguageSwitchesTheVoice() async throws {
        let api = try api()
        try await api.test { client in
            #expect(try await client.send(.get, "/api/languages", headers: admin).json == ["current": "en", "available": ["en", "fr"]])
            let switched = try await client.send(.post, "/api/language", json: #"{"language": "fr"}"#, headers: admin)
            #expect(switched.status == .ok)
            #expect(switched.json == ["language": "fr"])
            #expect(try await client.send(.get, "/api/languages", headers: admin).json.mapValue?["current"] == "fr")
            let config = try await client.send(.get, "/api/config", headers: admin).json.mapValue
            #expect(config?["tts_voice"] == "fr-fr")
            #expect(config?["stt_model"] == "/models/fr-fr")

            let missing = try await client.send(.post, "/api/language", json: #"{"language": "tlh"}"#, headers: admin)
            #expect(missing.status == .notFound)
            #expect(missing.json == ["error": "language 'tlh' is not available"])
            #expect(try await client.send(.post, "/api/language", json: "{}", headers: admin).status == .badRequest)
        }
        #expect(await api.runtime.settings.language == "fr")
    }

    @Test func soulsAreListedAndSwitchingChangesTheNextSpeechAtOnce() async throws {
        let api = try api()
        try await api.test { client in
            let souls = try #require(try await client.send(.get, "/api/souls", headers: admin).json.mapValue?["souls"]?.listValue)
            #expect(souls.count >= 3)
            let ids = souls.compactMap { $0.mapValue?["id"]?.stringValue }
            #expect(Set(ids).isSuperset(of: ["default", "comedian", "butler"]))
            #expect(souls.filter { $0.mapValue?["active"] == true }.compactMap { $0.mapValue?["id"] } == ["default"])
            #expect(try await client.send(.get, "/api/soul/current", headers: admin).json.mapValue?["id"] == "default")

            let switched = try await client.send(.post, "/api/soul", json: #"{"soul": "comedian"}"#, headers: admin)
            #expect(switched.status == .ok)
            #expect(switched.json == ["soul": "comedian", "name": "Comedian", "nsfw": false, "model": .null])
            let current = try await client.send(.get, "/api/soul/current", headers: admin).json.mapValue
            #expect(current?["name"] == "Comedian")
            #expect(try await client.send(.get, "/api/status", headers: admin).json.mapValue?["active_soul"] == "comedian")

            _ = try await client.send(.post, "/synapses/start/order", json: #"{"order": "bonjour"}"#)
            let unknown = try await client.send(.post, "/api/soul", json: #"{"soul": "pirate"}"#, headers: admin)
            #expect(unknown.status == .notFound)
            #expect(unknown.errorMessage == "no soul 'pirate'")
        }
        let voice = try #require(api.speech.voices.last)
        #expect(voice["voice"] == "en-us+m3")
        #expect(voice["rate"] == 185)
        #expect(voice["pitch"] == 65)
    }

    @Test func aSoulsResponsesReachTemplatesAndTheVoiceFollowsTheLanguage() async throws {
        let api = try api(brainYAML: """
            - name: "greet"
              signals: [{order: "hello"}]
              neurons:
                - say: {message: "{{ soul.greeting }}"}
            """)
        try await api.test { client in
            _ = try await client.send(.post, "/api/soul", json: #"{"soul": "butler"}"#, headers: admin)
            _ = try await client.send(.post, "/api/language", json: #"{"language": "fr"}"#, headers: admin)
            let run = try await client.send(.post, "/synapses/start/order", json: #"{"order": "hello"}"#)
            #expect(run.status == .created)
        }
        #expect(api.speech.messages == ["Good day. How may I be of service?"])
        #expect(api.speech.voices.last?["voice"] == "fr-fr+m7")
    }

    @Test func ttsTestSpeaksTheTextOrTheDefault() async throws {
        let api = try api()
        try await api.test { client in
            let given = try await client.send(.post, "/api/tts/test", json: #"{"text": "Testing one two"}"#, headers: admin)
            #expect(given.json == ["status": "speaking", "text": "Testing one two"])
            let fallback = try await client.send(.post, "/api/tts/test", headers: admin)
            #expect(fallback.json.mapValue?["status"] == "speaking")
            #expect(try await client.send(.post, "/api/tts/test", json: #"{"text": 5}"#, headers: admin).status == .badRequest)
            // Spoken after the answer: wait for the two texts to arrive.
            for _ in 0..<500 where api.speech.messages.count < 2 { try await Task.sleep(for: .milliseconds(10)) }
            #expect(Set(api.speech.messages) == ["Testing one two", "Hello, I am Hearth."])

            _ = try await client.send(.patch, "/api/config", json: #"{"mute": true}"#, headers: admin)
            let muted = try await client.send(.post, "/api/tts/test", json: #"{"text": "silent"}"#, headers: admin)
            #expect(muted.json == ["status": "muted", "text": "silent"])
        }
        #expect(!api.speech.messages.contains("silent"))
    }

    @Test func stopResetRestartAndShutdown() async throws {
        let api = try api()
        try await api.test { client in
            #expect(try await client.send(.post, "/api/stop", headers: admin).json == ["status": "stopped"])
            #expect(api.speech.stopCount == 1)

            // A neurotransmitter waits for an answer; reset-context forgets it.
            _ = try await client.send(.post, "/synapses/start/order", json: #"{"order": "ask me a question"}"#)
            #expect(await api.runtime.isWaitingForAnswer)
            #expect(try await client.send(.post, "/api/reset-context", headers: admin).json == ["status": "context_reset"])
            #expect(await api.runtime.isWaitingForAnswer == false)

            #expect(try await client.send(.post, "/api/restart", headers: admin).json == ["status": "restarting"])
            #expect(try await client.send(.post, "/api/shutdown", headers: admin).json == ["status": "shutting_down"])
        }
        #expect(ends.all == [.restart, .shutdown])
    }

    @Test func errorsAreFlatJSONWith404405And413() async throws {
        let api = try api()
        try await api.test { client in
            let unknown = try await client.send(.get, "/api/nothing-here", headers: admin)
            #expect(unknown.status == .notFound)
            #expect(unknown.errorMessage != nil)

            let wrongMethod = try await client.send(.delete, "/api/status", headers: admin)
            #expect(wrongMethod.status == .methodNotAllowed)
            #expect(wrongMethod.errorMessage?.contains("GET") == true)
            #expect(wrongMethod.headers[.allow] == "GET")

            let big = "{\"text\": \"" + String(repeating: "a", count: 1 << 20) + "\"}"
            let tooLarge = try await client.send(.post, "/api/tts/test", json: big, headers: admin)
            #expect(tooLarge.status == .contentTooLarge)
            #expect(tooLarge.errorMessage?.contains("larger") == true)
        }
    }
}
