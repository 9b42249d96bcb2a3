import HearthBrain
import Logging

/// Where spoken text goes: the voice (espeak-ng into the speaker) on a device,
/// a log line until then or when there is no sound device.
public protocol SpeechOutput: Sendable {
    func speak(_ text: String, settings: Settings) async throws
    /// Barge-in: stop what is being spoken now.
    func stop() async
}

/// Speech that is written to the log instead of a speaker.
public struct LoggingSpeechOutput: SpeechOutput {
    let logger: Logger

    public init(logger: Logger = Logger(label: "hearth.speech")) {
        self.logger = logger
    }

    public func speak(_ text: String, settings: Settings) async throws {
        logger.info("say", metadata: ["text": "\(text)"])
    }

    public func stop() async {}
}

/// Where sound files go (the `play` neuron).
public protocol SoundOutput: Sendable {
    func play(file path: String) async throws
    func setVolume(_ change: VolumeChange) async throws -> Int
}

/// Checks the file and logs it; the voice module supplies the ALSA player.
public struct LoggingSoundOutput: SoundOutput {
    let logger: Logger
    private let volume = VolumeLevel()

    public init(logger: Logger = Logger(label: "hearth.sound")) {
        self.logger = logger
    }

    public func play(file path: String) async throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw RuntimeError.soundFile("cannot read sound file '\(path)'")
        }
        logger.info("play", metadata: ["file": "\(path)"])
    }

    public func setVolume(_ change: VolumeChange) async throws -> Int {
        volume.apply(change)
    }
}

/// A 0–100 volume kept in memory for outputs without a mixer.
final class VolumeLevel: Sendable {
    private let level = Mutex(80)

    func apply(_ change: VolumeChange) -> Int {
        level.withLock { current in
            current = change.applied(to: current)
            return current
        }
    }
}

import Foundation
import Synchronization
