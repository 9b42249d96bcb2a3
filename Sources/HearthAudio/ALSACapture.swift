import CALSA
import Foundation

/// Microphone input: a thread copies the device's mmap area into a ring;
/// `read` takes interleaved Int16 samples out of it.
///
/// Reads are serialised (the ring has one reader); start/stop from any
/// thread. Audio never waits on Swift code: a slow reader fills the ring,
/// which shows as `ringFullWaits` and then as device xruns.
public final class ALSACapture: Sendable {
    let stream: ALSAStream

    public init(_ request: ALSAStreamRequest) throws {
        stream = try ALSAStream(request, direction: HEARTH_PCM_CAPTURE)
    }

    public var granted: ALSAGrantedFormat { stream.granted }
    public var statistics: ALSAStreamStatistics { stream.statistics }

    public func start() throws { try stream.start() }

    /// Stops the thread at once (no waiting for the device); what is in the
    /// ring can still be read.
    public func stop() { stream.stop() }

    /// Up to `maxFrames` frames captured so far (possibly none). Throws once
    /// the stream has failed and everything before the failure was read.
    public func read(maxFrames: Int = .max) throws -> [Int16] {
        var samples: [Int16] = []
        let frames = stream.ringSide.withLock { stream.readFrames(into: &samples, maxFrames: maxFrames) }
        if frames == 0, let failure = stream.failure { throw failure }
        return samples
    }

    /// Exactly `frames` frames, waiting for them up to `timeout` (checking
    /// four times per period). Meant for a reader on its own thread.
    public func read(frames: Int, timeout: Duration) throws -> [Int16] {
        let deadline = ContinuousClock.now + timeout
        var samples: [Int16] = []
        samples.reserveCapacity(frames * stream.granted.channels)
        var got = 0
        while got < frames {
            got += stream.ringSide.withLock { stream.readFrames(into: &samples, maxFrames: frames - got) }
            if got == frames { break }
            if let failure = stream.failure { throw failure }
            guard ContinuousClock.now < deadline else {
                throw ALSAError.timedOut("capture of \(frames) frames from '\(stream.device)' (got \(got))")
            }
            Thread.sleep(forTimeInterval: stream.ringPollInterval)
        }
        return samples
    }
}
