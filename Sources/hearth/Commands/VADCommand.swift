import ArgumentParser
import HearthAudio

/// `hearth vad`: runs the voice-activity detector over a WAV file, after
/// converting it to mono 16 kHz, and prints one decision per frame.
struct VADCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vad",
        abstract: "Detect speech in a WAV file, one decision per frame.",
        discussion: """
            The file is converted to mono 16 kHz first (any WAV Hearth reads: \
            PCM 8/16/24/32-bit or float32, any rate and channel count). \
            With --json prints {"frame_ms": 10, "speech": [0, 1, ...]}.
            """)

    /// The detector's analysis rate; input of any rate is converted to it.
    static let analysisRate = 16000

    @Option(name: .long, help: "WAV file to analyse.")
    var input: String

    @Option(name: .long, help: "Aggressiveness, 0 (keeps most speech) to 3 (rejects most noise).")
    var mode: Int = 2

    @Option(name: .customLong("frame-ms"), help: "Frame length in milliseconds: 10, 20 or 30.")
    var frameMilliseconds: Int = 10

    @Flag(name: .long, help: "Print JSON instead of speech segments.")
    var json = false

    func validate() throws {
        guard (0...3).contains(mode) else { throw ValidationError("--mode must be 0, 1, 2 or 3 (got \(mode))") }
        guard VoiceActivityDetector.supportedFrameDurations.contains(frameMilliseconds) else {
            throw ValidationError("--frame-ms must be 10, 20 or 30 (got \(frameMilliseconds))")
        }
    }

    func run() throws {
        let audio: AudioBuffer
        do {
            audio = try WaveFile(contentsOfFile: input).audioBuffer(sampleRate: Self.analysisRate)
        } catch {
            // Not a usage mistake, so no usage text: just what is wrong with the file.
            throw InputError(message: "\(input): \(error)")
        }
        let detector = try VoiceActivityDetector(
            sampleRate: Self.analysisRate, frameMilliseconds: frameMilliseconds,
            aggressiveness: VoiceActivityDetector.Aggressiveness(rawValue: mode)!)
        let decisions = detector.decisions(for: audio.samples)
        if json {
            print(Self.json(frameMilliseconds: frameMilliseconds, decisions: decisions))
        } else {
            print(Self.segments(frameMilliseconds: frameMilliseconds, decisions: decisions))
        }
    }

    struct InputError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    static func json(frameMilliseconds: Int, decisions: [Bool]) -> String {
        let flags = decisions.map { $0 ? "1" : "0" }.joined(separator: ", ")
        return "{\"frame_ms\": \(frameMilliseconds), \"speech\": [\(flags)]}"
    }

    /// "speech 0.52-1.83 s" lines, or a note that none was found.
    static func segments(frameMilliseconds: Int, decisions: [Bool]) -> String {
        var lines: [String] = []
        var start: Int?
        for (index, isSpeech) in (decisions + [false]).enumerated() {
            if isSpeech, start == nil { start = index }
            if !isSpeech, let first = start {
                lines.append("speech \(seconds(first * frameMilliseconds))-\(seconds(index * frameMilliseconds)) s")
                start = nil
            }
        }
        return lines.isEmpty ? "no speech in \(decisions.count) frames" : lines.joined(separator: "\n")
    }

    private static func seconds(_ milliseconds: Int) -> String {
        let hundredths = (milliseconds + 5) / 10
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
