import Foundation
import HearthBrain
import Testing
@testable import HearthAudio

/// One at a time: espeak-ng is one engine per process, and tests waiting
/// for it would hold threads of the cooperative pool.
@Suite(.serialized) struct SpeechSynthesisTests {
    @Test func speaksAtTheRequestedRate() throws {
        let synthesizer = SpeechSynthesizer(cacheDirectory: nil)
        let audio = try synthesizer.synthesize("Hello there", voice: VoiceSettings(), sampleRate: 16000)
        #expect(audio.sampleRate == 16000)
        #expect(audio.duration > 0.3 && audio.duration < 3)
        #expect(audio.samples.contains { abs(Int($0)) > 1000 })
    }

    @Test func rateAndVolumeChangeTheSpeech() throws {
        let synthesizer = SpeechSynthesizer(cacheDirectory: nil)
        let normal = try synthesizer.synthesize("one two three four", voice: VoiceSettings(rate: 160), sampleRate: 16000)
        let fast = try synthesizer.synthesize("one two three four", voice: VoiceSettings(rate: 320), sampleRate: 16000)
        let quiet = try synthesizer.synthesize("one two three four", voice: VoiceSettings(volume: 20), sampleRate: 16000)
        #expect(fast.duration < normal.duration * 0.75)
        #expect(quiet.samples.map { abs(Int($0)) }.max()! < normal.samples.map { abs(Int($0)) }.max()! / 2)
    }

    @Test func theCacheKeepsOneFilePerTextAndVoice() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-tts-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let synthesizer = SpeechSynthesizer(cacheDirectory: directory)
        let first = try synthesizer.synthesize("cached words", voice: VoiceSettings(), sampleRate: 16000)
        let key = SpeechCache.Key(text: "cached words", voice: VoiceSettings(), sampleRate: 16000)
        #expect(FileManager.default.fileExists(atPath: synthesizer.cache!.path(for: key)))
        #expect(try synthesizer.synthesize("cached words", voice: VoiceSettings(), sampleRate: 16000) == first)
        _ = try synthesizer.synthesize("cached words", voice: VoiceSettings(pitch: 80), sampleRate: 16000)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).count == 2)
    }

    @Test func anUnknownVoiceIsAClearError() {
        #expect(throws: SpeechSynthesisError.unknownVoice("xx-nowhere")) {
            try SpeechSynthesizer(cacheDirectory: nil).synthesize("hi", voice: VoiceSettings(voice: "xx-nowhere"), sampleRate: 16000)
        }
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
