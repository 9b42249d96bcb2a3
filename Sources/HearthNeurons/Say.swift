import HearthBrain
import HearthRuntime

/// Speaks `message`; a list means one of them, picked at random.
public struct Say: Neuron {
    public static let name = "say"
    public init() {}

    public static func validate(_ parameters: [String: Value]) -> String? {
        switch parameters["message"] {
        case .string?, .int?, .double?: return nil
        case .list(let options)? where !options.isEmpty: return nil
        default: return "say needs a 'message' (text or a list of texts)"
        }
    }

    public func run(_ parameters: [String: Value], context: NeuronContext) async throws -> NeuronResult {
        switch parameters["message"] {
        case .list(let options)?:
            guard let choice = options.randomElement() else { throw NeuronParameterError("'message' is an empty list") }
            return NeuronResult(message: choice.displayText)
        case let value? where !value.isNull:
            return NeuronResult(message: value.displayText)
        default:
            throw NeuronParameterError("missing parameter 'message'")
        }
    }
}
