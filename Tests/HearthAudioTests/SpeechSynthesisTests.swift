import Foundation
import HearthBrain
import Testing
@testable import HearthAudio

/// One at a time: espeak-ng is one engine per process. The tests go through
/// the async `synthesize`, which renders on a thread of its own.
@Suite(.serialized) struct SpeechSynthesisTests {
    @Test func speaksAtTheRequestedRate() async throws {
        let synthesizer = SpeechSynthesizer(cacheDirectory: nil)
        let audio = try await synthesizer.synthesize("Hello there", voice: VoiceSettings(), sampleRate: 16000)
        #expect(audio.sampleRate == 16000)
        #expect(audio.duration > 0.3 && audio.duration < 3)
        #expect(audio.samples.contains { abs(Int($0)) > 1000 })
    }

    @Test func rateAndVolumeChangeTheSpeech() async throws {
        let synthesizer = SpeechSynthesizer(cacheDirectory: nil)
        let normal = try await synthesizer.synthesize("one two three four", voice: VoiceSettings(rate: 160), sampleRate: 16000)
        let fast = try await synthesizer.synthesize("one two three four", voice: VoiceSettings(rate: 320), sampleRate: 16000)
        let quiet = try await synthesizer.synthesize("one two three four", voice: VoiceSettings(volume: 20), sampleRate: 16000)
        #expect(fast.duration < normal.duration * 0.75)
        #expect(quiet.samples.map { abs(Int($0)) }.max()! < normal.samples.map { abs(Int($0)) }.max()! / 2)
    }

    @Test func theCacheKeepsOneFilePerTextAndVoice() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-tts-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let synthesizer = SpeechSynthesizer(cacheDirectory: directory)
        let first = try await synthesizer.synthesize("cached words", voice: VoiceSettings(), sampleRate: 16000)
        let key = SpeechCache.Key(text: "cached words", voice: VoiceSettings(), sampleRate: 16000)
        #expect(FileManager.default.fileExists(atPath: synthesizer.cache!.path(for: key)))
        #expect(try await synthesizer.synthesize("cached words", voice: VoiceSettings(), sampleRate: 16000) == first)
        _ = try await synthesizer.synthesize("cached words", voice: VoiceSettings(pitch: 80), sampleRate: 16000)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).count == 2)
    }

    @Test func anUnknownVoiceIsAClearError() async {
        await #expect(throws: SpeechSynthesisError.unknownVoice("xx-nowhere")) {
            try await SpeechSynthesizer(cacheDirectory: nil).synthesize("hi", voice: VoiceSettings(voice: "xx-nowhere"), sampleRate: 16000)
        }
    }

    /// More new sentences than the pool has threads, all waiting for a busy
    /// engine: rendered on the pool they would hold every thread, and the
    /// task that frees the engine could never run.
    @Test func aNewSentenceLeavesTheCooperativePoolFree() async throws {
        let synthesizer = SpeechSynthesizer(cacheDirectory: nil)
        let engine = try await BusyEngine.hold()
        let syntheses = (0...ProcessInfo.processInfo.activeProcessorCount).map { number in
            Task { try await synthesizer.synthesize("Sentence \(number) waits for the engine", voice: VoiceSettings(), sampleRate: 16000) }
        }
        // Another task on the pool runs while every synthesis waits, and frees the engine.
        await Task { engine.release() }.value
        for synthesis in syntheses { #expect(try await !synthesis.value.samples.isEmpty) }
        #expect(!engine.gaveUp)
    }

    @Test func aCachedAnswerDoesNotWaitForTheEngine() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-tts-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let synthesizer = SpeechSynthesizer(cacheDirectory: directory)
        let first = try await synthesizer.synthesize("cached answer", voice: VoiceSettings(), sampleRate: 16000)
        let engine = try await BusyEngine.hold()
        let cached = try await synthesizer.synthesize("cached answer", voice: VoiceSettings(), sampleRate: 16000)
        engine.release()
        #expect(cached == first)
        #expect(!engine.gaveUp)
    }

    @Test func voiceSettingsComeFromTheTextToSpeechEngine() throws {
        let settings = try SettingsLoader.load(text: """
            default_text_to_speech: "espeak"
            text_to_speech:
              - espeak:
                  voice: "en-gb"
                  rate: 999
                  pitch: 30
            """, name: "test").settings
        #expect(VoiceSettings(settings: settings) == VoiceSettings(voice: "en-gb", rate: 450, pitch: 30, volume: 100))
    }
}
