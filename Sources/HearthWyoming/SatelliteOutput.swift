import HearthAudio
import HearthRuntime
import Logging

/// Where Home Assistant's answers and announcements, and the satellite's
/// own short messages (a timer done, an error), are heard.
public protocol SatelliteOutput: Sendable {
    /// Plays mono audio at any rate and returns once it has played (or was
    /// stopped).
    func play(_ audio: AudioBuffer) async throws
    /// Says a short message in Hearth's voice.
    func say(_ text: String) async throws
}

/// The device's speaker, resampling to its rate and silent while Hearth is
/// muted; the log on a board without a speaker.
public struct DeviceSatelliteOutput: SatelliteOutput {
    let speaker: SpeakerOutput?
    let runtime: Runtime
    let logger: Logger

    public init(speaker: SpeakerOutput?, runtime: Runtime, logger: Logger = Logger(label: "hearth.wyoming")) {
        self.speaker = speaker
        self.runtime = runtime
        self.logger = logger
    }

    public func play(_ audio: AudioBuffer) async throws {
        guard !(await runtime.isMuted) else { return }
        guard let speaker else {
            logger.info("play", metadata: ["seconds": "\(audio.duration)"])
            return
        }
        try await speaker.play(audio.resampled(to: speaker.playback.granted.sampleRate).samples)
    }

    public func say(_ text: String) async throws {
        guard !(await runtime.isMuted) else { return }
        guard let speaker else {
            logger.info("say", metadata: ["text": "\(text)"])
            return
        }
        try await speaker.speak(text, settings: await runtime.settings)
    }
}
