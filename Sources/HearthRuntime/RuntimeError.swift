/// Failures the runtime reports to its callers (mapped to HTTP by the server).
public enum RuntimeError: Error, Sendable, Equatable, CustomStringConvertible {
    case synapseNotFound(String)
    case duplicateSynapse(String)
    case invalidSynapse(String)
    case unknownEngine(kind: String, name: String)
    case invalidSetting(String)
    case soundFile(String)
    /// No soul by that id.
    case unknownSoul(String)
    /// The state store refused the change, so it was not made.
    case notSaved(StateSaveFailure)

    public var description: String {
        switch self {
        case .synapseNotFound(let name): return "synapse '\(name)' not found"
        case .duplicateSynapse(let name): return "a synapse named '\(name)' already exists"
        case .invalidSynapse(let message): return message
        case .unknownEngine(let kind, let name): return "unknown \(kind) engine '\(name)'"
        case .invalidSetting(let message): return message
        case .soundFile(let message): return message
        case .unknownSoul(let id): return "no soul '\(id)'"
        case .notSaved(let failure): return "the change was not saved: \(failure.detail)"
        }
    }
}
