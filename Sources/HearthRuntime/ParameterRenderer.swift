import HearthBrain

/// Renders `{{ }}` in neuron parameters before the neuron runs.
public enum ParameterRenderer {
    /// Keys rendered later with the neuron's own output, or never (exact
    /// match: Kalliope's substring test also let `say` and `file` escape).
    static let deferredKeys: Set<String> = ["say_template", "file_template", "kalliope_memory", "from_answer_link"]

    public static func isDeferred(_ key: String) -> Bool { deferredKeys.contains(key) }

    struct MissingParameter: Error {
        var name: String
    }

    static func render(_ parameters: [String: Value], context: [String: Value]) throws -> [String: Value] {
        var rendered: [String: Value] = [:]
        for (key, value) in parameters {
            rendered[key] = deferredKeys.contains(key) ? value : try render(value, context: context)
        }
        return rendered
    }

    static func render(_ value: Value, context: [String: Value]) throws -> Value {
        switch value {
        case .string(let text) where Template.containsSyntax(text):
            do {
                return .string(try Template(source: text, name: "parameter").render(context, undefined: .strict))
            } catch let error as TemplateError {
                if case .undefinedVariable(let name) = error.kind { throw MissingParameter(name: name) }
                throw error
            }
        case .list(let items):
            return .list(try items.map { try render($0, context: context) })
        case .map(let entries):
            return .map(try entries.mapValues { try render($0, context: context) })
        default:
            return value
        }
    }
}
