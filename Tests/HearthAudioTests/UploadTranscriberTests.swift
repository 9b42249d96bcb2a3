import Foundation
import HearthBrain
import HearthRuntime
import HearthTestSupport
import Testing
@testable import HearthAudio

/// Uploaded recordings (`POST /synapses/start/audio`): WAV of any rate and
/// channel count, MP3, and bytes that are neither.
@Suite(.serialized) struct UploadTranscriberTests {
    /// One set of decoders for the suite, as a daemon has (loading them is
    /// most of each test's cost).
    static let transcriber = UploadTranscriber()

    static let brain = try! BrainLoader.load(text: """
        - name: "lights-on"
          signals:
            - order: "turn on the kitchen lights"
          neurons:
            - say:
                message: "on"
        """, name: "test").brain

    /// flite's speech as a file in `format` (sox's output options).
    func recording(_ text: String, _ format: [String], suffix: String) async throws -> [UInt8] {
        try await offPool { try Self.convert(text, format, suffix: suffix) }
    }

    static func convert(_ text: String, _ format: [String], suffix: String) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let speech = directory.appendingPathComponent("speech.wav").path
        let target = directory.appendingPathComponent("upload.\(suffix)").path
        try FileManager.default.createFile(atPath: speech, contents: Data(
            WaveFile.encode(samples: SpeechFixtures.say(text, voice: "awb"), sampleRate: SpeechFixtures.rate)))
        let converter = Process()
        if suffix == "mp3" {
            converter.executableURL = URL(fileURLWithPath: "/usr/bin/lame")
            converter.arguments = ["--quiet", "-b", "64", speech, target]
        } else {
            converter.executableURL = URL(fileURLWithPath: "/usr/bin/sox")
            converter.arguments = [speech] + format + [target]
        }
        try converter.run()
        converter.waitUntilExit()
        return Array(try Data(contentsOf: URL(fileURLWithPath: target)))
    }

    @Test func aStereoWaveAtAnotherRateIsHeard() async throws {
        let file = try await recording("turn on the kitchen lights", ["-r", "44100", "-c", "2", "-b", "24"], suffix: "wav")
        #expect(try await Self.transcriber.transcribe(file: file, brain: Self.brain) == "turn on the kitchen lights")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/lame")))
    func anMP3IsHeard() async throws {
        let file = try await recording("turn on the kitchen lights", [], suffix: "mp3")
        #expect(try await Self.transcriber.transcribe(file: file, brain: Self.brain) == "turn on the kitchen lights")
    }

    @Test func speechThatIsNotAnOrderComesBackAsFreeText() async throws {
        let file = try await recording("what time is it", ["-r", "16000"], suffix: "wav")
        #expect(try await Self.transcriber.transcribe(file: file, brain: Self.brain) == "what time is it")
    }

    @Test func bytesThatAreNotAudioAreUnreadable() async throws {
        await #expect(throws: AudioInputError.self) {
            try await Self.transcriber.transcribe(file: Array("RIFF but no more".utf8), brain: Self.brain)
        }
        await #expect(throws: AudioInputError.self) {
            try await Self.transcriber.transcribe(file: Array(repeating: 0x41, count: 5000), brain: Self.brain)
        }
    }
}
