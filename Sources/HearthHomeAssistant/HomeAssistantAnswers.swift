import HearthBrain

/// What `POST /api/conversation/process` answers:
/// `{"response": {"response_type", "speech": {"plain": {"speech"}}, "data"}, "conversation_id"}`.
public struct ConversationAnswer: Sendable, Equatable {
    /// `action_done`, `query_answer` or `error`.
    public var responseType: String
    /// What Home Assistant would say; may be empty.
    public var speech: String
    public var conversationID: String?
    public var data: Value

    init(_ answer: Value) throws(HomeAssistantError) {
        guard let response = answer.mapValue?["response"]?.mapValue else {
            throw .invalidAnswer("the conversation answer has no 'response'")
        }
        responseType = response["response_type"]?.stringValue ?? ""
        speech = response["speech"]?.mapValue?["plain"]?.mapValue?["speech"]?.stringValue ?? ""
        conversationID = answer.mapValue?["conversation_id"]?.stringValue
        data = response["data"] ?? .null
    }

    /// True when Home Assistant did not do or answer what was asked.
    public var isError: Bool { responseType == "error" }

    /// Values for `say_template` and the neuron's output.
    var outputs: [String: Value] {
        var outputs: [String: Value] = [
            "speech": .string(speech), "response_type": .string(responseType), "data": data,
            "conversation_id": conversationID.map(Value.string) ?? .null,
        ]
        // An `error` answer still has speech to say; its code tells brains why.
        if isError { outputs["error"] = data.mapValue?["code"] ?? .string(speech) }
        return outputs
    }
}

/// One entity's state, as `GET /api/states/<entity_id>` and service calls
/// answer it.
public struct EntityState: Sendable, Equatable {
    public var entityID: String
    public var state: String
    public var attributes: [String: Value]
    public var lastChanged: String?

    init(_ answer: Value) throws(HomeAssistantError) {
        guard let entries = answer.mapValue, let entityID = entries["entity_id"]?.stringValue,
            let state = entries["state"]
        else { throw .invalidAnswer("a state without 'entity_id' and 'state'") }
        self.entityID = entityID
        self.state = state.displayText
        attributes = entries["attributes"]?.mapValue ?? [:]
        lastChanged = entries["last_changed"]?.stringValue
    }

    var value: Value {
        .map([
            "entity_id": .string(entityID), "state": .string(state), "attributes": .map(attributes),
            "last_changed": lastChanged.map(Value.string) ?? .null,
        ])
    }
}
