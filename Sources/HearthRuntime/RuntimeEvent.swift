import Foundation
import HearthBrain

/// Something that happened in the runtime, for the event bus.
public struct RuntimeEvent: Sendable, Equatable {
    public var kind: Kind
    public var data: [String: Value]
    public var timestamp: Date
    /// Where it came from (`api`, `voice`, `cli`, `hook`, `event`, ...).
    public var source: String?

    public init(_ kind: Kind, data: [String: Value] = [:], source: String? = nil, timestamp: Date = Date()) {
        self.kind = kind
        self.data = data
        self.source = source
        self.timestamp = timestamp
    }

    /// An open set of event names; modules add their own.
    public struct Kind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let stateChanged = Kind(rawValue: "STATE_CHANGED")
        public static let orderMatched = Kind(rawValue: "ORDER_MATCHED")
        public static let orderNotFound = Kind(rawValue: "ORDER_NOT_FOUND")
        /// One order or synapse run finished: order, source, synapses, status, duration.
        public static let orderProcessed = Kind(rawValue: "ORDER_PROCESSED")
        public static let synapseStarted = Kind(rawValue: "SYNAPSE_STARTED")
        public static let neuronOutput = Kind(rawValue: "NEURON_OUTPUT")
        public static let neuronSkipped = Kind(rawValue: "NEURON_SKIPPED")
        public static let hookFired = Kind(rawValue: "HOOK_FIRED")
        public static let ttsStarted = Kind(rawValue: "TTS_STARTED")
        public static let ttsFinished = Kind(rawValue: "TTS_FINISHED")
        public static let deafChanged = Kind(rawValue: "DEAF_CHANGED")
        public static let muteChanged = Kind(rawValue: "MUTE_CHANGED")
        public static let settingsChanged = Kind(rawValue: "SETTINGS_CHANGED")
        /// The language changed: `language`; the voice pipeline follows it.
        public static let languageChanged = Kind(rawValue: "LANGUAGE_CHANGED")
        /// The soul changed: `soul` (its id).
        public static let soulChanged = Kind(rawValue: "SOUL_CHANGED")
        public static let brainChanged = Kind(rawValue: "BRAIN_CHANGED")
        public static let memoryChanged = Kind(rawValue: "MEMORY_CHANGED")
        public static let error = Kind(rawValue: "ERROR")
        /// Timers running for this device (Home Assistant's, through the
        /// Wyoming satellite): `id`, `name`, `total_seconds`, `is_active`.
        public static let timerStarted = Kind(rawValue: "TIMER_STARTED")
        public static let timerUpdated = Kind(rawValue: "TIMER_UPDATED")
        public static let timerCancelled = Kind(rawValue: "TIMER_CANCELLED")
        public static let timerFinished = Kind(rawValue: "TIMER_FINISHED")
    }
}

/// The device's coarse state, as the LED and `/api/status` show it.
public enum RuntimeState: String, Sendable, Equatable {
    case idle = "IDLE"
    case listening = "LISTENING"
    case recording = "RECORDING"
    case processing = "PROCESSING"
    case speaking = "SPEAKING"
    case deaf = "DEAF"
}
