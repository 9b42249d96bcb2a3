import CMP3
import Foundation
import HearthBrain
import HearthRuntime

/// Speech to text for uploaded files (`POST /synapses/start/audio`): WAV of
/// any rate and channel count, or MP3, heard against the brain's orders;
/// speech that is not an order comes back as the language model's text, so
/// the API answers with what was said (and `on_order_not_found` runs).
///
/// Its decoders are its own (the microphone's pipeline keeps listening), are
/// loaded on the first upload, and serve one upload at a time. The file is
/// decoded and heard on a thread of its own rather than Swift's cooperative
/// pool.
public final class UploadTranscriber: AudioTranscriber, @unchecked Sendable {
    public let models: SpeechModels
    public let pronunciationVoice: String
    private let lock = NSLock()
    private var commands: CommandRecognizer?

    public init(models: SpeechModels = .englishUS, pronunciationVoice: String = "en-us") {
        self.models = models
        self.pronunciationVoice = pronunciationVoice
    }

    public func transcribe(file: [UInt8], brain: Brain) async throws -> String {
        let grammar = CommandGrammar(brain: brain)
        return try await DedicatedThread.run(named: "hearth.upload-stt") { [self] in
            let audio = try Self.decode(file, sampleRate: models.sampleRate)
            return try lock.withLock { try recognize(audio.samples, orders: grammar) }
        }
    }

    private func recognize(_ samples: [Int16], orders: CommandGrammar) throws -> String {
        let commands = try loaded()
        try commands.setOrders(orders)
        // Quiet on both sides, as a microphone's utterance would have.
        let padding = [Int16](repeating: 0, count: models.sampleRate / 4)
        for mode in [CommandRecognizer.Mode.orders, .freeText] {
            try commands.begin(mode)
            try commands.feed(padding[...])
            try commands.feed(samples[...])
            try commands.feed(padding[...])
            let transcript = try commands.end()
            if !transcript.rejected { return transcript.text }
        }
        return ""
    }

    private func loaded() throws -> CommandRecognizer {
        if let commands { return commands }
        do {
            let created = try CommandRecognizer(
                recognizer: SpeechRecognizer(models: models, withLanguageModel: false),
                languageModel: SpeechRecognizer(models: models), pronunciationVoice: pronunciationVoice)
            commands = created
            return created
        } catch {
            throw AudioInputError.unavailable("\(error)")
        }
    }

    /// Mono at `sampleRate`: WAV when the bytes say RIFF, MP3 otherwise.
    public static func decode(_ file: [UInt8], sampleRate: Int) throws(AudioInputError) -> AudioBuffer {
        if file.starts(with: Array("RIFF".utf8)) {
            do {
                return try WaveFile(bytes: file).audioBuffer(sampleRate: sampleRate)
            } catch {
                throw .unreadable("\(error)")
            }
        }
        var samples: UnsafeMutablePointer<Int16>?
        var count = 0
        var rate = 0
        let status = file.withUnsafeBufferPointer { hearth_mp3_decode($0.baseAddress, $0.count, &samples, &count, &rate) }
        defer { free(samples) }
        guard status == 0, let samples, count > 0 else {
            throw .unreadable(status == -1 ? "neither a WAV nor an MP3 file" : "the MP3 decoder failed")
        }
        return AudioBuffer(sampleRate: rate, samples: Array(UnsafeBufferPointer(start: samples, count: count))).resampled(to: sampleRate)
    }
}
