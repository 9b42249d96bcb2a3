/// The synapses in brain order (main file first, then included files).
public struct Brain: Sendable, Equatable {
    public private(set) var synapses: [Synapse]
    private var indexByName: [String: Int]

    public init(synapses: [Synapse] = []) {
        self.synapses = synapses
        self.indexByName = Dictionary(synapses.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func synapse(named name: String) -> Synapse? {
        indexByName[name].map { synapses[$0] }
    }

    public func contains(_ name: String) -> Bool { indexByName[name] != nil }

    /// Adds a synapse at the end; false when the name is taken.
    @discardableResult
    public mutating func append(_ synapse: Synapse) -> Bool {
        guard indexByName[synapse.name] == nil else { return false }
        indexByName[synapse.name] = synapses.count
        synapses.append(synapse)
        return true
    }

    /// Removes a synapse; false when there is none by that name.
    @discardableResult
    public mutating func remove(named name: String) -> Bool {
        guard let index = indexByName[name] else { return false }
        synapses.remove(at: index)
        indexByName = Dictionary(synapses.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        return true
    }

    @discardableResult
    public mutating func setEnabled(_ enabled: Bool, named name: String) -> Bool {
        guard let index = indexByName[name] else { return false }
        synapses[index].enabled = enabled
        return true
    }

    public static func == (lhs: Brain, rhs: Brain) -> Bool { lhs.synapses == rhs.synapses }
}
