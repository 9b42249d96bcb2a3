import HearthBrain
import HearthRuntime

/// Runs `synapse` later: after `seconds`, `minutes` and `hours` (added up),
/// with `forwarded_parameters` as its parameters.
public struct Neurotimer: Neuron {
    public static let name = "neurotimer"
    public init() {}

    public static func validate(_ parameters: [String: Value]) -> String? {
        if parameters["synapse"]?.stringValue == nil { return "neurotimer needs the 'synapse' to run" }
        if ["seconds", "minutes", "hours"].allSatisfy({ parameters[$0] == nil }) {
            return "neurotimer needs 'seconds', 'minutes' or 'hours'"
        }
        return nil
    }

    public func run(_ parameters: [String: Value], context: NeuronContext) async throws -> NeuronResult {
        if let problem = Self.validate(parameters) { throw NeuronParameterError(problem) }
        let seconds = (try parameters.optionalNumber("seconds") ?? 0)
            + (try parameters.optionalNumber("minutes") ?? 0) * 60
            + (try parameters.optionalNumber("hours") ?? 0) * 3600
        guard seconds > 0 else { throw NeuronParameterError("the timer's delay must be positive") }
        let synapse = try parameters.requiredString("synapse")
        let forwarded = parameters["forwarded_parameters"]?.mapValue ?? [:]
        guard await context.host.scheduleSynapse(synapse, after: .milliseconds(Int(seconds * 1000)), parameters: forwarded) else {
            throw NeuronParameterError("neurotimer: synapse '\(synapse)' not found")
        }
        return NeuronResult()
    }
}
