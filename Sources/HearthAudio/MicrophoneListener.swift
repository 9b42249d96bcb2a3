import Foundation
import HearthRuntime
import Synchronization

/// The microphone feeding the voice assistant: a thread of its own takes
/// periods from the capture ring, converts them to mono at the models' rate
/// and decodes them (blocking reads and decoding stay off Swift's
/// cooperative pool); it waits while the runtime acts on an order.
public final class MicrophoneListener: Sendable {
    public let capture: ALSACapture
    public let assistant: VoiceAssistant
    private let stopped = Atomic(false)

    public init(capture: ALSACapture, assistant: VoiceAssistant) {
        self.capture = capture
        self.assistant = assistant
    }

    /// Listens until `stop()`, a capture failure, or (for tests and files
    /// played through ALSA) `frameLimit` frames; returns what it heard.
    public func run(frameLimit: Int? = nil) async throws -> [VoiceOutcome] {
        let granted = capture.granted
        let targetRate = assistant.commands.recognizer.models.sampleRate
        try capture.start()
        defer { capture.stop() }
        return try await DedicatedThread.run(named: "hearth.microphone") { [self] in
            var outcomes: [VoiceOutcome] = []
            var remaining = frameLimit ?? .max
            while !stopped.load(ordering: .relaxed), remaining > 0 {
                let frames = min(remaining, granted.periodFrames)
                let interleaved = try capture.read(frames: frames, timeout: .seconds(2))
                remaining -= frames
                let mono = Self.mono(interleaved, channels: granted.channels, from: granted.sampleRate, to: targetRate)
                outcomes += try assistant.processOnThisThread(mono)
            }
            return outcomes
        }
    }

    public func stop() { stopped.store(true, ordering: .relaxed) }

    /// Channels averaged, then converted to the models' rate.
    static func mono(_ interleaved: [Int16], channels: Int, from rate: Int, to target: Int) -> [Int16] {
        var mono = interleaved
        if channels > 1 {
            mono = stride(from: 0, to: interleaved.count - channels + 1, by: channels).map { start in
                var sum = 0
                for channel in 0..<channels { sum += Int(interleaved[start + channel]) }
                return Int16(sum / channels)
            }
        }
        return rate == target ? mono : AudioBuffer(sampleRate: rate, samples: mono).resampled(to: target).samples
    }
}
