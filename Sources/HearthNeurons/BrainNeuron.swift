import HearthBrain
import HearthRuntime

/// Enables or disables a synapse: `synapse_name`, `enabled`.
public struct BrainNeuron: Neuron {
    public static let name = "brain"
    public init() {}

    public static func validate(_ parameters: [String: Value]) -> String? {
        if parameters["synapse_name"]?.stringValue == nil { return "brain needs 'synapse_name'" }
        if parameters["enabled"] == nil { return "brain needs 'enabled' (true or false)" }
        return nil
    }

    public func run(_ parameters: [String: Value], context: NeuronContext) async throws -> NeuronResult {
        let name = try parameters.requiredString("synapse_name")
        let enabled = parameters.flag("enabled")
        guard await context.host.setSynapseEnabled(name, enabled: enabled) else {
            throw NeuronParameterError("brain: synapse '\(name)' not found")
        }
        return NeuronResult(outputs: ["synapse_name": .string(name), "enabled": .bool(enabled)])
    }
}
