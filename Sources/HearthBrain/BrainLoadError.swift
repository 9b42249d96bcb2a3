/// A problem in a brain or settings file, with where it is and which synapse
/// it belongs to: "brain.yml:12:9: synapse 'say-hello': neuron 'say' has no parameters".
public struct BrainLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?
    public var synapse: String?

    public init(message: String, location: SourceLocation? = nil, synapse: String? = nil) {
        self.message = message
        self.location = location
        self.synapse = synapse
    }

    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        if let synapse { text += "synapse '\(synapse)': " }
        return text + message
    }
}

/// Something Hearth accepted but will not act on (an engine it lacks, a key it
/// does not implement). Shown by `hearth check` and logged at start.
public struct LoadWarning: Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?

    public init(message: String, location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String {
        (location.map { "\($0): " } ?? "") + message
    }
}
