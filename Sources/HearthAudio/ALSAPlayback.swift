import CALSA
import Foundation

/// Speaker output: `write` queues interleaved Int16 samples into a ring; a
/// thread copies them into the device's mmap area. `flush` is barge-in.
///
/// Writes are serialised (the ring has one writer); flush and statistics
/// from any thread.
public final class ALSAPlayback: Sendable {
    let stream: ALSAStream

    public init(_ request: ALSAStreamRequest) throws {
        stream = try ALSAStream(request, direction: HEARTH_PCM_PLAYBACK)
    }

    public var granted: ALSAGrantedFormat { stream.granted }
    public var statistics: ALSAStreamStatistics { stream.statistics }
    /// Frames waiting in the ring (not counting what the device holds).
    public var queuedFrames: Int { stream.queuedFrames }

    public func start() throws { try stream.start() }

    /// Stops at once, dropping what is queued.
    public func stop() { stream.stop() }

    /// Queues as much of `samples` as fits now (whole frames); returns the
    /// number of samples taken.
    @discardableResult
    public func write(_ samples: ArraySlice<Int16>) -> Int {
        stream.ringSide.withLock { stream.writeFrames(samples) } * stream.granted.channels
    }

    /// Queues all of `samples`, waiting for room up to `timeout`. Meant for a
    /// writer on its own thread (text to speech), not the cooperative pool.
    public func write(_ samples: [Int16], timeout: Duration) throws {
        let deadline = ContinuousClock.now + timeout
        var written = 0
        while written < samples.count {
            written += write(samples[written...])
            if written == samples.count { break }
            if let failure = stream.failure { throw failure }
            guard ContinuousClock.now < deadline else {
                throw ALSAError.timedOut("queueing playback on '\(stream.device)' (\(written) of \(samples.count) samples)")
            }
            Thread.sleep(forTimeInterval: stream.ringPollInterval)
        }
    }

    /// Barge-in: drops everything queued and what the device holds, and
    /// returns once the stream thread has done it.
    public func flush(timeout: Duration = .seconds(1)) throws {
        try stream.flush(timeout: timeout)
    }

    /// Waits until everything queued has been played; false on timeout.
    public func waitUntilPlayed(timeout: Duration) throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let stats = statistics
            if stats.state == .failed, let failure = stream.failure { throw failure }
            if !stats.playing, stream.queuedFrames == 0 { return true }
            Thread.sleep(forTimeInterval: stream.ringPollInterval)
        }
        return false
    }
}
