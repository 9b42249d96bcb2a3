import HearthBrain
import HearthRuntime

/// Plays a WAV file: `filename`.
public struct Play: Neuron {
    public static let name = "play"
    public init() {}

    public static func validate(_ parameters: [String: Value]) -> String? {
        parameters["filename"]?.stringValue == nil ? "play needs 'filename', a WAV file" : nil
    }

    public func run(_ parameters: [String: Value], context: NeuronContext) async throws -> NeuronResult {
        let path = context.resolvePath(try parameters.requiredString("filename"))
        if !context.muted { try await context.host.playSound(file: path) }
        return NeuronResult(outputs: ["filename": .string(path)])
    }
}
