import Foundation
import HearthAudio

/// Test speech, synthesised with flite (its voices are ones pocketsphinx
/// recognises reliably) at 16 kHz mono.
enum SpeechFixtures {
    static let rate = 16000

    struct FliteFailed: Error, CustomStringConvertible {
        let description: String
    }

    static func say(_ text: String, voice: String = "slt") throws -> [Int16] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-flite-\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: file) }
        let flite = Process()
        flite.executableURL = URL(fileURLWithPath: "/usr/bin/flite")
        flite.arguments = ["-voice", voice, "-t", text, "-o", file.path]
        try flite.run()
        flite.waitUntilExit()
        guard flite.terminationStatus == 0 else { throw FliteFailed(description: "flite failed on '\(text)'") }
        return try WaveFile(contentsOfFile: file.path).audioBuffer(sampleRate: rate).samples
    }

    static func silence(_ seconds: Double) -> [Int16] { [Int16](repeating: 0, count: Int(seconds * Double(rate))) }

    /// The grammar and wake word decoder, as the device has it.
    static func recognizer() throws -> SpeechRecognizer { try SpeechRecognizer(models: .englishUS, withLanguageModel: false) }

    /// The free-text decoder beside it.
    static func languageModel() throws -> SpeechRecognizer { try SpeechRecognizer(models: .englishUS) }
}
