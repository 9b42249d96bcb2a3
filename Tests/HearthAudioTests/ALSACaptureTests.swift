import Foundation
import Testing
@testable import HearthAudio

/// Capture through the real mmap path: a `file` PCM whose `infile` is a
/// known fixture, over `null`.
@Suite(.serialized) struct ALSACaptureTests {
    init() { ALSATestDevices.installed }

    private func open(_ pcm: String, rate: Int = 16000, channels: Int = 1, periodFrames: Int = 0,
                      ring: Duration = .seconds(2)) throws -> ALSACapture {
        try ALSACapture(ALSAStreamRequest(device: ALSATestDevices.device(pcm), sampleRate: rate, channels: channels,
                                          periodFrames: periodFrames, ringDuration: ring))
    }

    @Test func monoCaptureIsSampleExact() throws {
        let fixture = ALSATestDevices.samples(count: 16000 * 3 / 2, seed: 1)
        try ALSATestDevices.writeInput("cap_mono", fixture)
        // a 2048-frame ring against a 1280-frame device buffer: the ring
        // fills and chunks start at every offset of the mmap area
        let capture = try open("cap_mono", ring: .milliseconds(100))
        #expect(capture.granted == ALSAGrantedFormat(sampleRate: 16000, channels: 1, periodFrames: 320, bufferFrames: 1280))
        try capture.start()
        let captured = try capture.read(frames: fixture.count, timeout: .seconds(20))
        capture.stop()
        #expect(captured == fixture)
        let stats = capture.statistics
        #expect(stats.frames >= UInt64(fixture.count))
        #expect(stats.recoveries == 0)
        #expect(stats.state == .stopped)
    }

    @Test func stereo48kCaptureIsSampleExact() throws {
        let fixture = ALSATestDevices.samples(count: 48000 * 2, seed: 2) // one second, interleaved
        try ALSATestDevices.writeInput("cap_stereo", fixture)
        // 4000-frame device buffer, 4096-frame ring: offsets wander
        let capture = try open("cap_stereo", rate: 48000, channels: 2, periodFrames: 1000, ring: .milliseconds(50))
        #expect(capture.granted == ALSAGrantedFormat(sampleRate: 48000, channels: 2, periodFrames: 1000, bufferFrames: 4000))
        try capture.start()
        let captured = try capture.read(frames: 48000, timeout: .seconds(20))
        capture.stop()
        #expect(captured == fixture)
    }

    @Test func xrunIsRecoveredAndCaptureRestarted() throws {
        let fixture = ALSATestDevices.samples(count: 32000, seed: 3)
        try ALSATestDevices.writeInput("cap_xrun", fixture)
        // a ring smaller than what is left to read: those frames can only
        // come after the thread has met the injected error
        let capture = try open("cap_xrun", ring: .milliseconds(100))
        try capture.start()
        var captured = try capture.read(frames: 8000, timeout: .seconds(20))
        capture.stream.injectDeviceError(errno: EPIPE)
        captured += try capture.read(frames: 24000, timeout: .seconds(20))
        let stats = capture.statistics
        capture.stop()
        #expect(stats.xruns == 1)
        #expect(stats.state == .running)
        // the file plugin reads its input at mmap_begin, so nothing is lost
        // across prepare + start; on hardware the overrun's frames would be
        #expect(captured == fixture)
    }

    @Test func suspendIsRecovered() throws {
        let fixture = ALSATestDevices.samples(count: 16000, seed: 4)
        try ALSATestDevices.writeInput("cap_suspend", fixture)
        let capture = try open("cap_suspend", ring: .milliseconds(100))
        try capture.start()
        var captured = try capture.read(frames: 4000, timeout: .seconds(20))
        capture.stream.injectDeviceError(errno: ESTRPIPE)
        captured += try capture.read(frames: 12000, timeout: .seconds(20))
        let stats = capture.statistics
        capture.stop()
        #expect(stats.suspends == 1)
        #expect(stats.xruns == 0)
        #expect(captured == fixture)
    }

    @Test func unrecoverableErrorEndsTheStreamWithAMessage() throws {
        try ALSATestDevices.writeInput("cap_fail", ALSATestDevices.samples(count: 64000, seed: 5))
        let capture = try open("cap_fail", ring: .milliseconds(100))
        try capture.start()
        capture.stream.injectDeviceError(errno: ENODEV)
        #expect {
            while true { _ = try capture.read(frames: 1600, timeout: .seconds(20)) }
        } throws: { error in
            guard case ALSAError.streamFailed(let message) = error else { return false }
            return message.contains("capture 'hearth_test_cap_fail'") && message.contains("No such device")
        }
        #expect(capture.statistics.state == .failed)
        capture.stop()
    }

    @Test func fullRingMakesTheThreadWaitInsteadOfDroppingSamples() async throws {
        let fixture = ALSATestDevices.samples(count: 16000, seed: 6)
        try ALSATestDevices.writeInput("cap_full", fixture)
        let capture = try open("cap_full", ring: .milliseconds(100)) // 4 KiB ring: 2048 frames
        try capture.start()
        let deadline = Date().addingTimeInterval(20)
        while capture.statistics.ringFullWaits == 0, Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(capture.statistics.ringFullWaits > 0)
        let captured = try capture.read(frames: fixture.count, timeout: .seconds(20))
        capture.stop()
        #expect(captured == fixture)
    }

    @Test func stopIsPromptWhileTheThreadWaits() async throws {
        try ALSATestDevices.writeInput("cap_stop", ALSATestDevices.samples(count: 16000, seed: 7))
        // one-second periods: a stop that waited for the thread's own
        // timeout would take about a second
        let capture = try open("cap_stop", periodFrames: 16000, ring: .seconds(4))
        capture.stream.holdDevice(true)
        try capture.start()
        try await Task.sleep(for: .milliseconds(50))
        let started = ContinuousClock.now
        capture.stop()
        let took = ContinuousClock.now - started
        #expect(took < .milliseconds(500), "stop took \(took)")
        #expect(capture.statistics.state == .stopped)
    }

    @Test func openErrorsAreReadable() {
        #expect {
            try ALSACapture(ALSAStreamRequest(device: "hearth_no_such_pcm"))
        } throws: { error in
            "\(error)" == "opening capture device 'hearth_no_such_pcm': No such file or directory (alsa-lib: Unknown PCM hearth_no_such_pcm)"
        }
        #expect {
            try ALSACapture(ALSAStreamRequest(device: ALSATestDevices.device("cap_mono"), channels: 3))
        } throws: { error in
            "\(error)".contains("3 channels asked, Hearth supports 1 or 2")
        }
        #expect {
            try ALSACapture(ALSAStreamRequest(device: ALSATestDevices.device("cap_mono"), sampleRate: 96000))
        } throws: { error in
            "\(error)".contains("rate 96000 Hz asked, Hearth supports 8000 to 48000 Hz")
        }
    }
}
