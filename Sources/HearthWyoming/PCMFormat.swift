import HearthBrain

/// The `rate`, `width` and `channels` of Wyoming audio events.
public struct PCMFormat: Sendable, Equatable {
    public var rate: Int
    /// Bytes per sample.
    public var width: Int
    public var channels: Int

    public init(rate: Int, width: Int, channels: Int) {
        self.rate = rate
        self.width = width
        self.channels = channels
    }

    /// The format of an `audio-start` or `audio-chunk`, when its fields make
    /// one Hearth can play: 16-bit, 1 to 8 channels, 1 kHz to 192 kHz.
    public init?(event: WyomingEvent) {
        guard let rate = event.int("rate"), let width = event.int("width"), let channels = event.int("channels"),
            (1000...192_000).contains(rate), width == 2, (1...8).contains(channels)
        else { return nil }
        self.init(rate: rate, width: width, channels: channels)
    }

    public var fields: [String: Value] { ["rate": .int(rate), "width": .int(width), "channels": .int(channels)] }

    /// A payload in this format as mono samples (channels averaged; a
    /// trailing partial frame is dropped).
    public func monoSamples(_ payload: [UInt8]) -> [Int16] {
        let frameBytes = width * channels
        let frames = payload.count / frameBytes
        var mono = [Int16](repeating: 0, count: frames)
        for frame in 0..<frames {
            var sum = 0
            for channel in 0..<channels {
                let at = frame * frameBytes + channel * 2
                sum += Int(Int16(bitPattern: UInt16(payload[at]) | UInt16(payload[at + 1]) << 8))
            }
            mono[frame] = Int16(sum / channels)
        }
        return mono
    }

    static func littleEndianBytes(_ samples: [Int16]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: samples.count * 2)
        for (index, sample) in samples.enumerated() {
            let bits = UInt16(bitPattern: sample)
            bytes[2 * index] = UInt8(truncatingIfNeeded: bits)
            bytes[2 * index + 1] = UInt8(truncatingIfNeeded: bits >> 8)
        }
        return bytes
    }

    /// What Hearth streams to Home Assistant: the recogniser's 16 kHz, 16-bit mono.
    public static let microphone = PCMFormat(rate: 16000, width: 2, channels: 1)
    /// What Hearth asks Home Assistant's voices for; other rates are resampled.
    public static let speaker = PCMFormat(rate: 22050, width: 2, channels: 1)
}
