import Foundation
import HearthBrain

/// One tracker event as Rasa Core 0.9 (and 0.11's `followup`) writes it, read
/// from its JSON. The JSON itself is what is stored and served; this is what
/// it means.
public enum DialogueEvent: Sendable, Equatable {
    case user(parseData: Value)
    case bot
    case slot(name: String, value: Value)
    case action(name: String)
    case restart
    case resetSlots
    case rewind
    case undo
    case pause
    case resume
    case reminder(Reminder)
    case followup(name: String)
    /// `topic`, `export` and `agent`: accepted and kept, with no effect.
    case inert

    /// A `reminder`: run `action` at `dueDate` unless the user spoke since
    /// (when `killOnUserMessage`).
    public struct Reminder: Sendable, Equatable {
        public var action: String
        public var dueDate: Date
        public var name: String?
        public var killOnUserMessage: Bool
    }

    public static let typeNames = [
        "user", "bot", "slot", "action", "restart", "reset_slots", "rewind", "undo", "pause", "resume", "reminder",
        "followup", "topic", "export", "agent",
    ]

    /// Reads an event; a wrong shape is an error that says what is wrong.
    public init(_ json: Value) throws(DialogueError) {
        guard let fields = json.mapValue else { throw .badEvent("an event must be a JSON object") }
        guard let type = fields["event"]?.stringValue else { throw .badEvent("an event needs an \"event\" type") }
        if let timestamp = fields["timestamp"], !timestamp.isNull, !timestamp.isNumber {
            throw .badEvent("the timestamp of a '\(type)' event must be a unix time in seconds")
        }
        func name(_ key: String = "name") throws(DialogueError) -> String {
            guard let name = fields[key]?.stringValue, !name.isEmpty else {
                throw .badEvent("a '\(type)' event needs a \"\(key)\" string")
            }
            return name
        }
        switch type {
        case "user":
            self = .user(parseData: Self.parseData(fields))
        case "bot": self = .bot
        case "slot": self = .slot(name: try name(), value: fields["value"] ?? .null)
        case "action": self = .action(name: try name())
        case "restart": self = .restart
        case "reset_slots": self = .resetSlots
        case "rewind": self = .rewind
        case "undo": self = .undo
        case "pause": self = .pause
        case "resume": self = .resume
        case "followup": self = .followup(name: try name())
        case "topic", "export", "agent": self = .inert
        case "reminder":
            let action = try name("action")
            guard let text = fields["date_time"]?.stringValue, let date = Self.isoDate(text) else {
                throw .badEvent("a 'reminder' event needs a \"date_time\" in ISO 8601 form, such as 2018-01-01T12:00:00")
            }
            self = .reminder(Reminder(
                action: action, dueDate: date, name: fields["name"]?.stringValue,
                killOnUserMessage: fields["kill_on_user_msg"].map(\.isTruthyFlag) ?? true))
        default:
            throw .unknownEventType(type)
        }
    }

    /// The `parse_data` as stored; a user event without one reads as its text
    /// with no intent.
    private static func parseData(_ fields: [String: Value]) -> Value {
        if let parseData = fields["parse_data"], parseData.mapValue != nil { return parseData }
        return ["text": fields["text"] ?? .null, "intent": .map([:]), "entities": .list([])]
    }

    /// ISO 8601 with or without a zone (Python's `isoformat()` writes none:
    /// it is then read as UTC) and with or without fractional seconds.
    static func isoDate(_ text: String) -> Date? {
        for options: ISO8601DateFormatter.Options in [
            [.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds],
            [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate],
            [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate, .withFractionalSeconds],
        ] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            formatter.timeZone = TimeZone(identifier: "UTC")
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}

extension Value {
    var isNumber: Bool {
        switch self {
        case .int, .double: return true
        default: return false
        }
    }
}
