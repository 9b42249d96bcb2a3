import HearthRuntime

/// Why a conversation call was refused. The Rasa routes answer these with
/// 400 (bad input) or 507/503 (storage), always as `{"error": "..."}`.
public enum DialogueError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Neither `query` nor `q` was given (Rasa's own message).
    case missingQuery
    case badEvent(String)
    case unknownEventType(String)
    case unknownAction(String)
    /// The events could not be saved, so nothing changed.
    case notSaved(StateSaveFailure)
    /// The stored conversation could not be read.
    case unavailable(StateSaveFailure)

    public var description: String {
        switch self {
        case .missingQuery: return "Invalid parse parameter specified"
        case .badEvent(let message): return message
        case .unknownEventType(let type):
            return "unknown event type '\(type)' (one of \(DialogueEvent.typeNames.joined(separator: ", ")))"
        case .unknownAction(let name): return "unknown action '\(name)': it is not in the domain"
        case .notSaved(let failure): return "the events were not saved: \(failure.detail)"
        case .unavailable(let failure): return "the conversation cannot be read now: \(failure.detail)"
        }
    }
}
