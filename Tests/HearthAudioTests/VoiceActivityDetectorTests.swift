import Foundation
import HearthTestSupport
import Testing

@testable import HearthAudio

@Suite("VoiceActivityDetector")
struct VoiceActivityDetectorTests {
    typealias F = SignalFixtures

    @Test("rejects unsupported rates and frame lengths")
    func configuration() {
        #expect(throws: VoiceActivityDetector.ConfigurationError.unsupportedSampleRate(44100)) {
            try VoiceActivityDetector(sampleRate: 44100)
        }
        #expect(throws: VoiceActivityDetector.ConfigurationError.unsupportedFrameDuration(milliseconds: 15)) {
            try VoiceActivityDetector(sampleRate: 16000, frameMilliseconds: 15)
        }
    }

    @Test("frame length follows rate and duration", arguments: [8000, 16000, 32000, 48000], [10, 20, 30])
    func frameLength(rate: Int, milliseconds: Int) throws {
        let vad = try VoiceActivityDetector(sampleRate: rate, frameMilliseconds: milliseconds)
        #expect(vad.frameLength == rate / 1000 * milliseconds)
        #expect(throws: VoiceActivityDetector.FrameLengthError(expected: vad.frameLength, got: vad.frameLength - 1)) {
            try vad.isSpeech([Int16](repeating: 0, count: vad.frameLength - 1)[...])
        }
    }

    @Test("digital silence is never speech", arguments: VoiceActivityDetector.Aggressiveness.allCases)
    func silence(mode: VoiceActivityDetector.Aggressiveness) throws {
        let vad = try VoiceActivityDetector(sampleRate: 16000, aggressiveness: mode)
        #expect(!vad.decisions(for: F.silence(seconds: 2)).contains(true))
    }

    @Test("steady white noise is learnt as background", arguments: [VoiceActivityDetector.Aggressiveness.aggressive, .veryAggressive])
    func steadyNoise(mode: VoiceActivityDetector.Aggressiveness) throws {
        let vad = try VoiceActivityDetector(sampleRate: 16000, aggressiveness: mode)
        let decisions = vad.decisions(for: F.whiteNoise(rms: 0.05, seconds: 5))
        let settled = decisions.dropFirst(50)  // half a second to learn it
        let falseAlarms = settled.filter { $0 }.count
        #expect(Double(falseAlarms) / Double(settled.count) < 0.05, "\(falseAlarms) of \(settled.count) noise frames called speech")
    }

    @Test("a steady hum is background, but its onset after silence is activity")
    func toneOnsetAndSteadyState() throws {
        let vad = try VoiceActivityDetector(sampleRate: 16000, aggressiveness: .aggressive)
        let signal = F.silence(seconds: 1) + F.tone(hertz: 440, amplitude: 0.3, seconds: 6)
        let decisions = vad.decisions(for: signal)
        #expect(!decisions[0..<100].contains(true))
        #expect(decisions[100..<105].contains(true), "the tone's onset was not noticed")
        // After a few seconds the detector has taken the hum for background.
        let tail = decisions.suffix(100)
        #expect(tail.filter { $0 }.count < 5)
    }

    @Test("same input after reset gives the same decisions")
    func deterministic() throws {
        let vad = try VoiceActivityDetector(sampleRate: 16000, frameMilliseconds: 20)
        let signal = F.add(F.whiteNoise(rms: 0.02, seconds: 3, seed: 7),
                           F.silence(seconds: 1) + F.tone(hertz: 300, amplitude: 0.2, seconds: 0.5) + F.silence(seconds: 1.5))
        let first = vad.decisions(for: signal)
        vad.reset()
        #expect(vad.decisions(for: signal) == first)
        #expect(first.contains(true) && first.contains(false))
    }

    @Test("flite speech between silences is found, in clean and noisy versions",
          .enabled(if: SignalFixtures.fliteAvailable, "flite is not installed: skipping synthesised-speech tests"),
          arguments: [nil, 10.0])
    func synthesisedSpeech(snr: Double?) async throws {
        let speech = try await offPool { try F.speech("Turn on the kitchen lights, and set a timer for ten minutes.") }.samples
        let clean = F.silence(seconds: 1) + speech + F.silence(seconds: 1)
        var signal = clean
        if let snr {
            let speechPower = speech.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(speech.count)
            let rms = (speechPower / pow(10, snr / 10)).squareRoot() / 32767
            signal = F.add(clean, F.whiteNoise(rms: rms, seconds: Double(clean.count) / 16000 + 0.1, seed: 3))
        }
        let vad = try VoiceActivityDetector(sampleRate: 16000, frameMilliseconds: 10, aggressiveness: .aggressive)
        let decisions = vad.decisions(for: signal)

        // Truth from the clean signal: frames within 40 dB of the loudest.
        let energies = stride(from: 0, to: clean.count - 159, by: 160).map { start in
            clean[start..<start + 160].reduce(0.0) { $0 + Double($1) * Double($1) }
        }
        let loudest = energies.max() ?? 0
        let truth = energies.map { $0 > loudest * 1e-4 }
        let hits = zip(decisions, truth).filter { $0 && $1 }.count
        let recall = Double(hits) / Double(truth.filter { $0 }.count)
        let falseAlarms = zip(decisions, truth).filter { $0 && !$1 }.count
        #expect(recall > 0.85, "recall \(recall)")
        // Leading silence (after 300 ms of learning) stays quiet.
        #expect(decisions[30..<95].filter { $0 }.count <= 3)
        #expect(Double(falseAlarms) / Double(decisions.count) < 0.12, "\(falseAlarms) false alarms")
    }

    @Test("every supported rate agrees with 16 kHz on synthesised speech",
          .enabled(if: SignalFixtures.fliteAvailable, "flite is not installed: skipping synthesised-speech tests"),
          arguments: [8000, 32000, 48000])
    func ratesAgree(rate: Int) async throws {
        let speech = try await offPool { try F.speech("What is the weather like tomorrow?", voice: "awb") }
        let padded = AudioBuffer(sampleRate: 16000, samples: F.silence(seconds: 0.5) + speech.samples + F.silence(seconds: 0.5))
        let reference = try VoiceActivityDetector(sampleRate: 16000, frameMilliseconds: 30).decisions(for: padded.samples)
        let other = try VoiceActivityDetector(sampleRate: rate, frameMilliseconds: 30)
            .decisions(for: padded.resampled(to: rate).samples)
        let agreement = zip(reference, other).filter { $0 == $1 }.count
        #expect(Double(agreement) / Double(min(reference.count, other.count)) > 0.9)
        #expect(other.contains(true))
    }
}
