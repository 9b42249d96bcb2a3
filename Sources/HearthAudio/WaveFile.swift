#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CResample
import CWave

/// How a WAV file stores its samples.
public struct WaveFormat: Equatable, Sendable {
    public enum Encoding: Sendable { case integerPCM, float32 }
    public var encoding: Encoding
    public var sampleRate: Int
    public var channels: Int
    /// Bytes per sample times 8: 8, 16, 24 or 32.
    public var bitsPerSample: Int
    /// Significant bits, less than `bitsPerSample` in some extensible files.
    public var validBitsPerSample: Int
    /// Speaker positions from WAVE_FORMAT_EXTENSIBLE, 0 when absent.
    public var channelMask: UInt32
}

/// A validated WAV file held in memory. Parsing checks the whole header;
/// samples are decoded only when asked for.
public struct WaveFile: Sendable {
    public let format: WaveFormat
    /// Frames (one sample per channel) in the data chunk.
    public let frameCount: Int
    private let bytes: [UInt8]

    public init(bytes: [UInt8]) throws(WaveError) {
        var info = hearth_wave_info()
        let status = bytes.withUnsafeBufferPointer { hearth_wave_parse($0.baseAddress, $0.count, &info) }
        guard status == HEARTH_WAVE_OK else { throw WaveError(status: status) }
        self.bytes = bytes
        self.frameCount = Int(info.frame_count)
        self.format = WaveFormat(
            encoding: info.encoding == HEARTH_WAVE_ENCODING_FLOAT ? .float32 : .integerPCM,
            sampleRate: Int(info.sample_rate),
            channels: Int(info.channels),
            bitsPerSample: Int(info.bits_per_sample),
            validBitsPerSample: Int(info.valid_bits),
            channelMask: info.channel_mask)
    }

    /// Reads and validates a file from disk.
    public init(contentsOfFile path: String) throws(WaveError) {
        guard let bytes = readWholeFile(path) else { throw .unreadable(path: path) }
        try self.init(bytes: bytes)
    }

    public var duration: Double { Double(frameCount) / Double(format.sampleRate) }

    /// All frames as mono floats in [-1, 1], channels averaged.
    public func monoSamples() -> [Float] {
        bytes.withUnsafeBufferPointer { file in
            var info = hearth_wave_info()
            // Validated in init; parsing again only recovers the data pointer.
            guard hearth_wave_parse(file.baseAddress, file.count, &info) == HEARTH_WAVE_OK else { return [] }
            return [Float](unsafeUninitializedCapacity: frameCount) { mono, initialised in
                initialised = Int(hearth_wave_decode_mono(&info, 0, UInt32(frameCount), mono.baseAddress))
            }
        }
    }

    /// The audio as mono 16-bit at `sampleRate`: channels averaged, then
    /// band-limited resampling (anything above the new Nyquist frequency is
    /// filtered out, not folded back).
    public func audioBuffer(sampleRate: Int = 16000) -> AudioBuffer {
        AudioBuffer(monoFloats: monoSamples(), from: format.sampleRate, to: sampleRate)
    }

    /// A canonical WAV file (44-byte header) holding 16-bit samples.
    public static func encode(samples: [Int16], sampleRate: Int, channels: Int = 1) throws(WaveError) -> [UInt8] {
        try encode(payload: samples, encoding: HEARTH_WAVE_ENCODING_PCM, bits: 16, sampleRate: sampleRate, channels: channels)
    }

    /// A canonical WAV file holding 32-bit float samples.
    public static func encode(floatSamples: [Float], sampleRate: Int, channels: Int = 1) throws(WaveError) -> [UInt8] {
        try encode(payload: floatSamples, encoding: HEARTH_WAVE_ENCODING_FLOAT, bits: 32, sampleRate: sampleRate, channels: channels)
    }

    private static func encode<Sample: BitwiseCopyable>(
        payload: [Sample], encoding: hearth_wave_encoding, bits: Int, sampleRate: Int, channels: Int
    ) throws(WaveError) -> [UInt8] {
        guard channels > 0 else { throw .zeroChannels }
        guard channels <= Int(HEARTH_WAVE_MAX_CHANNELS) else { throw .tooManyChannels }
        guard payload.count % channels == 0 else { throw .partialFrame }
        let frames = payload.count / channels
        guard frames <= Int(UInt32.max), let rate = UInt32(exactly: sampleRate) else { throw .tooLarge }
        var header = [UInt8](repeating: 0, count: Int(HEARTH_WAVE_HEADER_BYTES))
        let status = header.withUnsafeMutableBufferPointer {
            hearth_wave_write_header($0.baseAddress, encoding, rate, UInt16(channels), UInt16(bits), UInt32(frames))
        }
        guard status == HEARTH_WAVE_OK else { throw WaveError(status: status) }
        var file = header
        // Little-endian in memory on every platform Hearth runs on.
        payload.withUnsafeBytes { file.append(contentsOf: $0) }
        if file.count % 2 == 1 { file.append(0) }  // RIFF pads odd chunks
        return file
    }
}

private func readWholeFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
        if count < chunk.count { break }
    }
    return ferror(file) == 0 ? bytes : nil
}
