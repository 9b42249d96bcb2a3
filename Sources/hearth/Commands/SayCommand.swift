import ArgumentParser
import Foundation
import HearthAudio

/// `hearth say "text" --output out.wav`: speaks with the settings' voice
/// into a WAV file at the device's rate (through the speech cache).
struct SayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "say",
        abstract: "Speak text with espeak-ng into a WAV file.",
        discussion: """
            Uses the voice, rate, pitch and volume of the settings' text_to_speech engine, \
            the sample rate of settings' audio section, and caches the result under cache_path.
            """)

    @Argument(help: "What to say.")
    var text: String

    @Option(name: .long, help: "WAV file to write.")
    var output: String

    @OptionGroup var options: BrainOptions

    @Flag(name: .long, help: "Do not read or write the speech cache.")
    var noCache = false

    func run() throws {
        options.bootstrapLogging()
        let settings = try options.load().settings
        let synthesizer = SpeechSynthesizer(cacheDirectory: noCache ? nil : settings.cachePath)
        let audio = try synthesizer.synthesize(text, voice: VoiceSettings(settings: settings), sampleRate: settings.audio.sampleRate)
        guard FileManager.default.createFile(atPath: output, contents: Data(try audio.waveBytes())) else {
            throw VADCommand.InputError(message: "cannot write '\(output)'")
        }
    }
}
