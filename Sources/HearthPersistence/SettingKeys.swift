import HearthBrain
import HearthRuntime

/// The store's generic settings keys for Kalliope's run-time settings, and
/// the way back from saved keys to `Settings`. Variables and hooks are saved
/// one entry each, so a change to one keeps the others from the file.
enum SettingKeys {
    static let deaf = "options.deaf"
    static let mute = "options.mute"
    static let variablePrefix = "variables."
    static let hookPrefix = "hooks."
    static let language = "language"
    static let soul = "soul"
    /// Parameters of the default text-to-speech engine (`speech.voice`, `speech.rate`...).
    static let speechPrefix = "speech."

    static func key(for kind: EngineCatalog.Kind) -> String {
        switch kind {
        case .trigger: return "default_trigger"
        case .speechToText: return "default_speech_to_text"
        case .textToSpeech: return "default_text_to_speech"
        case .player: return "default_player"
        }
    }

    static func key(for option: RecognizerOption) -> String { "options." + option.rawValue }

    /// The entries a change saves.
    static func entries(for change: SettingsChange) -> [String: Value] {
        switch change {
        case .deaf(let deaf): return [Self.deaf: .bool(deaf)]
        case .mute(let mute): return [Self.mute: .bool(mute)]
        case .defaultEngine(let kind, let name): return [key(for: kind): .string(name)]
        case .variables(let variables):
            return Dictionary(uniqueKeysWithValues: variables.map { (variablePrefix + $0.key, $0.value) })
        case .hooks(let hooks):
            return Dictionary(uniqueKeysWithValues: hooks.map { (hookPrefix + $0.key.rawValue, .list($0.value.map(Value.string))) })
        case .recognizer(let option, let value): return [key(for: option): .double(value)]
        case .language(let code, let speech): return speechEntries(speech).merging([language: .string(code)]) { _, new in new }
        case .soul(let id, let speech): return speechEntries(speech).merging([soul: .string(id)]) { _, new in new }
        case .speech(let speech): return speechEntries(speech)
        }
    }

    private static func speechEntries(_ parameters: [String: Value]) -> [String: Value] {
        Dictionary(uniqueKeysWithValues: parameters.map { (speechPrefix + $0.key, $0.value) })
    }

    /// Lays saved entries over the settings from the file. Keys this version
    /// does not know (a later module's, say) are left for their owners;
    /// values of the wrong type are reported and skipped.
    static func apply(_ saved: [String: Value], to base: Settings, problems: inout [String]) -> Settings {
        var settings = base
        for (key, value) in saved.sorted(by: { $0.key < $1.key }) {
            if key.hasPrefix(variablePrefix) {
                settings.variables[String(key.dropFirst(variablePrefix.count))] = value
            } else if key.hasPrefix(speechPrefix) {
                settings.setSpeechParameters([String(key.dropFirst(speechPrefix.count)): value])
            } else if key.hasPrefix(hookPrefix) {
                guard let hook = Hook(rawValue: String(key.dropFirst(hookPrefix.count))),
                    let names = value.listValue?.compactMap(\.stringValue)
                else {
                    problems.append("saved setting '\(key)' is not a hook's synapse list; ignored")
                    continue
                }
                settings.hooks[hook] = names
            } else if !apply(key, value, to: &settings) {
                problems.append("saved setting '\(key)' has a value of the wrong type; ignored")
            }
        }
        return settings
    }

    /// One scalar setting; false when the value does not fit the key.
    private static func apply(_ savedKey: String, _ value: Value, to settings: inout Settings) -> Bool {
        if savedKey == language || savedKey == soul {
            guard let text = value.stringValue else { return false }
            if savedKey == language { settings.language = text } else { settings.soul = text }
        } else if savedKey == deaf || savedKey == mute {
            guard case .bool(let flag) = value else { return false }
            if savedKey == deaf { settings.options.deaf = flag } else { settings.options.mute = flag }
        } else if let kind = engineKinds.first(where: { key(for: $0) == savedKey }) {
            guard let name = value.stringValue else { return false }
            switch kind {
            case .trigger: settings.defaultTrigger = name
            case .speechToText: settings.defaultSpeechToText = name
            case .textToSpeech: settings.defaultTextToSpeech = name
            case .player: settings.defaultPlayer = name
            }
        } else if let option = RecognizerOption.allCases.first(where: { key(for: $0) == savedKey }) {
            guard let number = value.doubleValue else { return false }
            switch option {
            case .multiplier: settings.options.recognizerMultiplier = number
            case .energyRatio: settings.options.recognizerEnergyRatio = number
            case .recordingTimeout: settings.options.recognizerRecordingTimeout = number
            case .recordingTimeoutWithSilence: settings.options.recognizerRecordingTimeoutWithSilence = number
            }
        }
        return true
    }

    private static let engineKinds: [EngineCatalog.Kind] = [.trigger, .speechToText, .textToSpeech, .player]
}
