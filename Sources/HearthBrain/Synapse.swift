/// A synapse: what starts it (signals) and what it does (neurons), in brain order.
public struct Synapse: Sendable, Equatable {
    public var name: String
    public var enabled: Bool
    public var signals: [Signal]
    public var neurons: [NeuronCall]
    /// Where the synapse was written, when it came from a file.
    public var location: SourceLocation?

    public init(name: String, enabled: Bool = true, signals: [Signal], neurons: [NeuronCall], location: SourceLocation? = nil) {
        self.name = name
        self.enabled = enabled
        self.signals = signals
        self.neurons = neurons
        self.location = location
    }

    public var orderSignals: [OrderSignal] {
        signals.compactMap { if case .order(let order) = $0.kind { return order } else { return nil } }
    }

    public static func == (lhs: Synapse, rhs: Synapse) -> Bool {
        lhs.name == rhs.name && lhs.enabled == rhs.enabled && lhs.signals == rhs.signals && lhs.neurons == rhs.neurons
    }
}

/// One signal as written (`parameters` keeps the user's short or long form)
/// with its interpreted kind.
public struct Signal: Sendable, Equatable {
    public var name: String
    public var parameters: Value
    public var kind: Kind

    public enum Kind: Sendable, Equatable {
        case order(OrderSignal)
        case event(EventSchedule)
        case mqttSubscriber
        case geolocation(latitude: Double, longitude: Double, radius: Double)
        /// A signal type Hearth does not know; kept so the synapse still runs by name.
        case unsupported
    }

    public init(name: String, parameters: Value, kind: Kind) {
        self.name = name
        self.parameters = parameters
        self.kind = kind
    }
}

/// A neuron invocation: its module name and its parameters as written.
public struct NeuronCall: Sendable, Equatable {
    public var name: String
    /// A map, or `.null` for a bare neuron name such as `- kill_switch`.
    public var parameters: Value
    public var location: SourceLocation?

    public init(name: String, parameters: Value = .null, location: SourceLocation? = nil) {
        self.name = name
        self.parameters = parameters
        self.location = location
    }

    public var parameterMap: [String: Value] { parameters.mapValue ?? [:] }

    /// Kalliope's class-style name (`say` → `Say`, `kill_switch` → `Kill_switch`),
    /// which the API reports as `neuron_name`.
    public var className: String { Self.className(of: name) }

    public static func className(of name: String) -> String {
        guard let first = name.first else { return name }
        return first.uppercased() + name.dropFirst().lowercased()
    }

    public static func == (lhs: NeuronCall, rhs: NeuronCall) -> Bool {
        lhs.name == rhs.name && lhs.parameters == rhs.parameters
    }
}

extension Synapse {
    /// The API's serialised form: `{name, enabled, signals: [{name, parameters}], neurons: [{name, parameters}]}`.
    public var serialized: Value {
        .map([
            "name": .string(name),
            "enabled": .bool(enabled),
            "signals": .list(signals.map { .map(["name": .string($0.name), "parameters": $0.parameters]) }),
            "neurons": .list(neurons.map { .map(["name": .string($0.name), "parameters": $0.parameters]) }),
        ])
    }

    /// The brain-file form (`{name, signals: [{order: ..}], neurons: [{say: {..}}]}`),
    /// used when exporting a brain back to YAML.
    public var brainFileForm: Value {
        var entries: [String: Value] = [
            "name": .string(name),
            "signals": .list(signals.map { .map([$0.name: $0.parameters]) }),
            "neurons": .list(neurons.map { $0.parameters.isNull ? .string($0.name) : .map([$0.name: $0.parameters]) }),
        ]
        if !enabled { entries["enabled"] = .bool(false) }
        return .map(entries)
    }
}
