import CResample

/// Mono 16-bit audio at a known rate: what the VAD, wake word and speech
/// recogniser consume.
public struct AudioBuffer: Equatable, Sendable {
    public var sampleRate: Int
    public var samples: [Int16]

    public init(sampleRate: Int, samples: [Int16]) {
        self.sampleRate = sampleRate
        self.samples = samples
    }

    /// Mono floats in [-1, 1] at `from` Hz, resampled to `to` Hz and rounded
    /// to 16 bits (values outside [-1, 1] clip).
    public init(monoFloats: [Float], from: Int, to: Int) {
        precondition(from > 0 && to > 0, "sample rates must be positive")
        let converted: [Float]
        if from == to {
            converted = monoFloats
        } else {
            let length = hearth_resample_output_length(monoFloats.count, UInt32(from), UInt32(to))
            converted = [Float](unsafeUninitializedCapacity: length) { output, initialised in
                initialised = monoFloats.withUnsafeBufferPointer { input in
                    hearth_resample(input.baseAddress, input.count, UInt32(from), output.baseAddress, UInt32(to))
                }
            }
        }
        self.sampleRate = to
        self.samples = [Int16](unsafeUninitializedCapacity: converted.count) { output, initialised in
            converted.withUnsafeBufferPointer { hearth_float_to_int16($0.baseAddress, $0.count, output.baseAddress) }
            initialised = converted.count
        }
    }

    public var duration: Double { Double(samples.count) / Double(sampleRate) }

    /// The same audio at another rate, band-limited.
    public func resampled(to rate: Int) -> AudioBuffer {
        rate == sampleRate ? self : AudioBuffer(monoFloats: samples.map { Float($0) / 32768 }, from: sampleRate, to: rate)
    }

    /// A canonical 16-bit mono WAV file.
    public func waveBytes() throws(WaveError) -> [UInt8] {
        try WaveFile.encode(samples: samples, sampleRate: sampleRate)
    }
}
