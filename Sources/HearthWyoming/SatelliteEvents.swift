import HearthBrain
import HearthRuntime

/// What the satellite publishes on the runtime's event bus (source
/// `wyoming`), so the LED and the dashboard can follow Home Assistant.
extension RuntimeEvent.Kind {
    /// A Home Assistant connection took the satellite (`run-satellite`).
    public static let satelliteConnected = Self(rawValue: "SATELLITE_CONNECTED")
    /// It closed or went away.
    public static let satelliteDisconnected = Self(rawValue: "SATELLITE_DISCONNECTED")
    /// An utterance is streaming to Home Assistant.
    public static let satelliteStreaming = Self(rawValue: "SATELLITE_STREAMING")
    /// The stream ended: `reason` is transcript, error, silent, disconnected,
    /// paused or limit; `text` holds the transcript.
    public static let satelliteStreamEnded = Self(rawValue: "SATELLITE_STREAM_ENDED")
    /// Home Assistant's audio (an answer or an announcement) plays, then has played.
    public static let satellitePlaying = Self(rawValue: "SATELLITE_PLAYING")
    public static let satellitePlayed = Self(rawValue: "SATELLITE_PLAYED")
}

/// A Home Assistant timer running for this device.
public struct SatelliteTimer: Sendable, Equatable {
    public var id: String
    public var name: String?
    /// Seconds left when last told (`timer-started` or `timer-updated`).
    public var totalSeconds: Int
    public var isActive: Bool

    var fields: [String: Value] {
        ["id": .string(id), "name": name.map(Value.string) ?? .null, "total_seconds": .int(totalSeconds), "is_active": .bool(isActive)]
    }

    /// What is said when it finishes.
    var finishedMessage: String {
        guard let name, !name.isEmpty else { return "Your timer is done." }
        return "The \(name) timer is done."
    }
}
