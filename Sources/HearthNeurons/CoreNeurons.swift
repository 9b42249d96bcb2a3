import HearthHomeAssistant
import HearthRuntime

/// Every neuron Hearth ships, for the runtime's registry. `homeassistant`
/// is here disabled; a command that configures Home Assistant registers it
/// again with its connection (`registry(homeAssistant:)`).
public enum CoreNeurons {
    public static let all: [any Neuron] = [
        Say(), Debug(), Sleep(), Systemdate(), Shell(), Script(), URI(), KillSwitch(),
        Neurotransmitter(), Neurotimer(), BrainNeuron(), SettingsNeuron(), KalliopeVersion(), Play(), Volume(),
        HomeAssistantNeuron(),
    ]

    public static var registry: NeuronRegistry { NeuronRegistry(all) }

    /// Every neuron, `homeassistant` speaking to `homeAssistant` (disabled when nil).
    public static func registry(homeAssistant: HomeAssistant?) -> NeuronRegistry {
        var registry = NeuronRegistry(all)
        registry.register(HomeAssistantNeuron(homeAssistant))
        return registry
    }
}

/// Hearth's version, reported by `kalliope_version`, the API root and `--version`.
public enum HearthVersion {
    public static let current = "0.1.0"
}
