import HearthBrain
import HearthRuntime

/// Says which version is running; `{{ version }}` for a `say_template`.
public struct KalliopeVersion: Neuron {
    public static let name = "kalliope_version"
    public init() {}

    public func run(_ parameters: [String: Value], context: NeuronContext) async throws -> NeuronResult {
        NeuronResult(message: "I am Hearth version \(HearthVersion.current)", outputs: ["version": .string(HearthVersion.current)])
    }
}
