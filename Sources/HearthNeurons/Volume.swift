import HearthBrain
import HearthRuntime

/// Sets the speaker volume: `level` (0–100) with `action` set (default),
/// raise or lower.
public struct Volume: Neuron {
    public static let name = "volume"
    public init() {}

    public static func validate(_ parameters: [String: Value]) -> String? {
        guard parameters["level"] != nil else { return "volume needs 'level' (0 to 100)" }
        if let action = parameters["action"]?.stringValue, !["set", "raise", "lower"].contains(action) {
            return "'action' must be set, raise or lower"
        }
        return nil
    }

    public func run(_ parameters: [String: Value], context: NeuronContext) async throws -> NeuronResult {
        guard let level = parameters["level"]?.intValue, (0...100).contains(level) else {
            throw NeuronParameterError("'level' must be a whole number from 0 to 100")
        }
        let change: VolumeChange
        switch try parameters.optionalString("action") ?? "set" {
        case "raise": change = .raise(level)
        case "lower": change = .lower(level)
        case "set": change = .set(level)
        case let other: throw NeuronParameterError("'action' must be set, raise or lower, not '\(other)'")
        }
        let current = try await context.host.setVolume(change)
        return NeuronResult(outputs: ["level": .int(current)])
    }
}
