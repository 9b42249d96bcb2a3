import Foundation
import Synchronization

/// The microphone feeding the voice assistant: a thread takes periods from
/// the capture ring (blocking reads stay off Swift's cooperative pool) and
/// hands them, as mono at the models' rate, to a task that runs the
/// pipeline and the orders it hears.
public final class MicrophoneListener: Sendable {
    public let capture: ALSACapture
    public let assistant: VoiceAssistant
    private let stopped = Atomic(false)

    public init(capture: ALSACapture, assistant: VoiceAssistant) {
        self.capture = capture
        self.assistant = assistant
    }

    /// Listens until `stop()`, a capture failure, or (for tests and files
    /// played through ALSA) `frameLimit` frames. What it hears runs through
    /// `assistant`; the outcomes are returned at the end.
    public func run(frameLimit: Int? = nil) async throws -> [VoiceOutcome] {
        let granted = capture.granted
        let targetRate = assistant.commands.recognizer.models.sampleRate
        let (chunks, continuation) = AsyncThrowingStream<[Int16], Error>.makeStream(bufferingPolicy: .unbounded)
        try capture.start()
        let reader = Thread { [self] in
            var remaining = frameLimit ?? .max
            while !stopped.load(ordering: .relaxed), remaining > 0 {
                do {
                    let frames = min(remaining, granted.periodFrames)
                    let interleaved = try capture.read(frames: frames, timeout: .seconds(2))
                    remaining -= frames
                    continuation.yield(Self.mono(interleaved, channels: granted.channels, from: granted.sampleRate, to: targetRate))
                } catch {
                    continuation.finish(throwing: error)
                    return
                }
            }
            continuation.finish()
        }
        reader.name = "hearth.microphone"
        reader.start()
        defer { capture.stop() }
        var outcomes: [VoiceOutcome] = []
        for try await chunk in chunks {
            outcomes += try await assistant.process(chunk)
        }
        outcomes += try await assistant.finish()
        return outcomes
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
