import CVoiceActivity

/// Voice-activity detection over 16-bit mono frames, backed by the
/// fixed-point detector in CSupport/CVoiceActivity. One instance follows one
/// stream: it learns that stream's background noise as frames go by.
/// Not thread-safe; use it from one thread or task at a time.
public final class VoiceActivityDetector {
    public enum Aggressiveness: Int, CaseIterable, Sendable {
        /// Misses the least speech; lets the most noise through.
        case quality = 0
        case lowBitrate = 1
        case aggressive = 2
        /// Lets the least noise through; may clip quiet word endings.
        case veryAggressive = 3
    }

    public enum ConfigurationError: Error, Equatable, Sendable {
        /// Supported: 8000, 16000, 32000, 48000 Hz.
        case unsupportedSampleRate(Int)
        /// Supported: 10, 20, 30 ms.
        case unsupportedFrameDuration(milliseconds: Int)
    }

    public struct FrameLengthError: Error, Equatable, Sendable {
        public let expected: Int
        public let got: Int
    }

    public static let supportedSampleRates = [8000, 16000, 32000, 48000]
    public static let supportedFrameDurations = [10, 20, 30]

    private let vad: OpaquePointer
    public let sampleRate: Int
    public let frameMilliseconds: Int
    /// Samples each call to `isSpeech` expects.
    public let frameLength: Int
    public var aggressiveness: Aggressiveness {
        didSet { _ = hearth_vad_set_mode(vad, Int32(aggressiveness.rawValue)) }
    }

    public init(sampleRate: Int, frameMilliseconds: Int = 10, aggressiveness: Aggressiveness = .aggressive) throws(ConfigurationError) {
        guard Self.supportedSampleRates.contains(sampleRate) else { throw .unsupportedSampleRate(sampleRate) }
        guard Self.supportedFrameDurations.contains(frameMilliseconds) else {
            throw .unsupportedFrameDuration(milliseconds: frameMilliseconds)
        }
        // Inputs were checked above, so only allocation can fail here.
        guard let vad = hearth_vad_create(Int32(sampleRate), Int32(frameMilliseconds), Int32(aggressiveness.rawValue)) else {
            fatalError("hearth_vad_create failed: out of memory")
        }
        self.vad = vad
        self.sampleRate = sampleRate
        self.frameMilliseconds = frameMilliseconds
        self.frameLength = hearth_vad_frame_length(vad)
        self.aggressiveness = aggressiveness
    }

    deinit {
        hearth_vad_destroy(vad)
    }

    /// Judges one frame of exactly `frameLength` samples.
    public func isSpeech(_ frame: Span<Int16>) throws(FrameLengthError) -> Bool {
        guard frame.count == frameLength else { throw FrameLengthError(expected: frameLength, got: frame.count) }
        let result = frame.withUnsafeBufferPointer { samples in
            hearth_vad_process(vad, samples.baseAddress, samples.count)
        }
        return result == 1
    }

    public func isSpeech(_ frame: ArraySlice<Int16>) throws(FrameLengthError) -> Bool {
        try isSpeech(frame.span)
    }

    /// One decision per whole frame of `samples`; a trailing partial frame is ignored.
    public func decisions(for samples: [Int16]) -> [Bool] {
        let frames = samples.count / frameLength
        var result: [Bool] = []
        result.reserveCapacity(frames)
        for index in 0..<frames {
            let start = index * frameLength
            // The length is right by construction, so this cannot throw.
            result.append((try? isSpeech(samples[start..<start + frameLength])) ?? false)
        }
        return result
    }

    /// Forgets the learnt background, as for a new stream.
    public func reset() {
        hearth_vad_reset(vad)
    }
}
