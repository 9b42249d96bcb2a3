import HearthRuntime

/// Every neuron Hearth ships, for the runtime's registry.
public enum CoreNeurons {
    public static let all: [any Neuron] = [
        Say(), Debug(), Sleep(), Systemdate(), Shell(), Script(), URI(), KillSwitch(),
        Neurotransmitter(), Neurotimer(), BrainNeuron(), SettingsNeuron(), KalliopeVersion(), Play(), Volume(),
    ]

    public static var registry: NeuronRegistry { NeuronRegistry(all) }
}

/// Hearth's version, reported by `kalliope_version`, the API root and `--version`.
public enum HearthVersion {
    public static let current = "0.1.0"
}
