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
            return try SpeakerOutput(
                device: settings.audio.playbackDevice, sampleRate: settings.audio.sampleRate, cacheDirectory: settings.cachePath)
        } catch {
            logger.warning("no speaker: speech goes to the log (\(error))", metadata: ["device": "\(settings.audio.playbackDevice)"])
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

/// Listens on `audio.capture_device` for the daemon's lifetime.
struct MicrophoneService: Service {
    let runtime: Runtime
    let control: ListeningControl
    let logger: Logger

    func run() async throws {
        let settings = await runtime.settings
        let listener: MicrophoneListener
        do {
            let capture = try ALSACapture(ALSAStreamRequest(device: settings.audio.captureDevice, sampleRate: settings.audio.sampleRate))
            listener = MicrophoneListener(capture: capture, assistant: try await VoiceAssistant(runtime: runtime))
        } catch {
            logger.warning("no microphone: not listening, REST keeps serving (\(error))", metadata: ["device": "\(settings.audio.captureDevice)"])
            try? await gracefulShutdown()
            return
        }
        control.attach(listener.assistant)
        logger.notice("listening", metadata: ["wake_word": "\(WakeWordSettings(settings: settings).keyphrase)"])
        try await withGracefulShutdownHandler {
            do {
                _ = try await listener.run()
            } catch {
                logger.error("microphone stopped: \(error)")
                try? await gracefulShutdown()
            }
        } onGracefulShutdown: {
            listener.stop()
        }
    }
}
