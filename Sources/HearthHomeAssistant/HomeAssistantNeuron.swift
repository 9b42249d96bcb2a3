import HearthBrain
import HearthRuntime

/// The `homeassistant` neuron. Parameters, all templated like any neuron's:
///
/// - `action: service` — `domain`, `service`, optional `entity_id` (one or a
///   list) and `data` (a map): calls the service. Output `changed`, the
///   states Home Assistant reports changed.
/// - `action: state` — `entity_id`: outputs `state`, `attributes`,
///   `entity_id` and `last_changed` for `say_template`.
/// - `action: conversation` — `text` (default: the order) and optional
///   `language`: Home Assistant's conversation agent answers, and its answer
///   is spoken. Outputs `speech`, `response_type`, `conversation_id`, `data`.
///
/// A failure never stops the synapse: the neuron says a short sentence
/// (`I can't reach Home Assistant.`) and outputs `error`. When settings do
/// not configure Home Assistant the neuron is disabled: it says
/// `disabled_message` (default `Home Assistant is not set up.`).
public struct HomeAssistantNeuron: Neuron {
    public static let name = "homeassistant"

    public enum Action: String, CaseIterable, Sendable {
        case service, state, conversation
    }

    /// Nil when Home Assistant is not configured.
    let homeAssistant: HomeAssistant?

    public init(_ homeAssistant: HomeAssistant? = nil) {
        self.homeAssistant = homeAssistant
    }

    public static func validate(_ parameters: [String: Value]) -> String? {
        guard let name = parameters["action"]?.stringValue, let action = Action(rawValue: name) else {
            return "homeassistant needs an 'action': \(Action.allCases.map(\.rawValue).joined(separator: ", "))"
        }
        for key in requiredParameters[action] ?? [] where parameters[key]?.stringValue?.isEmpty ?? true {
            return "homeassistant action '\(action.rawValue)' needs '\(key)'"
        }
        if let data = parameters["data"], !data.isNull, data.mapValue == nil {
            return "homeassistant 'data' must be a map of service fields"
        }
        switch parameters["entity_id"] {
        case nil, .string?, .null?: break
        case .list(let ids)? where ids.allSatisfy({ $0.stringValue != nil }): break
        default: return "homeassistant 'entity_id' must be an entity id or a list of them"
        }
        return nil
    }

    private static let requiredParameters: [Action: [String]] = [.service: ["domain", "service"], .state: ["entity_id"]]

    public func run(_ parameters: [String: Value], context: NeuronContext) async throws -> NeuronResult {
        guard let homeAssistant else {
            let message = parameters["disabled_message"].flatMap(Self.pick) ?? HomeAssistantError.notConfigured.spokenMessage
            return NeuronResult(message: message, outputs: ["error": .string(HomeAssistantError.notConfigured.description)], failed: true)
        }
        if let problem = Self.validate(parameters) {
            context.logger.error("homeassistant neuron: \(problem)", metadata: ["synapse": "\(context.synapseName)"])
            return NeuronResult(message: "Home Assistant couldn't do that.", outputs: ["error": .string(problem)], failed: true)
        }
        do throws(HomeAssistantError) {
            switch Action(rawValue: parameters["action"]?.stringValue ?? "") ?? .conversation {
            case .service: return try await callService(parameters, homeAssistant)
            case .state: return try await readState(parameters, homeAssistant)
            case .conversation: return try await converse(parameters, context: context, homeAssistant)
            }
        } catch {
            return NeuronResult(message: error.spokenMessage, outputs: ["error": .string(error.description)], failed: true)
        }
    }

    private func callService(_ parameters: [String: Value], _ homeAssistant: HomeAssistant) async throws(HomeAssistantError) -> NeuronResult {
        var data = parameters["data"]?.mapValue ?? [:]
        if let entity = parameters["entity_id"], !entity.isNull { data["entity_id"] = entity }
        let changed = try await homeAssistant.callService(
            domain: parameters["domain"]?.stringValue ?? "", service: parameters["service"]?.stringValue ?? "", data: data)
        return NeuronResult(outputs: ["changed": .list(changed.map(\.value))])
    }

    private func readState(_ parameters: [String: Value], _ homeAssistant: HomeAssistant) async throws(HomeAssistantError) -> NeuronResult {
        let state = try await homeAssistant.state(of: parameters["entity_id"]?.stringValue ?? "")
        return NeuronResult(outputs: state.value.mapValue ?? [:])
    }

    private func converse(
        _ parameters: [String: Value], context: NeuronContext, _ homeAssistant: HomeAssistant
    ) async throws(HomeAssistantError) -> NeuronResult {
        guard let text = parameters["text"].flatMap({ $0.isNull ? nil : $0.displayText }) ?? context.order, !text.isEmpty else {
            return NeuronResult(
                message: "Home Assistant couldn't do that.",
                outputs: ["error": "homeassistant conversation has no text: give 'text' or run it from an order"], failed: true)
        }
        let answer = try await homeAssistant.converse(text, language: parameters["language"]?.stringValue)
        return NeuronResult(message: answer.speech.isEmpty ? nil : answer.speech, outputs: answer.outputs)
    }

    /// A text, or one of a list of texts.
    private static func pick(_ value: Value) -> String? {
        if case .list(let options) = value { return options.randomElement()?.displayText }
        return value.isNull ? nil : value.displayText
    }
}
