import Foundation
import HearthBrain
import HearthRuntime
import Hummingbird

/// `GET /api/status`, `GET /api/config` and `PATCH /api/config`.
struct ControlStatusRoutes: APIRouteGroup {
    let runtime: Runtime
    let services: ControlServices
    let host: String
    let port: Int
    let bodyLimit: Int

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/status", status),
            APIRoute(.get, "/api/config", showConfig),
            APIRoute(.patch, "/api/config", patchConfig),
        ]
    }

    @Sendable func status(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let state = await runtime.state
        let settings = await runtime.settings
        let uptime = max(0, Int(Date().timeIntervalSince(services.startedAt)))
        return JSONResponse.make([
            "state": .string(state.rawValue),
            "language": .string(settings.language),
            "tts_provider": .string(settings.defaultTextToSpeech),
            "is_speaking": .bool(state == .speaking),
            "is_processing": .bool(state == .processing),
            "is_running": .bool(await runtime.isRunning),
            "uptime_seconds": .int(uptime),
            // Who spoke is not identified from the voice yet.
            "active_speaker": .null,
            "active_soul": .string(await runtime.soul.id),
            "homeassistant_connected": .bool(await services.homeAssistantConnected()),
        ])
    }

    @Sendable func showConfig(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let settings = await runtime.settings
        let speech = settings.speechParameters
        let trigger = settings.parameters(of: settings.defaultTrigger, in: settings.triggers)
        let language = services.languages.languages().first { $0.code == settings.language }
        // Only what is safe to show: no password, no token, no engine
        // parameter beyond the voice's.
        return JSONResponse.make([
            "language": .string(settings.language),
            "soul": .string(settings.soul),
            "tts_provider": .string(settings.defaultTextToSpeech),
            "tts_voice": speech["voice"] ?? .null,
            "tts_rate": speech["rate"] ?? .null,
            "tts_pitch": speech["pitch"] ?? .null,
            "tts_volume": speech["volume"] ?? .null,
            "stt_provider": .string(settings.defaultSpeechToText),
            "stt_model": language.map { Value.string($0.speechModel) } ?? .null,
            "wake_word": trigger["keyphrase"] ?? .null,
            "wake_word_engine": .string(settings.defaultTrigger),
            "sample_rate": .int(settings.audio.sampleRate),
            "capture_device": .string(settings.audio.captureDevice),
            "playback_device": .string(settings.audio.playbackDevice),
            "api_host": .string(host),
            "api_port": .int(port),
            "mute": .bool(settings.options.mute),
            "deaf": .bool(settings.options.deaf),
            "updatable": .list(RuntimeConfigKey.allCases.map { .string($0.rawValue) }),
        ])
    }

    /// Every key is checked before anything changes: one refused key or
    /// value and the answer is 400 with nothing changed.
    @Sendable func patchConfig(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let body = try await RequestBody.read(request, limit: bodyLimit)
        guard let fields = body.value?.mapValue, !fields.isEmpty else {
            throw APIError.badRequest("send a JSON object of the fields to change, e.g. {\"mute\": true}")
        }
        let souls = await runtime.souls
        var updates: [(RuntimeConfigKey, Value)] = []
        for key in fields.keys.sorted() {
            guard let configKey = RuntimeConfigKey(rawValue: key) else {
                throw APIError.badRequest("Field '\(key)' is not updatable at runtime")
            }
            updates.append((configKey, try configKey.checked(fields[key]!, languages: services.languages, souls: souls)))
        }
        var speech: [String: Value] = [:]
        for (key, value) in updates {
            switch key {
            case .mute: try await runtime.applySettingsChange(.mute(value == true))
            case .deaf: try await runtime.applySettingsChange(.deaf(value == true))
            case .language: try await PersonaSwitch(runtime: runtime, languages: services.languages).switchLanguage(to: value.stringValue!)
            case .soul: try await PersonaSwitch(runtime: runtime, languages: services.languages).switchSoul(to: value.stringValue!)
            case .ttsVoice: speech["voice"] = value
            case .ttsRate: speech["rate"] = value
            case .ttsPitch: speech["pitch"] = value
            case .ttsVolume: speech["volume"] = value
            }
        }
        if !speech.isEmpty { try await runtime.applySettingsChange(.speech(speech)) }
        return JSONResponse.make(["updated": .map(Dictionary(uniqueKeysWithValues: updates.map { ($0.0.rawValue, $0.1) }))])
    }
}

/// The `PATCH /api/config` keys that take effect while Hearth runs.
/// Everything else (the wake word, devices, the API's address) needs a
/// restart and is refused.
enum RuntimeConfigKey: String, CaseIterable {
    case mute, deaf, language, soul
    case ttsVoice = "tts_voice"
    case ttsRate = "tts_rate"
    case ttsPitch = "tts_pitch"
    case ttsVolume = "tts_volume"

    /// The value when it fits the key; a 400 saying why otherwise.
    func checked(_ value: Value, languages: any LanguageCatalog, souls: [Soul]) throws(APIError) -> Value {
        switch self {
        case .mute, .deaf:
            guard case .bool = value else { throw .badRequest("'\(rawValue)' must be true or false") }
        case .language:
            guard let code = value.stringValue, languages.languages().contains(where: { $0.code == code }) else {
                throw .badRequest("'language' must be one of: \(languages.languages().map(\.code).joined(separator: ", "))")
            }
        case .soul:
            guard let id = value.stringValue, souls.contains(where: { $0.id == id }) else {
                throw .badRequest("'soul' must be one of: \(souls.map(\.id).joined(separator: ", "))")
            }
        case .ttsVoice:
            guard let name = value.stringValue, !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_+".contains($0) }) else {
                throw .badRequest("'tts_voice' must be an espeak-ng voice name such as 'en-us' or 'en-us+f3'")
            }
        case .ttsRate: return try Self.number(value, rawValue, 80...450)
        case .ttsPitch: return try Self.number(value, rawValue, 0...100)
        case .ttsVolume: return try Self.number(value, rawValue, 0...200)
        }
        return value
    }

    private static func number(_ value: Value, _ key: String, _ range: ClosedRange<Int>) throws(APIError) -> Value {
        guard case .int(let number) = value, range.contains(number) else {
            throw .badRequest("'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}
