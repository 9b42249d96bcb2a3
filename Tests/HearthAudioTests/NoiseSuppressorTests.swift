import Foundation
import Testing

@testable import HearthAudio

@Suite("NoiseSuppressor")
struct NoiseSuppressorTests {
    typealias F = SignalFixtures

    /// Speech-like bursts: a tone 0.2 s on, 0.2 s off, after a second of
    /// nothing (where a room's noise would be learnt).
    static func bursts(seconds: Double, rate: Int = 16000) -> [Int16] {
        let tone = F.tone(hertz: 1000, amplitude: 0.1, seconds: seconds, rate: rate)
        let period = rate / 5
        return tone.indices.map { index in index >= rate && (index / period) % 2 == 0 ? tone[index] : 0 }
    }

    /// Signal-to-noise ratio of `heard` against what it should be, in dB.
    static func snr(_ heard: ArraySlice<Int16>, wanted: ArraySlice<Int16>) -> Double {
        var signal = 0.0
        var error = 0.0
        for (heard, wanted) in zip(heard, wanted) {
            signal += Double(wanted) * Double(wanted)
            error += (Double(heard) - Double(wanted)) * (Double(heard) - Double(wanted))
        }
        return 10 * log10(signal / max(error, 1))
    }

    @Test("rejects rates it cannot frame and a floor that would amplify")
    func configuration() {
        #expect(throws: NoiseSuppressor.ConfigurationError.self) { try NoiseSuppressor(sampleRate: 4000) }
        #expect(throws: NoiseSuppressor.ConfigurationError.self) { try NoiseSuppressor(sampleRate: 16000, gainFloorDecibels: 0) }
    }

    @Test("clean speech-like bursts come out unchanged, delayed by exactly `delay`", arguments: [8000, 16000, 48000])
    func transparentWhenClean(rate: Int) throws {
        let suppressor = try NoiseSuppressor(sampleRate: rate)
        let input = Self.bursts(seconds: 3, rate: rate)
        let output = suppressor.process(input)
        #expect(output.count == input.count)
        #expect(output.prefix(suppressor.delay).allSatisfy { $0 == 0 })
        let settled = rate * 3 / 2
        #expect(Self.snr(output[settled...], wanted: input[(settled - suppressor.delay)...]) > 30)
    }

    @Test("bursts in white noise come out with at least 6 dB better SNR")
    func improvesSNR() throws {
        let suppressor = try NoiseSuppressor(sampleRate: 16000)
        let clean = Self.bursts(seconds: 6)
        let noisy = F.add(clean, F.whiteNoise(rms: 0.05, seconds: 6, seed: 7))
        let output = suppressor.process(noisy)
        let settled = 32000  // two seconds in: the noise is learnt
        let before = Self.snr(noisy[settled...], wanted: clean[settled...])
        let after = Self.snr(output[settled...], wanted: clean[(settled - suppressor.delay)...])
        #expect(after > before + 6, "SNR \(before) dB in, \(after) dB out")
    }

    @Test("noise alone is turned down to near the gain floor")
    func attenuatesNoise() throws {
        let suppressor = try NoiseSuppressor(sampleRate: 16000)
        let noise = F.whiteNoise(rms: 0.05, seconds: 4, seed: 3)
        let output = suppressor.process(noise)
        let ratio = SignalFixtures.rms(output[32000...]) / SignalFixtures.rms(noise[32000...])
        // -15 dB is 0.18; a little noise leaks where it peaks above its mean.
        #expect(ratio < 0.45, "noise kept \(ratio) of its level")
        #expect(ratio > 0.05, "the floor keeps some background, not silence")
    }

    @Test("a louder noise is learnt within a few seconds")
    func followsRisingNoise() throws {
        let suppressor = try NoiseSuppressor(sampleRate: 16000)
        let quiet = F.whiteNoise(rms: 0.005, seconds: 2, seed: 4)
        let loud = F.whiteNoise(rms: 0.05, seconds: 4, seed: 5)
        let output = suppressor.process(quiet + loud)
        let lastSecond = output.count - 16000
        #expect(SignalFixtures.rms(output[lastSecond...]) / SignalFixtures.rms(loud[(loud.count - 16000)...]) < 0.45)
    }

    @Test("the output does not depend on how the input is cut into chunks")
    func chunking() throws {
        let input = F.add(Self.bursts(seconds: 2), F.whiteNoise(rms: 0.03, seconds: 2, seed: 9))
        let whole = try NoiseSuppressor(sampleRate: 16000).process(input)
        let chunked = try NoiseSuppressor(sampleRate: 16000)
        var pieces: [Int16] = []
        var offset = 0
        for size in [1, 7, 160, 333, 512, 1000].cycled(until: input.count) {
            let end = min(input.count, offset + size)
            pieces += chunked.process(Array(input[offset..<end]))
            offset = end
        }
        #expect(pieces == whole)
    }

    @Test("cleaning onto the end of a buffer keeps what the buffer held")
    func appending() throws {
        let input = F.add(Self.bursts(seconds: 1), F.whiteNoise(rms: 0.03, seconds: 1, seed: 10))
        let expected = try NoiseSuppressor(sampleRate: 16000).process(input)
        let appending = try NoiseSuppressor(sampleRate: 16000)
        var buffer: [Int16] = [7, -8, 9]
        appending.process(Array(input[..<5000]), appendingTo: &buffer)
        appending.process(Array(input[5000...]), appendingTo: &buffer)
        #expect(buffer == [7, -8, 9] + expected)
    }

    @Test("reset forgets the learnt noise and the samples in flight")
    func reset() throws {
        let suppressor = try NoiseSuppressor(sampleRate: 16000)
        let input = F.add(Self.bursts(seconds: 2), F.whiteNoise(rms: 0.03, seconds: 2, seed: 11))
        let first = suppressor.process(input)
        _ = suppressor.process(F.whiteNoise(rms: 0.2, seconds: 1, seed: 12))
        suppressor.reset()
        #expect(suppressor.process(input) == first)
    }
}

extension Array where Element == Int {
    /// The sizes repeated until they add up to at least `total`.
    fileprivate func cycled(until total: Int) -> [Int] {
        var sizes: [Int] = []
        var sum = 0
        while sum < total {
            let size = self[sizes.count % count]
            sizes.append(size)
            sum += size
        }
        return sizes
    }
}
