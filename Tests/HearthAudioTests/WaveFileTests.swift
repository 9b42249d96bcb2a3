import Foundation
import Testing

@testable import HearthAudio

/// Builds WAV files byte by byte, so each test states exactly what is in the header.
enum WaveBuilder {
    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    static func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16((v >> 16) & 0xFFFF) }

    static func chunk(_ id: String, _ body: [UInt8], declaredSize: Int? = nil) -> [UInt8] {
        Array(id.utf8) + le32(declaredSize ?? body.count) + body + (body.count % 2 == 1 ? [0] : [])
    }

    static func fmt(tag: Int = 1, channels: Int, rate: Int, bits: Int, blockAlign: Int? = nil, byteRate: Int? = nil) -> [UInt8] {
        let align = blockAlign ?? channels * bits / 8
        return chunk("fmt ", le16(tag) + le16(channels) + le32(rate) + le32(byteRate ?? rate * align) + le16(align) + le16(bits))
    }

    static func extensibleFormat(channels: Int, rate: Int, bits: Int, validBits: Int, subformat: Int, mask: Int = 0) -> [UInt8] {
        let align = channels * bits / 8
        let guidTail: [UInt8] = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71]
        let body = le16(0xFFFE) + le16(channels) + le32(rate) + le32(rate * align) + le16(align) + le16(bits)
            + le16(22) + le16(validBits) + le32(mask) + le16(subformat) + guidTail
        return chunk("fmt ", body)
    }

    static func riff(_ chunks: [UInt8]..., declaredSize: Int? = nil) -> [UInt8] {
        let body = Array("WAVE".utf8) + chunks.flatMap { $0 }
        return Array("RIFF".utf8) + le32(declaredSize ?? body.count) + body
    }
}

@Suite("WaveFile")
struct WaveFileTests {
    typealias B = WaveBuilder

    @Test("16-bit mono round-trips through encode and parse")
    func roundTrip16() throws {
        let samples: [Int16] = [0, 1, -1, 32767, -32768, 1234, -4321]
        let bytes = try WaveFile.encode(samples: samples, sampleRate: 16000)
        #expect(bytes.count == 44 + 14)
        let file = try WaveFile(bytes: bytes)
        #expect(file.format == WaveFormat(encoding: .integerPCM, sampleRate: 16000, channels: 1, bitsPerSample: 16,
                                          validBitsPerSample: 16, channelMask: 0))
        #expect(file.frameCount == samples.count)
        #expect(file.audioBuffer(sampleRate: 16000).samples == samples)
    }

    @Test("float32 stereo round-trips and is averaged to mono")
    func floatStereo() throws {
        let bytes = try WaveFile.encode(floatSamples: [0.5, -0.5, 1.0, 0.0, -0.25, -0.25], sampleRate: 48000, channels: 2)
        let file = try WaveFile(bytes: bytes)
        #expect(file.format.encoding == .float32)
        #expect(file.format.channels == 2)
        #expect(file.monoSamples() == [0, 0.5, -0.25])
    }

    @Test("8, 24 and 32-bit PCM decode to the same values")
    func bitDepths() throws {
        // Half scale positive, then half scale negative, in each encoding.
        let eight = B.riff(B.fmt(channels: 1, rate: 8000, bits: 8), B.chunk("data", [192, 64]))
        let twentyFour = B.riff(B.fmt(channels: 1, rate: 8000, bits: 24), B.chunk("data", [0, 0, 0x40, 0, 0, 0xC0]))
        let thirtyTwo = B.riff(B.fmt(channels: 1, rate: 8000, bits: 32), B.chunk("data", [0, 0, 0, 0x40, 0, 0, 0, 0xC0]))
        for bytes in [eight, twentyFour, thirtyTwo] {
            #expect(try WaveFile(bytes: bytes).monoSamples() == [0.5, -0.5])
        }
    }

    @Test("WAVE_FORMAT_EXTENSIBLE PCM and float are read")
    func extensible() throws {
        let pcm = B.riff(B.extensibleFormat(channels: 2, rate: 44100, bits: 24, validBits: 20, subformat: 1, mask: 3),
                         B.chunk("data", [0, 0, 0x40, 0, 0, 0x40]))
        let file = try WaveFile(bytes: pcm)
        #expect(file.format.validBitsPerSample == 20)
        #expect(file.format.channelMask == 3)
        #expect(file.monoSamples() == [0.5])
        let float = B.riff(B.extensibleFormat(channels: 1, rate: 16000, bits: 32, validBits: 32, subformat: 3),
                           B.chunk("data", B.le32(Int(Float(0.25).bitPattern))))
        #expect(try WaveFile(bytes: float).monoSamples() == [0.25])
    }

    @Test("unknown chunks are skipped, odd sizes with their pad byte")
    func unknownChunksAndPadding() throws {
        let bytes = B.riff(B.chunk("LIST", Array("odd".utf8)), B.fmt(channels: 1, rate: 16000, bits: 16),
                           B.chunk("fact", B.le32(2)), B.chunk("data", B.le16(100) + B.le16(-100 & 0xFFFF)),
                           B.chunk("junk", [1]))
        let file = try WaveFile(bytes: bytes)
        #expect(file.audioBuffer(sampleRate: 16000).samples == [100, -100])
    }

    static let rejections: [(String, [UInt8], WaveError)] = [
        ("empty", [], .notRIFF),
        ("not RIFF", Array("RIFX0000WAVE".utf8), .notRIFF),
        ("RIFF but not WAVE", Array("RIFF".utf8) + B.le32(4) + Array("AVI ".utf8), .notWAVE),
        ("RIFF size beyond the file",
         B.riff(B.fmt(channels: 1, rate: 16000, bits: 16), B.chunk("data", [0, 0]), declaredSize: 1000), .truncated),
        ("data chunk beyond the file",
         B.riff(B.fmt(channels: 1, rate: 16000, bits: 16), B.chunk("data", [0, 0], declaredSize: 0xFFFF_FFF0)), .chunkTruncated),
        ("zero channels", B.riff(B.fmt(channels: 0, rate: 16000, bits: 16, blockAlign: 0), B.chunk("data", [])), .zeroChannels),
        ("absurd channel count", B.riff(B.fmt(channels: 5000, rate: 16000, bits: 16), B.chunk("data", [])), .tooManyChannels),
        ("absurd rate", B.riff(B.fmt(channels: 1, rate: 5_000_000, bits: 16), B.chunk("data", [])), .unsupportedSampleRate),
        ("zero rate", B.riff(B.fmt(channels: 1, rate: 0, bits: 16), B.chunk("data", [])), .unsupportedSampleRate),
        ("12-bit PCM", B.riff(B.fmt(channels: 1, rate: 16000, bits: 12, blockAlign: 2), B.chunk("data", [])), .unsupportedBitsPerSample),
        ("64-bit float", B.riff(B.fmt(tag: 3, channels: 1, rate: 16000, bits: 64), B.chunk("data", [])), .unsupportedBitsPerSample),
        ("mu-law", B.riff(B.fmt(tag: 7, channels: 1, rate: 8000, bits: 8), B.chunk("data", [])), .unsupportedEncoding),
        ("block align lies", B.riff(B.fmt(channels: 2, rate: 16000, bits: 16, blockAlign: 2), B.chunk("data", [])), .badBlockAlign),
        ("byte rate lies", B.riff(B.fmt(channels: 1, rate: 16000, bits: 16, byteRate: 1), B.chunk("data", [])), .badByteRate),
        ("data before fmt", B.riff(B.chunk("data", [0, 0]), B.fmt(channels: 1, rate: 16000, bits: 16)), .dataBeforeFormat),
        ("no fmt", B.riff(B.chunk("LIST", [1, 2])), .missingFormat),
        ("no data", B.riff(B.fmt(channels: 1, rate: 16000, bits: 16)), .missingData),
        ("two fmt chunks", B.riff(B.fmt(channels: 1, rate: 16000, bits: 16), B.fmt(channels: 1, rate: 16000, bits: 16)), .duplicateFormat),
        ("half a frame", B.riff(B.fmt(channels: 2, rate: 16000, bits: 16), B.chunk("data", [0, 0, 0, 0, 0, 0])), .partialFrame),
        ("short fmt", B.riff(B.chunk("fmt ", [1, 0, 1, 0]), B.chunk("data", [])), .formatTooShort),
        ("extensible with 8-byte extension",
         B.riff(B.chunk("fmt ", B.le16(0xFFFE) + B.le16(1) + B.le32(8000) + B.le32(16000) + B.le16(2) + B.le16(16) + B.le16(8) + [UInt8](repeating: 0, count: 8)),
                B.chunk("data", [])), .malformedExtensible),
    ]

    @Test("damaged or unsupported headers are rejected with a reason", arguments: rejections)
    func rejects(name: String, bytes: [UInt8], expected: WaveError) {
        #expect(throws: expected, "\(name)") { try WaveFile(bytes: bytes) }
        #expect(!expected.description.isEmpty)
    }

    @Test("every prefix of a valid file is rejected, never misread")
    func everyTruncation() throws {
        let full = B.riff(B.chunk("LIST", [1, 2, 3]), B.fmt(channels: 2, rate: 22050, bits: 16), B.chunk("data", [UInt8](repeating: 7, count: 16)))
        for length in 0..<full.count {
            #expect(throws: WaveError.self) { try WaveFile(bytes: Array(full[0..<length])) }
        }
        #expect(try WaveFile(bytes: full).frameCount == 4)
    }

    @Test("errors read as sentences")
    func messages() {
        #expect(WaveError.truncated.description == "file is shorter than its RIFF header says (truncated)")
        #expect(WaveError.zeroChannels.description == "zero channels")
        #expect(WaveError.unreadable(path: "/nope.wav").description == "cannot read /nope.wav")
    }

    @Test("a missing file is reported by path")
    func missingFile() {
        #expect(throws: WaveError.unreadable(path: "/nonexistent/hearth.wav")) {
            try WaveFile(contentsOfFile: "/nonexistent/hearth.wav")
        }
    }
}

@Suite("AudioBuffer conversion")
struct ConversionTests {
    /// Amplitude of `hertz` in `samples` (a single-bin DFT), and the power left once it is removed.
    static func analyse(_ samples: [Int16], rate: Int, hertz: Double) -> (amplitude: Double, residualRatio: Double) {
        let x = samples.dropFirst(samples.count / 4).prefix(samples.count / 2).map { Double($0) / 32768 }
        var re = 0.0, im = 0.0
        for (n, v) in x.enumerated() {
            let phase = 2 * Double.pi * hertz * Double(n + samples.count / 4) / Double(rate)
            re += v * cos(phase); im += v * sin(phase)
        }
        let amplitude = 2 * (re * re + im * im).squareRoot() / Double(x.count)
        let total = x.reduce(0) { $0 + $1 * $1 } / Double(x.count)
        return (amplitude, max(0, total - amplitude * amplitude / 2) / total)
    }

    @Test("44.1 kHz stereo becomes 16 kHz mono with the tone intact")
    func downmixAndResample() throws {
        let rate = 44100
        var interleaved: [Int16] = []
        for n in 0..<rate {
            let v = Int16(0.5 * 32767 * sin(2 * Double.pi * 1000 * Double(n) / Double(rate)))
            interleaved += [v, v]
        }
        let file = try WaveFile(bytes: WaveFile.encode(samples: interleaved, sampleRate: rate, channels: 2))
        let audio = file.audioBuffer(sampleRate: 16000)
        #expect(audio.sampleRate == 16000)
        #expect(audio.samples.count == 16000)
        let (amplitude, residual) = Self.analyse(audio.samples, rate: 16000, hertz: 1000)
        #expect(abs(amplitude - 0.5) < 0.01)
        #expect(residual < 1e-4)
    }

    @Test("content above the new Nyquist frequency is removed, not folded back")
    func antiAliasing() {
        // 7 kHz at 48 kHz would fold to 1 kHz if 48k -> 8k simply dropped samples.
        let tone = SignalFixtures.tone(hertz: 7000, amplitude: 0.5, seconds: 1, rate: 48000)
        let down = AudioBuffer(sampleRate: 48000, samples: tone).resampled(to: 8000)
        #expect(down.samples.count == 8000)
        let (folded, _) = Self.analyse(down.samples, rate: 8000, hertz: 1000)
        let rms = (down.samples.dropFirst(100).dropLast(100).reduce(0.0) { $0 + Double($1) * Double($1) } / 7800).squareRoot() / 32768
        #expect(folded < 0.005)
        #expect(rms < 0.005)
    }

    @Test("upsampling keeps a tone's amplitude")
    func upsampling() {
        let tone = SignalFixtures.tone(hertz: 500, amplitude: 0.25, seconds: 1, rate: 8000)
        let up = AudioBuffer(sampleRate: 8000, samples: tone).resampled(to: 16000)
        #expect(up.samples.count == 16000)
        let (amplitude, residual) = Self.analyse(up.samples, rate: 16000, hertz: 500)
        #expect(abs(amplitude - 0.25) < 0.005)
        #expect(residual < 1e-3)
    }

    @Test("a buffer written as WAV reads back identical")
    func bufferRoundTrip() throws {
        let audio = AudioBuffer(sampleRate: 16000, samples: SignalFixtures.whiteNoise(rms: 0.1, seconds: 0.1))
        #expect(try WaveFile(bytes: audio.waveBytes()).audioBuffer(sampleRate: 16000) == audio)
    }
}
