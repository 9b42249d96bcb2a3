import HearthBrain
import HearthRuntime

/// Ends Hearth once the current response is complete (systemd restarts it).
public struct KillSwitch: Neuron {
    public static let name = "kill_switch"
    public init() {}

    public func run(_ parameters: [String: Value], context: NeuronContext) async throws -> NeuronResult {
        NeuronResult(effect: .terminate)
    }
}
