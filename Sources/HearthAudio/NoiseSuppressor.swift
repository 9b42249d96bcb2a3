import CNoiseSuppression

/// Attenuates steady background noise (fans, traffic hum) in a 16-bit mono
/// stream before the recognisers hear it, backed by the spectral suppressor
/// in CSupport/CNoiseSuppression. Output lags input by `delay` samples.
/// One instance follows one stream; use it from one thread at a time.
public final class NoiseSuppressor {
    public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
        public let sampleRate: Int
        public let gainFloorDecibels: Double
        public var description: String {
            "noise suppression needs a rate of 8000 to 48000 Hz and a negative gain floor (got \(sampleRate) Hz, \(gainFloorDecibels) dB)"
        }
    }

    /// How far a frequency holding only noise is turned down. Deeper floors
    /// remove more noise but distort the speech the acoustic model expects:
    /// on flite speech in pink noise at 10 dB SNR (scripts/bench-voice.sh,
    /// two of its voices), -10 dB spotted the wake word more often than -15
    /// and recognised orders as well.
    public static let defaultGainFloorDecibels = -10.0

    private let suppressor: OpaquePointer
    public let sampleRate: Int
    /// Output sample `i` is input sample `i - delay`, cleaned.
    public let delay: Int

    public init(sampleRate: Int, gainFloorDecibels: Double = defaultGainFloorDecibels) throws(ConfigurationError) {
        guard let created = hearth_noise_suppressor_create(Int32(sampleRate), gainFloorDecibels) else {
            throw ConfigurationError(sampleRate: sampleRate, gainFloorDecibels: gainFloorDecibels)
        }
        suppressor = created
        self.sampleRate = sampleRate
        delay = hearth_noise_suppressor_delay(created)
    }

    deinit { hearth_noise_suppressor_destroy(suppressor) }

    /// As many samples out as in, `delay` samples late.
    public func process(_ samples: [Int16]) -> [Int16] {
        var output: [Int16] = []
        process(samples, appendingTo: &output)
        return output
    }

    /// Cleans `samples` straight onto the end of `output`, which the
    /// listening pipeline keeps from one chunk to the next: no array is
    /// made for every 20 ms of audio.
    public func process(_ samples: [Int16], appendingTo output: inout [Int16]) {
        guard !samples.isEmpty else { return }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: samples.count))
        output.withUnsafeMutableBufferPointer { cleaned in
            samples.withUnsafeBufferPointer { input in
                hearth_noise_suppressor_process(suppressor, input.baseAddress, cleaned.baseAddress! + start, input.count)
            }
        }
    }

    /// Forgets the learnt noise and the samples in flight.
    public func reset() { hearth_noise_suppressor_reset(suppressor) }
}
