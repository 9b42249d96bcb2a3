import Foundation
import HearthBrain
import HearthRuntime

/// The JSON shape of a runtime event on the wire (`/api/events`):
/// `{"event", "data", "timestamp", "source"}`, the time in ISO 8601 UTC with
/// milliseconds.
public enum EventMessage {
    private static let iso8601 = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    public static func value(_ event: RuntimeEvent) -> Value {
        [
            "event": .string(event.kind.rawValue),
            "data": .map(event.data),
            "timestamp": .string(timestamp(event.timestamp)),
            "source": event.source.map(Value.string) ?? .null,
        ]
    }

    /// A message of the stream itself (CONNECTED, pong, ERROR), not of the runtime.
    public static func value(event name: String, data: [String: Value]? = nil, at date: Date = Date()) -> Value {
        var message: [String: Value] = ["event": .string(name), "timestamp": .string(timestamp(date))]
        if let data { message["data"] = .map(data) }
        return .map(message)
    }

    public static func timestamp(_ date: Date) -> String {
        iso8601.format(date)
    }
}
