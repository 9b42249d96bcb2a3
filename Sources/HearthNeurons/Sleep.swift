import HearthBrain
import HearthRuntime

/// Waits `seconds` before the next neuron.
public struct Sleep: Neuron {
    public static let name = "sleep"
    public init() {}

    public static func validate(_ parameters: [String: Value]) -> String? {
        guard let seconds = parameters["seconds"] else { return "sleep needs 'seconds'" }
        if case .string(let text) = seconds, Template.containsSyntax(text) { return nil }
        guard let number = seconds.doubleValue, number >= 0 else { return "'seconds' must be a number of seconds" }
        return nil
    }

    public func run(_ parameters: [String: Value], context: NeuronContext) async throws -> NeuronResult {
        guard let seconds = try parameters.optionalNumber("seconds"), seconds >= 0 else {
            throw NeuronParameterError("'seconds' must be a number of seconds")
        }
        try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
        return NeuronResult()
    }
}
