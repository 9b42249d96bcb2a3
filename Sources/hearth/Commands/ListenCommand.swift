import ArgumentParser
import Foundation
import HearthAudio
import HearthBrain
import HearthNeurons
import HearthRuntime

/// `hearth listen --input file.wav`: the whole voice pipeline over a file,
/// as the microphone would hear it: wake word, utterance, speech to text,
/// and the orders run against the brain (speech goes to the log).
struct ListenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listen",
        abstract: "Run the listening pipeline over a WAV file and run the orders it hears.",
        discussion: """
            With --json prints {"wake": [{"time": s}], "utterances": [{"start", "end", "text", \
            "rejected", "synapses", "parameters"}]}.
            """)

    @Option(name: .long, help: "WAV file to listen to (any rate and channel count).")
    var input: String

    @OptionGroup var options: BrainOptions

    @Flag(name: .long, help: "Treat every utterance as an order, without the wake word.")
    var noWake = false

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @Option(name: .long, help: """
        Speak answers on this ALSA device ("null" discards them) instead of the log, and report \
        each answer's latency: from the end of speech to its first sample queued for the device.
        """)
    var speaker: String?

    func run() async throws {
        options.bootstrapLogging()
        let loaded = try options.load()
        let models = SpeechModels.englishUS
        let audio: AudioBuffer
        do {
            audio = try WaveFile(contentsOfFile: input).audioBuffer(sampleRate: models.sampleRate)
        } catch {
            throw VADCommand.InputError(message: "\(input): \(error)")
        }
        let output = try speaker.map { device in
            // No cache: the latency includes synthesis, as for a new answer.
            try SpeakerOutput(device: device, sampleRate: loaded.settings.audio.sampleRate, cacheDirectory: nil)
        }
        var configuration = RuntimeConfiguration(neurons: CoreNeurons.registry, baseDirectory: loaded.baseDirectory, terminate: {})
        if let output {
            configuration.speech = output
            configuration.sound = output
        }
        let runtime = Runtime(brain: loaded.brain, settings: loaded.settings, configuration: configuration)
        let assistant = try await VoiceAssistant(runtime: runtime, models: models, wakeWord: !noWake)
        // 20 ms at a time, as capture delivers it.
        let chunk = models.sampleRate / 50
        var outcomes: [VoiceOutcome] = []
        var offset = 0
        var latencies: [Int: Double] = [:]
        while offset < audio.samples.count {
            let end = min(audio.samples.count, offset + chunk)
            for outcome in try await assistant.process(Array(audio.samples[offset..<end])) {
                latencies[outcomes.count] = output.flatMap { Self.latency(of: outcome, speaker: $0) }
                outcomes.append(outcome)
            }
            offset = end
        }
        outcomes += try await assistant.finish()
        if json {
            print(JSON.encode(Self.report(wake: assistant.wakeTimes, outcomes: outcomes, latencies: latencies)))
        } else {
            for time in assistant.wakeTimes { print("wake at \(Self.rounded(time)) s") }
            for outcome in outcomes {
                let heard = outcome.utterance
                let what = heard.transcript.rejected ? "(rejected)" : "\"\(heard.transcript.text)\""
                let ran = outcome.synapses.isEmpty ? "" : " -> \(outcome.synapses.joined(separator: ", "))"
                print("\(Self.rounded(heard.start))-\(Self.rounded(heard.end)) s \(what)\(ran)")
            }
        }
    }

    /// Seconds from the end of speech to the answer's first sample, as a
    /// microphone would live it: the silence waited for in the audio, plus
    /// the processing time measured here.
    static func latency(of outcome: VoiceOutcome, speaker: SpeakerOutput) -> Double? {
        guard outcome.response?.spokenMessages.isEmpty == false, let started = speaker.lastClipStarted,
              started > outcome.received
        else { return nil }
        let (seconds, attoseconds) = (started - outcome.received).components
        return outcome.utterance.decided - outcome.utterance.end + Double(seconds) + Double(attoseconds) / 1e18
    }

    static func report(wake: [Double], outcomes: [VoiceOutcome], latencies: [Int: Double]) -> Value {
        .map([
            "wake": .list(wake.map { .map(["time": .double(rounded($0))]) }),
            "utterances": .list(outcomes.enumerated().map { index, outcome in
                var entry: [String: Value] = [
                    "start": .double(rounded(outcome.utterance.start)),
                    "end": .double(rounded(outcome.utterance.end)),
                    "text": .string(outcome.utterance.transcript.text),
                    "rejected": .bool(outcome.utterance.transcript.rejected),
                    "synapses": .list(outcome.synapses.map(Value.string)),
                    "parameters": .map(outcome.parameters.mapValues(Value.string)),
                ]
                if let latency = latencies[index] { entry["latency_ms"] = .int(Int((latency * 1000).rounded())) }
                return .map(entry)
            }),
        ])
    }

    static func rounded(_ seconds: Double) -> Double { (seconds * 100).rounded() / 100 }
}
