import HearthBrain
import HearthRuntime

/// Changes settings at run time: `deaf`, `mute`, `default_tts`,
/// `default_stt`, `default_trigger`, `default_player`, `variables`, `hooks`
/// and the `recognizer_*` options.
public struct SettingsNeuron: Neuron {
    public static let name = "settings"
    public init() {}

    static let engineKeys: [String: EngineCatalog.Kind] = [
        "default_tts": .textToSpeech, "default_stt": .speechToText, "default_trigger": .trigger, "default_player": .player,
    ]

    public static func validate(_ parameters: [String: Value]) -> String? {
        do { _ = try changes(parameters) } catch { return "\(error)" }
        return nil
    }

    static func changes(_ parameters: [String: Value]) throws -> [SettingsChange] {
        var changes: [SettingsChange] = []
        for key in parameters.keys.sorted() {
            let value = parameters[key]!
            if ParameterRenderer.isDeferred(key) { continue }
            switch key {
            case "deaf": changes.append(.deaf(value.isTruthyFlag))
            case "mute": changes.append(.mute(value.isTruthyFlag))
            case "variables":
                guard let variables = value.mapValue else { throw NeuronParameterError("'variables' must be a map") }
                changes.append(.variables(variables))
            case "hooks":
                guard let entries = value.mapValue else { throw NeuronParameterError("'hooks' must be a map") }
                var hooks: [Hook: [String]] = [:]
                for (name, synapses) in entries {
                    guard let hook = Hook(rawValue: name) else { throw NeuronParameterError("unknown hook '\(name)'") }
                    hooks[hook] = synapses.listValue?.map(\.displayText) ?? (synapses.isNull ? [] : [synapses.displayText])
                }
                changes.append(.hooks(hooks))
            default:
                if let kind = engineKeys[key] {
                    changes.append(.defaultEngine(kind, value.displayText))
                } else if let option = RecognizerOption(rawValue: key) {
                    guard let number = value.doubleValue else { throw NeuronParameterError("'\(key)' must be a number") }
                    changes.append(.recognizer(option, number))
                } else {
                    throw NeuronParameterError("settings: unknown setting '\(key)'")
                }
            }
        }
        return changes
    }

    public func run(_ parameters: [String: Value], context: NeuronContext) async throws -> NeuronResult {
        for change in try Self.changes(parameters) {
            try await context.host.applySettings(change)
        }
        return NeuronResult()
    }
}
