import HearthAudio
import HearthBrain
import HearthRuntime
import Logging
import ServiceLifecycle
import Synchronization

/// The daemon's sound devices: the speaker (speech and sound files) and the
/// microphone (wake word, orders). A board without them still serves REST:
/// what is missing is said once in the log, and speech goes to the log.
enum VoiceDevices {
    /// The speaker named by `audio.playback_device`, or nil (logged) when it
    /// cannot be opened.
    static func speaker(settings: Settings, logger: Logger) -> SpeakerOutput? {
        do {
            let playback = try ALSAPlayback(
                ALSAStreamRequest(device: settings.audio.playbackDevice, sampleRate: settings.audio.sampleRate, channels: 1))
            return try SpeakerOutput(
                playback: playback, synthesizer: SpeechSynthesizer(cacheDirectory: settings.cachePath),
                mixer: mixer(settings: settings, logger: logger))
        } catch {
            logger.warning("no speaker: speech goes to the log (\(error))", metadata: ["device": "\(settings.audio.playbackDevice)"])
            return nil
        }
    }

    /// The volume control, or nil (with one line saying why) when the
    /// software gain has to do.
    static func mixer(settings: Settings, logger: Logger) -> ALSAMixer? {
        let card = settings.audio.mixerCard ?? ALSAMixer.card(forPlaybackDevice: settings.audio.playbackDevice)
        do {
            let mixer = try ALSAMixer(card: card, control: settings.audio.mixerControl)
            logger.info("volume: mixer control", metadata: ["card": "\(card)", "control": "\(mixer.control)"])
            return mixer
        } catch {
            logger.notice("volume: software gain, no mixer control (\(error))", metadata: ["card": "\(card)"])
            return nil
        }
    }
}

/// The microphone's assistant once it listens, for the button's short press.
final class ListeningControl: Sendable {
    private let assistant = Mutex<VoiceAssistant?>(nil)

    func attach(_ listening: VoiceAssistant) { assistant.withLock { $0 = listening } }

    /// Starts listening for an order without the wake word; false when
    /// there is no microphone.
    func listenNow() -> Bool {
        guard let listening = assistant.withLock({ $0 }) else { return false }
        listening.listenNow()
        return true
    }
}

/// Listens on `audio.capture_device` for the daemon's lifetime, with the
/// speech models of the runtime's language: when the language changes, the
/// listener stops and starts again with the new language's models.
struct MicrophoneService: Service {
    let runtime: Runtime
    let languages: [InstalledLanguage]
    let control: ListeningControl
    let logger: Logger
    /// Who else may hear what is said after the wake word (the Wyoming satellite).
    var relay: (any UtteranceRelay)?

    func run() async throws {
        let settings = await runtime.settings
        let capture: ALSACapture
        do {
            capture = try ALSACapture(ALSAStreamRequest(device: settings.audio.captureDevice, sampleRate: settings.audio.sampleRate))
        } catch {
            logger.warning("no microphone: not listening, REST keeps serving (\(error))", metadata: ["device": "\(settings.audio.captureDevice)"])
            try? await gracefulShutdown()
            return
        }
        let current = Mutex<MicrophoneListener?>(nil)
        let stopping = Atomic(false)
        let changes = runtime.events.subscribe(to: [.languageChanged])
        let follower = Task {
            for await _ in changes {
                current.withLock { $0?.stop() }
            }
        }
        defer { follower.cancel() }
        await withGracefulShutdownHandler {
            while !stopping.load(ordering: .relaxed) {
                let language = await runtime.settings.language
                let listener: MicrophoneListener
                do {
                    let assistant = try await VoiceAssistant(runtime: runtime, models: models(for: language))
                    assistant.pipeline.relay = relay
                    control.attach(assistant)
                    listener = MicrophoneListener(capture: capture, assistant: assistant)
                } catch {
                    logger.error("microphone stopped: the models for '\(language)' cannot be used (\(error))")
                    try? await gracefulShutdown()
                    return
                }
                current.withLock { $0 = listener }
                if stopping.load(ordering: .relaxed) { return }
                let keyphrase = WakeWordSettings(settings: await runtime.settings).keyphrase
                logger.notice("listening", metadata: ["wake_word": "\(keyphrase)", "language": "\(language)"])
                do {
                    _ = try await listener.run()
                } catch {
                    logger.error("microphone stopped: \(error)")
                    try? await gracefulShutdown()
                    return
                }
            }
        } onGracefulShutdown: {
            stopping.store(true, ordering: .relaxed)
            current.withLock { $0?.stop() }
        }
    }

    /// The installed models of `language`; English's when it has none.
    private func models(for language: String) -> SpeechModels {
        languages.first { $0.code == language }?.models ?? .englishUS
    }
}
