import HearthAudio
import HearthBrain
import HearthRuntime
import Logging
import ServiceLifecycle

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

/// Listens on `audio.capture_device` for the daemon's lifetime.
struct MicrophoneService: Service {
    let runtime: Runtime
    let logger: Logger
    /// Who else may hear what is said after the wake word (the Wyoming satellite).
    var relay: (any UtteranceRelay)?

    func run() async throws {
        let settings = await runtime.settings
        let listener: MicrophoneListener
        do {
            let capture = try ALSACapture(ALSAStreamRequest(device: settings.audio.captureDevice, sampleRate: settings.audio.sampleRate))
            let assistant = try await VoiceAssistant(runtime: runtime)
            assistant.pipeline.relay = relay
            listener = MicrophoneListener(capture: capture, assistant: assistant)
        } catch {
            logger.warning("no microphone: not listening, REST keeps serving (\(error))", metadata: ["device": "\(settings.audio.captureDevice)"])
            try? await gracefulShutdown()
            return
        }
        logger.notice("listening", metadata: ["wake_word": "\(WakeWordSettings(settings: settings).keyphrase)"])
        await withGracefulShutdownHandler {
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
