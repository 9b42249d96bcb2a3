import Foundation
import HearthBrain

/// The settings as `GET /settings` shows them: Kalliope 0.7's field names,
/// minus everything secret. The API password is never included, and any
/// engine parameter or variable whose name says it holds a secret (password,
/// token, key...) is shown masked.
enum PublicSettings {
    static let mask: Value = "********"

    static func serialize(_ settings: Settings, version: String) -> Value {
        .map([
            "default_trigger_name": .string(settings.defaultTrigger),
            "default_stt_name": .string(settings.defaultSpeechToText),
            "default_tts_name": .string(settings.defaultTextToSpeech),
            "default_player_name": .string(settings.defaultPlayer),
            "triggers": engines(settings.triggers),
            "stts": engines(settings.speechToText),
            "ttss": engines(settings.textToSpeech),
            "players": engines(settings.players),
            "rest_api": restAPI(settings.restAPI),
            "cache_path": .string(settings.cachePath),
            "variables": variables(settings.variables),
            "machine": .string(machine),
            "kalliope_version": .string(version),
            "options": options(settings.options),
            "hooks": hooks(settings.hooks),
        ])
    }

    /// Every hook, null when unset, a name when one synapse is attached and a
    /// list when several are (the forms a settings file uses).
    static func hooks(_ hooks: [Hook: [String]]) -> Value {
        .map(Dictionary(uniqueKeysWithValues: Hook.allCases.map { hook in
            let names = hooks[hook] ?? []
            let value: Value
            switch names.count {
            case 0: value = .null
            case 1: value = .string(names[0])
            default: value = .list(names.map(Value.string))
            }
            return (hook.rawValue, value)
        }))
    }

    static func variables(_ variables: [String: Value]) -> Value {
        masked(.map(variables))
    }

    private static func restAPI(_ api: Settings.RestAPI) -> Value {
        var fields: [String: Value] = [
            "active": .bool(api.active),
            "host": .string(api.host),
            "port": .int(api.port),
            "password_protected": .bool(api.passwordProtected),
            "login": .string(api.login),
        ]
        fields["allowed_cors_origin"] = api.allowedCORSOrigin.map(Value.string) ?? .bool(false)
        return .map(fields)
    }

    private static func options(_ options: Settings.Options) -> Value {
        [
            "deaf": .bool(options.deaf),
            "mute": .bool(options.mute),
            "recognizer_multiplier": .double(options.recognizerMultiplier),
            "recognizer_energy_ratio": .double(options.recognizerEnergyRatio),
            "recognizer_recording_timeout": .double(options.recognizerRecordingTimeout),
            "recognizer_recording_timeout_with_silence": .double(options.recognizerRecordingTimeoutWithSilence),
        ]
    }

    private static func engines(_ engines: [Settings.Engine]) -> Value {
        .list(engines.map { .map(["name": .string($0.name), "parameters": masked(.map($0.parameters))]) })
    }

    /// Masks the values of secret-looking keys, at any depth.
    static func masked(_ value: Value) -> Value {
        switch value {
        case .map(let entries):
            return .map(Dictionary(uniqueKeysWithValues: entries.map { key, item in
                (key, isSecret(key) && !item.isNull ? mask : masked(item))
            }))
        case .list(let items):
            return .list(items.map(masked))
        default:
            return value
        }
    }

    private static let secretWords: Set<String> = [
        "password", "passwd", "pwd", "secret", "token", "key", "apikey", "credential", "credentials", "auth",
    ]

    /// True when one word of the key (split on `_`, `-`, `.` and case
    /// changes) names a secret: `ha_token`, `apiKey`, `password` are;
    /// `keyphrase` is not.
    static func isSecret(_ key: String) -> Bool {
        var words: [String] = []
        var current = ""
        for character in key {
            if character == "_" || character == "-" || character == "." || character == " " {
                words.append(current)
                current = ""
            } else if character.isUppercase, let last = current.last, last.isLowercase {
                words.append(current)
                current = String(character)
            } else {
                current.append(character)
            }
        }
        words.append(current)
        return words.contains { secretWords.contains($0.lowercased()) }
    }

    /// The CPU architecture, as Kalliope's `machine` field reports it.
    private static let machine: String = {
        var info = utsname()
        guard uname(&info) == 0 else { return "unknown" }
        return withUnsafeBytes(of: &info.machine) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }()
}
