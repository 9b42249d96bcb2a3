import CALSA
import CRingBuffer
import Foundation

/// The C stream and its ring, owned together: the one place in HearthAudio
/// that holds their pointers. Capture and playback wrap it.
///
/// Locking: `control` serialises start/stop/close; `ringSide` serialises
/// this process's side of the ring (reads for capture, writes for playback)
/// since the ring has exactly one reader and one writer.
final class ALSAStream: @unchecked Sendable {
    let direction: hearth_pcm_direction
    let device: String
    let granted: ALSAGrantedFormat
    let frameBytes: Int
    private let stream: OpaquePointer
    private let ring: OpaquePointer
    private let control = NSLock()
    let ringSide = NSLock()

    init(_ request: ALSAStreamRequest, direction: hearth_pcm_direction) throws {
        self.direction = direction
        self.device = request.device
        let frameBytes = max(1, request.channels) * 2
        let ringSeconds = Double(request.ringDuration.components.seconds)
            + Double(request.ringDuration.components.attoseconds) / 1e18
        let wanted = Double(request.sampleRate) * ringSeconds * Double(frameBytes)
        let capacity = UInt32(1) << UInt32(min(30, max(12, Int(ceil(log2(max(wanted, 1)))))))
        guard let ring = hearth_ring_create(capacity) else {
            throw ALSAError.openFailed(device: request.device, message: "no memory for a \(capacity)-byte ring")
        }
        var cRequest = hearth_pcm_request(
            device: nil, rate: UInt32(clamping: request.sampleRate), channels: UInt32(clamping: request.channels),
            period_frames: UInt32(clamping: request.periodFrames), buffer_frames: UInt32(clamping: request.bufferFrames))
        var opened: OpaquePointer?
        var message = [CChar](repeating: 0, count: Int(HEARTH_PCM_ERROR_SIZE))
        let result = request.device.withCString { device in
            cRequest.device = device
            return hearth_pcm_open(&opened, direction, &cRequest, ring, &message, message.count)
        }
        guard result == 0, let opened else {
            hearth_ring_destroy(ring)
            throw ALSAError.openFailed(device: request.device, message: String(cErrorBuffer: message))
        }
        var format = hearth_pcm_granted()
        hearth_pcm_granted_config(opened, &format)
        self.stream = opened
        self.ring = ring
        self.frameBytes = Int(format.frame_bytes)
        self.granted = ALSAGrantedFormat(sampleRate: Int(format.rate), channels: Int(format.channels),
                                         periodFrames: Int(format.period_frames), bufferFrames: Int(format.buffer_frames))
    }

    deinit {
        hearth_pcm_close(stream)
        hearth_ring_destroy(ring)
    }

    func start() throws {
        try control.withLock {
            var message = [CChar](repeating: 0, count: Int(HEARTH_PCM_ERROR_SIZE))
            if hearth_pcm_start(stream, &message, message.count) != 0 {
                throw ALSAError.startFailed(message: String(cErrorBuffer: message))
            }
        }
    }

    func stop() { control.withLock { hearth_pcm_stop(stream) } }

    var statistics: ALSAStreamStatistics {
        var stats = hearth_pcm_stats()
        hearth_pcm_get_stats(stream, &stats)
        let state: ALSAStreamState = switch stats.state {
        case Int32(HEARTH_PCM_STATE_RUNNING.rawValue): .running
        case Int32(HEARTH_PCM_STATE_STOPPED.rawValue): .stopped
        case Int32(HEARTH_PCM_STATE_FAILED.rawValue): .failed
        default: .open
        }
        return ALSAStreamStatistics(
            frames: stats.frames, xruns: stats.xruns, suspends: stats.suspends,
            ringFullWaits: stats.ring_full_waits, underruns: stats.underruns, flushes: stats.flushes,
            state: state, playing: stats.playing != 0)
    }

    /// The message of the error that ended the stream, if it failed.
    var failure: ALSAError? {
        var message = [CChar](repeating: 0, count: Int(HEARTH_PCM_ERROR_SIZE))
        hearth_pcm_copy_error(stream, &message, message.count)
        return message[0] == 0 ? nil : .streamFailed(message: String(cErrorBuffer: message))
    }

    /// How long a reader or writer waiting on the ring sleeps between looks:
    /// a quarter period, so it never lags the stream thread by much.
    var ringPollInterval: TimeInterval { Double(granted.periodFrames) / Double(granted.sampleRate) / 4 }

    // MARK: ring side (call with ringSide held)

    /// Capture: copies whole frames out of the ring into `samples`.
    func readFrames(into samples: inout [Int16], maxFrames: Int) -> Int {
        let frames = min(maxFrames, Int(hearth_ring_readable(ring)) / frameBytes)
        guard frames > 0 else { return 0 }
        let start = samples.count
        let count = frames * frameBytes / 2
        samples.append(contentsOf: repeatElement(0, count: count))
        samples.withUnsafeMutableBytes { bytes in
            _ = hearth_ring_read(ring, bytes.baseAddress! + start * 2, UInt32(frames * frameBytes))
        }
        return frames
    }

    /// Playback: queues as many whole frames of `samples` as fit.
    func writeFrames(_ samples: ArraySlice<Int16>) -> Int {
        let frames = min(samples.count * 2 / frameBytes, Int(hearth_ring_writable(ring)) / frameBytes)
        guard frames > 0 else { return 0 }
        samples.withUnsafeBytes { bytes in
            _ = hearth_ring_write(ring, bytes.baseAddress!, UInt32(frames * frameBytes))
        }
        hearth_pcm_notify(stream)
        return frames
    }

    var queuedFrames: Int { Int(hearth_ring_readable(ring)) / frameBytes }

    // MARK: any thread

    func flush(timeout: Duration) throws {
        let ticket = hearth_pcm_flush_request(stream)
        let (seconds, attoseconds) = timeout.components
        let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        if hearth_pcm_flush_wait(stream, ticket, milliseconds) != 0 {
            throw ALSAError.timedOut("playback flush on '\(device)'")
        }
    }

    func injectDeviceError(errno code: Int32) { hearth_pcm_inject_error(stream, -code) }
    func holdDevice(_ held: Bool) { hearth_pcm_hold_device(stream, held ? 1 : 0) }
}

extension String {
    /// The NUL-terminated text a C function wrote into `buffer`.
    init(cErrorBuffer buffer: [CChar]) {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        self.init(decoding: bytes, as: UTF8.self)
    }
}
