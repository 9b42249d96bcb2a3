import HearthBrain
import HearthRuntime

/// Writes `message` to the log without speaking it.
public struct Debug: Neuron {
    public static let name = "debug"
    public init() {}

    public func run(_ parameters: [String: Value], context: NeuronContext) async throws -> NeuronResult {
        let message = parameters["message"]?.displayText ?? ""
        context.logger.notice("debug", metadata: ["synapse": "\(context.synapseName)", "message": "\(message)"])
        return NeuronResult(outputs: ["message": .string(message)])
    }
}
