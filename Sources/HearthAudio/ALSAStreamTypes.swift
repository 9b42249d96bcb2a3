/// What a capture or playback stream asks of an ALSA device. Samples are
/// signed 16-bit little-endian, interleaved.
public struct ALSAStreamRequest: Sendable, Equatable {
    public var device: String
    public var sampleRate: Int
    public var channels: Int
    /// 0 lets the stream pick about 20 ms.
    public var periodFrames: Int
    /// 0 means four periods.
    public var bufferFrames: Int
    /// How much audio the ring between the stream thread and its reader or
    /// writer holds (rounded up to a power of two).
    public var ringDuration: Duration

    public init(device: String, sampleRate: Int = 16000, channels: Int = 1, periodFrames: Int = 0,
                bufferFrames: Int = 0, ringDuration: Duration = .seconds(2)) {
        self.device = device
        self.sampleRate = sampleRate
        self.channels = channels
        self.periodFrames = periodFrames
        self.bufferFrames = bufferFrames
        self.ringDuration = ringDuration
    }
}

/// What the device granted: rate, period and buffer may differ from the
/// request (the device rounds them); channels never do.
public struct ALSAGrantedFormat: Sendable, Equatable {
    public var sampleRate: Int
    public var channels: Int
    public var periodFrames: Int
    public var bufferFrames: Int
}

public enum ALSAStreamState: Sendable, Equatable {
    case open, running, stopped, failed
}

public struct ALSAStreamStatistics: Sendable, Equatable {
    /// Frames moved between the device and the ring.
    public var frames: UInt64
    /// Recoveries from -EPIPE: the device over- or underran.
    public var xruns: UInt64
    /// Recoveries from -ESTRPIPE: the system suspended.
    public var suspends: UInt64
    /// Capture: times the thread found the ring full (a slow reader).
    public var ringFullWaits: UInt64
    /// Playback: times the device ran dry while audio was still queued.
    public var underruns: UInt64
    /// Playback: completed flushes (barge-in).
    public var flushes: UInt64
    public var state: ALSAStreamState
    /// Playback: the stream has audio in flight.
    public var playing: Bool

    public var recoveries: UInt64 { xruns + suspends }
}

public enum ALSAError: Error, Equatable, CustomStringConvertible {
    /// The device could not be opened or configured as asked.
    case openFailed(device: String, message: String)
    case startFailed(message: String)
    /// The stream thread hit an error it could not recover from.
    case streamFailed(message: String)
    /// A flush or write did not complete in time.
    case timedOut(String)
    /// The mixer control could not be opened, read or set.
    case mixerFailed(message: String)

    public var description: String {
        switch self {
        case .openFailed(_, let message), .startFailed(let message), .streamFailed(let message), .mixerFailed(let message):
            return message
        case .timedOut(let what):
            return "timed out: \(what)"
        }
    }
}
