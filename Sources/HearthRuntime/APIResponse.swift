import HearthBrain

/// What running an order or a synapse produced, in Kalliope's API shape.
public struct APIResponse: Sendable, Equatable {
    public enum Status: String, Sendable {
        case complete
        case waitingForAnswer = "waiting_for_answer"
    }

    public var userOrder: String?
    public var status: Status?
    public var matchedSynapses: [MatchedSynapse]

    public init(userOrder: String?, status: Status?, matchedSynapses: [MatchedSynapse]) {
        self.userOrder = userOrder
        self.status = status
        self.matchedSynapses = matchedSynapses
    }

    public var json: Value {
        .map([
            "user_order": userOrder.map(Value.string) ?? .null,
            "status": status.map { .string($0.rawValue) } ?? .null,
            "matched_synapses": .list(matchedSynapses.map(\.json)),
        ])
    }

    /// Everything that would have been spoken, in order.
    public var spokenMessages: [String] {
        matchedSynapses.flatMap { $0.neuronModuleList.compactMap(\.generatedMessage) }
    }
}

public struct MatchedSynapse: Sendable, Equatable {
    public var synapseName: String
    /// The signal text as written; null when the synapse ran by name or hook.
    public var matchedOrder: String?
    public var neuronModuleList: [NeuronRecord]

    public init(synapseName: String, matchedOrder: String?, neuronModuleList: [NeuronRecord] = []) {
        self.synapseName = synapseName
        self.matchedOrder = matchedOrder
        self.neuronModuleList = neuronModuleList
    }

    public var json: Value {
        .map([
            "synapse_name": .string(synapseName),
            "matched_order": matchedOrder.map(Value.string) ?? .null,
            "neuron_module_list": .list(neuronModuleList.map(\.json)),
        ])
    }
}

public struct NeuronRecord: Sendable, Equatable {
    /// The class-style name (`Say`, `Neurotransmitter`).
    public var neuronName: String
    public var generatedMessage: String?

    public init(neuronName: String, generatedMessage: String?) {
        self.neuronName = neuronName
        self.generatedMessage = generatedMessage
    }

    public var json: Value {
        .map(["neuron_name": .string(neuronName), "generated_message": generatedMessage.map(Value.string) ?? .null])
    }
}
