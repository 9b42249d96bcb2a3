/// Why a call to Home Assistant did not give what was asked. Each case has a
/// technical description for the log and the API, and a short sentence for
/// the speaker. Neither ever holds the token: messages are built from the
/// status, the path and Home Assistant's own `message`.
public enum HomeAssistantError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Settings have no `homeassistant.url`.
    case notConfigured
    /// The last probe failed; calls wait for the next successful one.
    case notConnected
    /// No connection could be made (refused, no route, name unknown...).
    case unreachable(String)
    /// No complete answer within the configured timeout.
    case timedOut(seconds: Double)
    /// 401: Home Assistant refused the token.
    case unauthorized
    /// 404: no such entity, service or route.
    case notFound(String)
    /// Any other answer that is not a success.
    case failed(status: Int, message: String)
    /// A success whose body is not what Home Assistant sends.
    case invalidAnswer(String)

    public var description: String {
        switch self {
        case .notConfigured: return "Home Assistant is not configured (no homeassistant.url in settings)"
        case .notConnected: return "Home Assistant is not connected"
        case .unreachable(let detail): return "Home Assistant cannot be reached: \(detail)"
        case .timedOut(let seconds): return "Home Assistant did not answer within \(Self.format(seconds)) s"
        case .unauthorized: return "Home Assistant refused the access token (401)"
        case .notFound(let what): return "Home Assistant does not know \(what) (404)"
        case .failed(let status, let message): return "Home Assistant answered \(status): \(message)"
        case .invalidAnswer(let detail): return "Home Assistant's answer cannot be read: \(detail)"
        }
    }

    /// What the user hears.
    public var spokenMessage: String {
        switch self {
        case .notConfigured: return "Home Assistant is not set up."
        case .notConnected, .unreachable, .timedOut: return "I can't reach Home Assistant."
        case .unauthorized: return "Home Assistant refused my access token."
        case .notFound: return "Home Assistant doesn't know that."
        case .failed, .invalidAnswer: return "Home Assistant couldn't do that."
        }
    }

    /// True when Home Assistant itself could not be reached, as opposed to
    /// answering something unwelcome.
    public var isConnectionFailure: Bool {
        switch self {
        case .notConnected, .unreachable, .timedOut: return true
        default: return false
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
