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
        let runtime = Runtime(
            brain: loaded.brain, settings: loaded.settings,
            configuration: RuntimeConfiguration(neurons: CoreNeurons.registry, baseDirectory: loaded.baseDirectory, terminate: {}))
        let assistant = try await VoiceAssistant(runtime: runtime, models: models, wakeWord: !noWake)
        // 20 ms at a time, as capture delivers it.
        let chunk = models.sampleRate / 50
        var outcomes: [VoiceOutcome] = []
        var offset = 0
        while offset < audio.samples.count {
            let end = min(audio.samples.count, offset + chunk)
            outcomes += try await assistant.process(Array(audio.samples[offset..<end]))
            offset = end
        }
        outcomes += try await assistant.finish()
        if json {
            print(JSON.encode(Self.report(wake: assistant.wakeTimes, outcomes: outcomes)))
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

    static func report(wake: [Double], outcomes: [VoiceOutcome]) -> Value {
        .map([
            "wake": .list(wake.map { .map(["time": .double(rounded($0))]) }),
            "utterances": .list(outcomes.map { outcome in
                .map([
                    "start": .double(rounded(outcome.utterance.start)),
                    "end": .double(rounded(outcome.utterance.end)),
                    "text": .string(outcome.utterance.transcript.text),
                    "rejected": .bool(outcome.utterance.transcript.rejected),
                    "synapses": .list(outcome.synapses.map(Value.string)),
                    "parameters": .map(outcome.parameters.mapValues(Value.string)),
                ])
            }),
        ])
    }

    static func rounded(_ seconds: Double) -> Double { (seconds * 100).rounded() / 100 }
}
