import Foundation
import Testing
@testable import HearthAudio

/// Playback through the real mmap path into a `file` PCM over `null`.
@Suite(.serialized) struct ALSAPlaybackTests {
    init() { ALSATestDevices.installed }

    private func open(_ pcm: String, rate: Int = 16000, channels: Int = 1, periodFrames: Int = 0,
                      ring: Duration = .milliseconds(250)) throws -> ALSAPlayback {
        try ALSAPlayback(ALSAStreamRequest(device: ALSATestDevices.device(pcm), sampleRate: rate, channels: channels,
                                           periodFrames: periodFrames, ringDuration: ring))
    }

    @Test func monoPlaybackWritesExactlyWhatWasQueued() throws {
        // two seconds through a quarter-second ring: it wraps many times
        let fixture = ALSATestDevices.samples(count: 32000, seed: 11)
        do {
            let playback = try open("play_mono")
            try playback.start()
            try playback.write(fixture, timeout: .seconds(20))
            #expect(try playback.waitUntilPlayed(timeout: .seconds(20)))
            let stats = playback.statistics
            #expect(stats.frames == UInt64(fixture.count))
            #expect(stats.underruns == 0)
            #expect(stats.recoveries == 0)
            playback.stop()
        }
        #expect(try ALSATestDevices.readOutput("play_mono") == fixture)
    }

    @Test func stereo48kPlaybackIsExact() throws {
        let fixture = ALSATestDevices.samples(count: 48000 * 2, seed: 12)
        do {
            let playback = try open("play_stereo", rate: 48000, channels: 2)
            #expect(playback.granted.channels == 2)
            try playback.start()
            try playback.write(fixture, timeout: .seconds(20))
            #expect(try playback.waitUntilPlayed(timeout: .seconds(20)))
            playback.stop()
        }
        #expect(try ALSATestDevices.readOutput("play_stereo") == fixture)
    }

    @Test func smallWritesLandAtEveryOffsetOfTheDeviceBuffer() throws {
        // 37-frame pieces: the thread commits them as they come, so its
        // mmap chunks start all over the 1280-frame buffer
        let fixture = ALSATestDevices.samples(count: 37 * 400, seed: 19)
        do {
            let playback = try open("play_pieces")
            try playback.start()
            for start in stride(from: 0, to: fixture.count, by: 37) {
                try playback.write(Array(fixture[start..<start + 37]), timeout: .seconds(20))
            }
            #expect(try playback.waitUntilPlayed(timeout: .seconds(20)))
            playback.stop()
        }
        #expect(try ALSATestDevices.readOutput("play_pieces") == fixture)
    }

    @Test func streamGoesIdleAndStartsAgainForTheNextUtterance() throws {
        let first = ALSATestDevices.samples(count: 5000, seed: 13)
        let second = ALSATestDevices.samples(count: 7000, seed: 14)
        do {
            let playback = try open("play_idle")
            try playback.start()
            try playback.write(first, timeout: .seconds(20))
            #expect(try playback.waitUntilPlayed(timeout: .seconds(20)))
            #expect(!playback.statistics.playing)
            try playback.write(second, timeout: .seconds(20))
            #expect(try playback.waitUntilPlayed(timeout: .seconds(20)))
            playback.stop()
        }
        #expect(try ALSATestDevices.readOutput("play_idle") == first + second)
    }

    @Test func flushDropsEverythingQueuedWithinAPeriod() async throws {
        let queued = ALSATestDevices.samples(count: 8000, seed: 15)
        let after = ALSATestDevices.samples(count: 3000, seed: 16)
        var took: Duration = .zero
        do {
            // 100 ms periods; the device is "behind" so the queue stays put
            let playback = try open("play_flush", periodFrames: 1600, ring: .seconds(1))
            playback.stream.holdDevice(true)
            try playback.start()
            #expect(playback.write(queued[...]) == queued.count)
            try await Task.sleep(for: .milliseconds(50))
            #expect(playback.queuedFrames == queued.count)

            let started = ContinuousClock.now
            try playback.flush()
            took = ContinuousClock.now - started
            #expect(playback.queuedFrames == 0)
            #expect(playback.statistics.flushes == 1)
            #expect(!playback.statistics.playing)

            playback.stream.holdDevice(false)
            try playback.write(after, timeout: .seconds(20))
            #expect(try playback.waitUntilPlayed(timeout: .seconds(20)))
            playback.stop()
        }
        #expect(took < .milliseconds(100), "flush took \(took), more than a period")
        #expect(try ALSATestDevices.readOutput("play_flush") == after)
    }

    @Test func xrunDuringPlaybackIsRecovered() throws {
        let fixture = ALSATestDevices.samples(count: 16000, seed: 17)
        do {
            let playback = try open("play_xrun")
            playback.stream.holdDevice(true)
            try playback.start()
            try playback.write(Array(fixture[..<3000]), timeout: .seconds(20))
            playback.stream.injectDeviceError(errno: EPIPE)
            playback.stream.holdDevice(false)
            try playback.write(Array(fixture[3000...]), timeout: .seconds(20))
            #expect(try playback.waitUntilPlayed(timeout: .seconds(20)))
            #expect(playback.statistics.xruns == 1)
            #expect(playback.statistics.state == .running)
            playback.stop()
        }
        #expect(try ALSATestDevices.readOutput("play_xrun") == fixture)
    }

    @Test func stopIsPromptWithAudioQueued() async throws {
        let playback = try open("play_stop", periodFrames: 16000, ring: .seconds(4))
        playback.stream.holdDevice(true)
        try playback.start()
        playback.write(ALSATestDevices.samples(count: 32000, seed: 18)[...])
        try await Task.sleep(for: .milliseconds(50))
        let started = ContinuousClock.now
        playback.stop()
        let took = ContinuousClock.now - started
        #expect(took < .milliseconds(500), "stop took \(took)")
        #expect(playback.statistics.state == .stopped)
    }
}
