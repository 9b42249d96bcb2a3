import Foundation
import HearthBrain
import HearthRuntime
import Synchronization

/// The speaker: speech (espeak-ng) and sound files through one ALSA
/// playback stream. Its volume is the card's mixer control when there is
/// one, else a gain applied to the samples.
///
/// Each clip is written from its own thread, one period at a time, because
/// `ALSAPlayback` writers block and audio never runs on Swift's cooperative
/// pool. `stop()` (barge-in) bumps a generation under the same lock the
/// writer holds while it queues a period, then flushes the stream: at most
/// the period being queued at that instant can still sound.
public final class SpeakerOutput: SpeechOutput, SoundOutput {
    public let playback: ALSAPlayback
    public let synthesizer: SpeechSynthesizer
    /// The hardware volume; nil means the software gain does the work.
    public let mixer: ALSAMixer?
    private let generation = Mutex(0)
    private let level: Mutex<Int>
    private let clipStarted = Mutex<ContinuousClock.Instant?>(nil)
    /// How long a clip may wait for room in the ring before giving up.
    private let stallTimeout: Duration = .seconds(5)

    public init(playback: ALSAPlayback, synthesizer: SpeechSynthesizer, volume: Int = 100, mixer: ALSAMixer? = nil) throws {
        self.playback = playback
        self.synthesizer = synthesizer
        self.mixer = mixer
        self.level = Mutex(min(100, max(0, volume)))
        try playback.start()
    }

    /// Opens `device` (e.g. settings' `audio.playback_device`) for mono at `sampleRate`.
    public convenience init(device: String, sampleRate: Int, cacheDirectory: String?) throws {
        let playback = try ALSAPlayback(ALSAStreamRequest(device: device, sampleRate: sampleRate, channels: 1))
        try self.init(playback: playback, synthesizer: SpeechSynthesizer(cacheDirectory: cacheDirectory))
    }

    public func speak(_ text: String, settings: Settings) async throws {
        let audio = try await synthesizer.synthesize(text, voice: VoiceSettings(settings: settings), sampleRate: playback.granted.sampleRate)
        try await play(audio.samples)
    }

    public func stop() async {
        stopNow()
    }

    /// Barge-in from any thread (the button, the API).
    public func stopNow() {
        generation.withLock { $0 += 1 }
        try? playback.flush()
    }

    public func play(file path: String) async throws {
        let file: WaveFile
        do {
            file = try WaveFile(contentsOfFile: path)
        } catch {
            throw RuntimeError.soundFile("cannot play '\(path)': \(error)")
        }
        try await play(file.audioBuffer(sampleRate: playback.granted.sampleRate).samples)
    }

    /// Changes the mixer control (reading it first, as someone may have
    /// turned it with alsamixer), or the software gain without one.
    public func setVolume(_ change: VolumeChange) async throws -> Int {
        if let mixer {
            try mixer.setVolume(change.applied(to: try mixer.volume()))
            return try mixer.volume()
        }
        return level.withLock { current in
            current = change.applied(to: current)
            return current
        }
    }

    /// The software gain, 0–100 (100 while a mixer sets the volume).
    public var volume: Int { level.withLock { $0 } }

    /// When the latest clip's first samples were queued for the device
    /// (what `hearth listen` measures answer latency to).
    public var lastClipStarted: ContinuousClock.Instant? { clipStarted.withLock { $0 } }

    /// Queues `samples` (mono, at the device rate) and returns once they
    /// have played or were stopped.
    public func play(_ samples: [Int16]) async throws {
        let mine = generation.withLock { $0 }
        let frames = scaled(samples)
        try await DedicatedThread.run(named: "hearth.speaker") { [self] in try write(frames, generation: mine) }
    }

    private func write(_ samples: [Int16], generation mine: Int) throws {
        let period = max(1, playback.granted.periodFrames) * playback.granted.channels
        var offset = 0
        var deadline = ContinuousClock.now + stallTimeout
        while offset < samples.count {
            let end = min(samples.count, offset + period)
            let written: Int? = generation.withLock { current in
                current == mine ? playback.write(samples[offset..<end]) : nil
            }
            guard let written else { return }
            if written > 0 {
                if offset == 0 { clipStarted.withLock { $0 = .now } }
                offset += written
                deadline = ContinuousClock.now + stallTimeout
            } else {
                guard ContinuousClock.now < deadline else {
                    throw ALSAError.timedOut("speaker stalled (\(offset) of \(samples.count) samples queued)")
                }
                Thread.sleep(forTimeInterval: pollInterval)
            }
        }
        while generation.withLock({ $0 == mine }) {
            if try playback.waitUntilPlayed(timeout: .milliseconds(20)) { return }
        }
    }

    private var pollInterval: TimeInterval {
        Double(playback.granted.periodFrames) / Double(playback.granted.sampleRate) / 4
    }

    /// Applies the volume and spreads mono over the device's channels.
    private func scaled(_ samples: [Int16]) -> [Int16] {
        let gain = Float(volume) / 100
        let channels = playback.granted.channels
        var out: [Int16] = []
        out.reserveCapacity(samples.count * channels)
        for sample in samples {
            let value = Int16(clamping: Int((Float(sample) * gain).rounded()))
            for _ in 0..<channels { out.append(value) }
        }
        return out
    }
}
