import HearthBrain
import Yams

/// Writes a brain back as a Kalliope brain file: a YAML list of synapses in
/// brain order, each `{name, signals, neurons}` (plus `enabled: false` for a
/// disabled one), which `BrainLoader` reads back to the same brain.
public enum BrainYAML {
    public static func text(of brain: Brain) throws(BrainYAMLError) -> String {
        let document = Node.sequence(Node.Sequence(brain.synapses.map(synapseNode)))
        do {
            return try Yams.serialize(node: document, indent: 2, width: -1, allowUnicode: true)
        } catch {
            throw BrainYAMLError(message: String(describing: error))
        }
    }

    /// Keys in the order a person writes them, not sorted.
    private static func synapseNode(_ synapse: Synapse) -> Node {
        var pairs: [(Node, Node)] = [(scalar("name"), scalar(synapse.name))]
        if !synapse.enabled { pairs.append((scalar("enabled"), node(.bool(false)))) }
        pairs.append((scalar("signals"), .sequence(Node.Sequence(synapse.signals.map { node(.map([$0.name: $0.parameters])) }))))
        pairs.append((scalar("neurons"), .sequence(Node.Sequence(synapse.neurons.map { call in
            call.parameters.isNull ? scalar(call.name) : node(.map([call.name: call.parameters]))
        }))))
        return .mapping(Node.Mapping(pairs))
    }

    private static func node(_ value: Value) -> Node {
        switch value {
        case .null: return Node("null", Tag(.null))
        case .bool(let flag): return Node(flag ? "true" : "false", Tag(.bool))
        case .int(let number): return Node(String(number), Tag(.int))
        case .double(let number): return Node(number.isFinite ? String(number) : (number.isNaN ? ".nan" : (number > 0 ? ".inf" : "-.inf")), Tag(.float))
        case .string(let text): return scalar(text)
        case .list(let items): return .sequence(Node.Sequence(items.map(node)))
        case .map(let entries):
            return .mapping(Node.Mapping(entries.keys.sorted().map { (scalar($0), node(entries[$0]!)) }))
        }
    }

    /// A string, quoted whenever plain text would read back as another type
    /// (`"yes"`, `"3"`) or as YAML syntax (`{{ name }}`).
    private static func scalar(_ text: String) -> Node {
        .scalar(text.represented())
    }
}

public struct BrainYAMLError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "cannot write the brain as YAML: \(message)" }
}
