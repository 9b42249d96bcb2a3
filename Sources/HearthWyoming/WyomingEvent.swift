import HearthBrain

/// One Wyoming protocol event: a type, a JSON object of data, and an
/// optional binary payload (PCM audio for `audio-chunk`).
public struct WyomingEvent: Sendable, Equatable {
    public var type: String
    /// Values may be null (`"timestamp": null` is common).
    public var data: [String: Value]
    public var payload: [UInt8]

    public init(_ type: String, data: [String: Value] = [:], payload: [UInt8] = []) {
        self.type = type
        self.data = data
        self.payload = payload
    }

    /// The protocol version written into every header Hearth sends.
    public static let protocolVersion = "1.8.0"
}

/// The event types Hearth sends or acts on.
extension WyomingEvent {
    public enum Kind {
        public static let describe = "describe"
        public static let info = "info"
        public static let runSatellite = "run-satellite"
        public static let pauseSatellite = "pause-satellite"
        public static let ping = "ping"
        public static let pong = "pong"
        public static let detection = "detection"
        public static let runPipeline = "run-pipeline"
        public static let audioStart = "audio-start"
        public static let audioChunk = "audio-chunk"
        public static let audioStop = "audio-stop"
        public static let transcript = "transcript"
        public static let synthesize = "synthesize"
        public static let played = "played"
        public static let error = "error"
        public static let timerStarted = "timer-started"
        public static let timerUpdated = "timer-updated"
        public static let timerCancelled = "timer-cancelled"
        public static let timerFinished = "timer-finished"
    }

    /// 16-bit little-endian mono samples as an `audio-chunk`.
    public static func audioChunk(_ samples: [Int16], rate: Int, timestamp: Int) -> WyomingEvent {
        WyomingEvent(
            Kind.audioChunk, data: PCMFormat(rate: rate, width: 2, channels: 1).fields.merging(["timestamp": .int(timestamp)]) { $1 },
            payload: PCMFormat.littleEndianBytes(samples))
    }

    public static func pong(answering ping: WyomingEvent) -> WyomingEvent {
        WyomingEvent(Kind.pong, data: ["text": ping.data["text"] ?? .null])
    }

    /// A string field, or nil when absent, null or not a string.
    public func string(_ key: String) -> String? { data[key]?.stringValue }

    /// A whole-number field, or nil when absent, null or not a number.
    public func int(_ key: String) -> Int? {
        switch data[key] {
        case .int(let value)?: return value
        case .double(let value)? where value.rounded() == value && abs(value) < 1e15: return Int(value)
        default: return nil
        }
    }
}
