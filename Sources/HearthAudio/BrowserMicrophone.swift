import Foundation
import HearthRuntime
import Logging
import Synchronization

/// The browser microphone (`WS /api/audio`): each client gets its own
/// listening pipeline, without a wake word (the page is push-to-talk), fed
/// the PCM it pushes; what it says runs as an order from `browser` and the
/// spoken answer goes back to that client only.
public final class BrowserMicrophone: RemoteMicrophone {
    public let runtime: Runtime
    public let models: SpeechModels
    public let synthesizer: SpeechSynthesizer
    let logger: Logger

    /// Nil when espeak-ng has no voices installed (no answers could be
    /// spoken); `voicesInstalled` when the caller already knows.
    public init?(runtime: Runtime, models: SpeechModels = .englishUS, synthesizer: SpeechSynthesizer,
                 voicesInstalled: Bool = SpeechSynthesizer.isInstalled,
                 logger: Logger = Logger(label: "hearth.browser-microphone")) {
        guard voicesInstalled else { return nil }
        self.runtime = runtime
        self.models = models
        self.synthesizer = synthesizer
        self.logger = logger
    }

    /// espeak-ng starts with the first session, not with the daemon: its
    /// phoneme tables and dictionary are ~0.8 MB a daemon nobody talks to
    /// need not hold. Its voices speak at 22 050 Hz, the rate given should
    /// it fail to start then, when no answer can be spoken anyway.
    public var answerSampleRate: Int { SpeechSynthesizer.nativeSampleRate ?? 22_050 }

    public func openSession(
        sampleRate: Int, send: @escaping @Sendable (RemoteMicrophoneMessage) async -> Void
    ) async throws -> any RemoteMicrophoneSession {
        let answers = RemoteAnswerSpeech(synthesizer: synthesizer, sampleRate: answerSampleRate, send: send)
        let assistant = try await VoiceAssistant(
            runtime: runtime, models: models, wakeWord: false,
            channel: .remote(source: "browser", answers: answers) { text in await send(.heard(text: text)) })
        return BrowserMicrophoneSession(
            assistant: assistant, answers: answers, inputRate: sampleRate, send: send, logger: logger)
    }
}

/// One browser's microphone: its audio is decoded on a thread of its own
/// (never on Swift's cooperative pool), which waits while the runtime acts
/// on what was heard.
final class BrowserMicrophoneSession: RemoteMicrophoneSession {
    private let inbox: PushedAudio
    private let answers: RemoteAnswerSpeech
    private let muted = Atomic(false)

    init(
        assistant: VoiceAssistant, answers: RemoteAnswerSpeech, inputRate: Int,
        send: @escaping @Sendable (RemoteMicrophoneMessage) async -> Void, logger: Logger
    ) {
        // Up to 30 s of audio waits for the decoder; older audio is dropped.
        let inbox = PushedAudio(capacity: 30 * inputRate)
        self.inbox = inbox
        self.answers = answers
        let modelRate = assistant.commands.recognizer.models.sampleRate
        let decoder = Thread {
            while let item = inbox.take() {
                do {
                    let outcomes: [VoiceOutcome]
                    switch item {
                    case .samples(let samples):
                        outcomes = try assistant.processOnThisThread(
                            MicrophoneListener.mono(samples, channels: 1, from: inputRate, to: modelRate))
                    case .endOfSpeech:
                        outcomes = try assistant.finishOnThisThread()
                    }
                    guard !outcomes.isEmpty else { continue }
                    // What arrived while Hearth answered is not a new order.
                    inbox.discardQueued()
                    let done = outcomes.compactMap { outcome in
                        outcome.response.map { RemoteMicrophoneMessage.orderDone(synapses: outcome.synapses, status: $0.status?.rawValue) }
                    }
                    if !done.isEmpty { Task { for message in done { await send(message) } } }
                } catch {
                    logger.error("browser microphone: \(error)")
                }
            }
        }
        decoder.name = "hearth.browser-microphone"
        decoder.start()
    }

    func push(_ samples: [Int16]) {
        guard !muted.load(ordering: .relaxed) else { return }
        inbox.push(.samples(samples))
    }

    func setMuted(_ muted: Bool) {
        let wasMuted = self.muted.exchange(muted, ordering: .relaxed)
        if muted, !wasMuted { inbox.push(.endOfSpeech) }
    }

    func stopAnswer() { answers.stopNow() }

    func close() async {
        answers.stopNow()
        inbox.close()
    }
}
