import HearthBrain

/// Checks a brain against the neurons Hearth has and the synapses it names:
/// what `hearth check` reports, what `hearth run` logs at start, and what the
/// synapse API refuses.
public struct BrainValidator: Sendable {
    public struct Report: Sendable {
        public var errors: [BrainLoadError] = []
        public var warnings: [LoadWarning] = []
        public var isValid: Bool { errors.isEmpty }
    }

    public let neurons: NeuronRegistry

    public init(neurons: NeuronRegistry) {
        self.neurons = neurons
    }

    public func validate(brain: Brain, settings: Settings) -> Report {
        var report = Report()
        for synapse in brain.synapses {
            check(synapse, in: brain, unknownNeuronsAreErrors: false, report: &report)
        }
        for hook in Hook.allCases {
            for name in settings.synapses(for: hook) where !brain.contains(name) {
                report.errors.append(BrainLoadError(message: "hook '\(hook.rawValue)' names synapse '\(name)', which is not in the brain"))
            }
        }
        return report
    }

    /// A synapse arriving over the API: unknown neurons are errors there.
    public func validate(newSynapse synapse: Synapse, in brain: Brain) -> Report {
        var report = Report()
        check(synapse, in: brain, unknownNeuronsAreErrors: true, report: &report)
        return report
    }

    private func check(_ synapse: Synapse, in brain: Brain, unknownNeuronsAreErrors: Bool, report: inout Report) {
        for call in synapse.neurons {
            guard let neuron = neurons.neuron(named: call.name) else {
                let message = "neuron '\(call.name)' is not available in Hearth"
                if unknownNeuronsAreErrors {
                    report.errors.append(BrainLoadError(message: message, location: call.location, synapse: synapse.name))
                } else {
                    report.warnings.append(LoadWarning(
                        message: "synapse '\(synapse.name)': \(message); the synapse runs without it", location: call.location))
                }
                continue
            }
            let parameters = call.parameterMap
            if let problem = type(of: neuron).validate(parameters) {
                report.errors.append(BrainLoadError(message: problem, location: call.location, synapse: synapse.name))
            }
            // A synapse may link to itself, which a new synapse's brain does not hold yet.
            for (key, target) in linkedSynapses(parameters)
            where !Template.containsSyntax(target) && !brain.contains(target) && target != synapse.name {
                report.errors.append(BrainLoadError(
                    message: "\(call.name) '\(key)' names synapse '\(target)', which is not in the brain",
                    location: call.location, synapse: synapse.name))
            }
        }
    }

    /// Synapse names a neuron's parameters refer to (neurotransmitter links,
    /// neurotimer and brain targets).
    private func linkedSynapses(_ parameters: [String: Value]) -> [(String, String)] {
        var targets: [(String, String)] = []
        for key in ["default", "direct_link", "synapse", "synapse_name"] {
            if let name = parameters[key]?.stringValue { targets.append((key, name)) }
        }
        for link in parameters["from_answer_link"]?.listValue ?? [] {
            if let name = link.mapValue?["synapse"]?.stringValue { targets.append(("from_answer_link", name)) }
        }
        return targets
    }
}
