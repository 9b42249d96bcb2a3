import HearthBrain
import HearthRuntime

/// Links synapses into a conversation: `from_answer_link` with a `default`
/// waits for the next order and runs the synapse whose answers it matches;
/// `direct_link` runs a synapse at once.
public struct Neurotransmitter: Neuron {
    public static let name = "neurotransmitter"
    public init() {}

    public static func validate(_ parameters: [String: Value]) -> String? {
        let hasLinks = parameters["from_answer_link"] != nil
        let hasDirect = parameters["direct_link"] != nil
        if hasLinks && hasDirect { return "neurotransmitter takes 'from_answer_link' or 'direct_link', not both" }
        if !hasLinks && !hasDirect { return "neurotransmitter needs 'from_answer_link' (with 'default') or 'direct_link'" }
        if hasLinks {
            if parameters["default"]?.stringValue == nil { return "'from_answer_link' needs a 'default' synapse" }
            do { _ = try links(parameters["from_answer_link"]!) } catch { return error.message }
        }
        return nil
    }

    static func links(_ value: Value) throws(NeuronParameterError) -> [AnswerLink] {
        guard case .list(let items) = value, !items.isEmpty else {
            throw NeuronParameterError("'from_answer_link' must be a list of {synapse, answers}")
        }
        var links: [AnswerLink] = []
        for item in items {
            guard let entry = item.mapValue, case .string(let synapse)? = entry["synapse"],
                case .list(let answers)? = entry["answers"], !answers.isEmpty
            else {
                throw NeuronParameterError("each answer link needs a 'synapse' and a list of 'answers'")
            }
            links.append(AnswerLink(synapse: synapse, answers: answers.map(\.displayText)))
        }
        return links
    }

    public func run(_ parameters: [String: Value], context: NeuronContext) async throws -> NeuronResult {
        if let problem = Self.validate(parameters) { throw NeuronParameterError(problem) }
        if let direct = parameters["direct_link"]?.stringValue {
            var forwarded = parameters
            forwarded["direct_link"] = nil
            return NeuronResult(effect: .runSynapse(name: direct, parameters: forwarded))
        }
        return NeuronResult(effect: .waitForAnswer(
            links: try Self.links(parameters["from_answer_link"]!), defaultSynapse: try parameters.requiredString("default")))
    }
}
