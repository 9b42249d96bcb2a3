import Foundation
import HearthAudio
import HearthBrain
import HearthRuntime
import HearthTestSupport
import Testing
@testable import HearthWyoming

/// Home Assistant's side played by a client in the test, over a real TCP
/// connection; the listening pipeline's relay is driven directly.
@Suite struct WyomingSatelliteTests {
    typealias Kind = WyomingEvent.Kind

    @Test func describeIsAnsweredWithTheSatelliteAndItsAudioFormats() async throws {
        let fixture = try await SatelliteFixture()
        defer { Task { await fixture.server.close() } }
        let client = try await HomeAssistantClient.connect(port: fixture.server.port)
        try await client.send(WyomingEvent(Kind.describe))
        let info = try await client.waitFor(Kind.info)

        let satellite = try #require(info.data["satellite"]?.mapValue)
        #expect(satellite["name"] == "Kitchen Hearth")
        #expect(satellite["area"] == "Kitchen")
        #expect(satellite["installed"] == .bool(true))
        #expect(satellite["has_vad"] == .bool(false))
        #expect(satellite["active_wake_words"] == .list(["hey hearth"]))
        #expect(satellite["supports_trigger"] == .bool(false))
        #expect(satellite["attribution"]?.mapValue?["name"] == "Hearth")
        let mic = try #require(info.data["mic"]?.listValue?.first?.mapValue)
        #expect(mic["mic_format"] == .map(["rate": 16000, "width": 2, "channels": 1]))
        let snd = try #require(info.data["snd"]?.listValue?.first?.mapValue)
        #expect(snd["snd_format"] == .map(["rate": 22050, "width": 2, "channels": 1]))
        // Describing does not make a session.
        #expect(!fixture.satellite.isRunning)
        await client.close()
    }

    @Test func pingsAreAnsweredAtHomeAssistantsCadenceAlsoWhileStreaming() async throws {
        let fixture = try await SatelliteFixture()
        defer { Task { await fixture.server.close() } }
        let client = try await fixture.homeAssistant()
        for round in 1...3 {
            try await client.send(WyomingEvent(Kind.ping, data: ["text": .string("round \(round)")]))
            #expect(try await client.waitFor(Kind.pong, count: round).data["text"] == .string("round \(round)"))
            try await Task.sleep(for: .milliseconds(300))
        }
        #expect(fixture.satellite.takesUtteranceAtWake())
        for round in 4...6 {
            #expect(fixture.satellite.relay([Int16](repeating: 500, count: 1600), sampleRate: 16000))
            try await client.send(WyomingEvent(Kind.ping, data: ["text": .null]))
            #expect(try await client.waitFor(Kind.pong, count: round).data["text"] == .null)
        }
        #expect(fixture.satellite.isStreaming)
        await client.close()
    }

    @Test func aWakeStreamsDetectionPipelineAndAudioUntilTheTranscript() async throws {
        let fixture = try await SatelliteFixture(mode: .homeAssistant)
        defer { Task { await fixture.server.close() } }
        let client = try await fixture.homeAssistant()

        #expect(fixture.satellite.takesUtteranceAtWake())
        #expect(!fixture.satellite.takesUtteranceAtWake(), "one stream at a time")
        let detection = try await client.waitFor(Kind.detection)
        #expect(detection.data["name"] == "hey hearth")
        let pipeline = try await client.waitFor(Kind.runPipeline)
        #expect(pipeline.data["start_stage"] == "asr")
        #expect(pipeline.data["end_stage"] == "tts")
        #expect(client.received.map(\.type).firstIndex(of: Kind.detection)! < client.received.map(\.type).firstIndex(of: Kind.runPipeline)!)

        // 0.25 s at 16 kHz, then 0.25 s at 48 kHz (resampled): whole chunks of 1024 samples go out.
        let first = (0..<4000).map { Int16(truncatingIfNeeded: $0 * 7) }
        #expect(fixture.satellite.relay(first, sampleRate: 16000))
        #expect(fixture.satellite.relay([Int16](repeating: 1000, count: 12000), sampleRate: 48000))
        let chunks = try await (1...7).asyncMap { try await client.waitFor(Kind.audioChunk, count: $0) }
        for (index, chunk) in chunks.enumerated() {
            #expect(PCMFormat(event: chunk) == PCMFormat.microphone)
            #expect(chunk.int("timestamp") == index * 1024 * 1000 / 16000)
            #expect(chunk.payload.count == 2048)
        }
        #expect(Array(chunks.flatMap(samples(of:)).prefix(4000)) == first)

        try await client.send(WyomingEvent(Kind.transcript, data: ["text": "what is the weather on mars"]))
        try #require(await eventually { !fixture.satellite.isStreaming })
        #expect(!fixture.satellite.relay([0, 0, 0], sampleRate: 16000), "the relay lets go after the transcript")
        let ended = await fixture.published(.satelliteStreamEnded)
        #expect(ended.first?.data == ["reason": "transcript", "text": "what is the weather on mars"])
        #expect(await fixture.published(.satelliteStreaming).count == 1)
        await client.close()
    }

    @Test func homeAssistantsAnswerIsPlayedThenPlayedIsSent() async throws {
        let fixture = try await SatelliteFixture()
        defer { Task { await fixture.server.close() } }
        let client = try await fixture.homeAssistant()
        let answer = (0..<5000).map { Int16(truncatingIfNeeded: ($0 % 50) * 300 - 7000) }
        try await client.send(WyomingEvent(Kind.synthesize, data: ["text": "It is cold on Mars"]))
        try await client.send(WyomingEvent(Kind.audioStart, data: ["rate": 22050, "width": 2, "channels": 1, "timestamp": 0]))
        for start in stride(from: 0, to: answer.count, by: 1024) {
            let part = Array(answer[start..<min(answer.count, start + 1024)])
            try await client.send(WyomingEvent.audioChunk(part, rate: 22050, timestamp: start * 1000 / 22050))
        }
        try await client.send(WyomingEvent(Kind.audioStop, data: ["timestamp": .null]))
        try await client.waitFor(Kind.played)
        #expect(fixture.output.played == [AudioBuffer(sampleRate: 22050, samples: answer)])
        #expect(await fixture.published(.satellitePlayed).count == 1)

        // An announcement, stereo at 16 kHz without audio-start: played as mono at its own rate.
        let stereo: [Int16] = [100, 300, -100, -300, 50, 50]
        var chunk = WyomingEvent.audioChunk(stereo, rate: 16000, timestamp: 0)
        chunk.data["channels"] = 2
        try await client.send(chunk)
        try await client.send(WyomingEvent(Kind.audioStop))
        try await client.waitFor(Kind.played, count: 2)
        #expect(fixture.output.played.last == AudioBuffer(sampleRate: 16000, samples: [200, -200, 50]))
        await client.close()
    }

    @Test func timersFollowHomeAssistantAndTheFinishedOneIsSpoken() async throws {
        let fixture = try await SatelliteFixture()
        defer { Task { await fixture.server.close() } }
        let client = try await fixture.homeAssistant()
        try await client.send(WyomingEvent(Kind.timerStarted, data: ["id": "t1", "total_seconds": 300, "name": "pasta", "start_minutes": 5]))
        try await client.send(WyomingEvent(Kind.timerStarted, data: ["id": "t2", "total_seconds": 60, "name": .null]))
        try #require(await eventually { fixture.satellite.timers.count == 2 })
        #expect(fixture.satellite.timers["t1"] == SatelliteTimer(id: "t1", name: "pasta", totalSeconds: 300, isActive: true))

        try await client.send(WyomingEvent(Kind.timerUpdated, data: ["id": "t1", "is_active": false, "total_seconds": 240]))
        try #require(await eventually { fixture.satellite.timers["t1"]?.isActive == false })
        #expect(fixture.satellite.timers["t1"]?.totalSeconds == 240)
        try await client.send(WyomingEvent(Kind.timerCancelled, data: ["id": "t2"]))
        try await client.send(WyomingEvent(Kind.timerFinished, data: ["id": "t1"]))
        try #require(await eventually { fixture.satellite.timers.isEmpty })
        try #require(await eventually { !fixture.output.said.isEmpty })
        #expect(fixture.output.said == ["The pasta timer is done."])

        #expect(await fixture.published(.timerStarted, count: 2).count == 2)
        #expect(await fixture.published(.timerUpdated).first?.data["is_active"] == .bool(false))
        #expect(await fixture.published(.timerCancelled).first?.data["id"] == "t2")
        #expect(await fixture.published(.timerFinished).first?.data["name"] == "pasta")
        await client.close()
    }

    @Test func anErrorEndsTheStreamAndIsSpokenBriefly() async throws {
        let fixture = try await SatelliteFixture()
        defer { Task { await fixture.server.close() } }
        let client = try await fixture.homeAssistant()
        #expect(fixture.satellite.takesUtteranceAtWake())
        try await client.send(WyomingEvent(Kind.error, data: ["text": "No text recognized", "code": "stt-no-text-recognized"]))
        try #require(await eventually { !fixture.satellite.isStreaming })
        #expect(!fixture.satellite.relay([1, 2], sampleRate: 16000))
        try #require(await eventually { !fixture.output.said.isEmpty })
        #expect(fixture.output.said == ["Sorry, I did not catch that."])
        #expect(await fixture.published(.satelliteStreamEnded).first?.data["reason"] == "error")
        await client.close()
    }

    @Test func nothingStreamsInLocalFirstModeAtTheWakeWordWithoutASessionOrWhenPaused() async throws {
        let local = try await SatelliteFixture(mode: .localFirst)
        defer { Task { await local.server.close() } }
        #expect(!local.satellite.takesUnansweredUtterance(), "no Home Assistant connected")
        let client = try await local.homeAssistant()
        #expect(!local.satellite.takesUtteranceAtWake(), "local_first: Hearth's brain hears first")
        #expect(local.satellite.takesUnansweredUtterance())
        try await client.send(WyomingEvent(Kind.pauseSatellite))
        try #require(await eventually { !local.satellite.isRunning })
        #expect(!local.satellite.relay([1], sampleRate: 16000), "pausing ends the stream")
        #expect(!local.satellite.takesUnansweredUtterance())
        try await client.send(WyomingEvent(Kind.runSatellite))
        try #require(await eventually { local.satellite.isRunning })
        #expect(local.satellite.takesUnansweredUtterance())
        await client.close()
    }

    @Test func homeAssistantSilentForFiveSecondsEndsTheStream() async throws {
        let fixture = try await SatelliteFixture()
        defer { Task { await fixture.server.close() } }
        let client = try await fixture.homeAssistant()
        let started = ContinuousClock.now
        #expect(fixture.satellite.takesUtteranceAtWake())
        // The microphone keeps streaming; Home Assistant says nothing.
        while fixture.satellite.relay([Int16](repeating: 0, count: 1600), sampleRate: 16000) {
            try await Task.sleep(for: .milliseconds(100))
            if ContinuousClock.now - started > .seconds(15) { break }
        }
        #expect(ContinuousClock.now - started >= .seconds(5))
        #expect(!fixture.satellite.isStreaming)
        #expect(await fixture.published(.satelliteStreamEnded).first?.data["reason"] == "silent")
        try #require(await eventually { !fixture.output.said.isEmpty })
        #expect(fixture.output.said == ["Home Assistant is not answering."])
        // The connection itself stays; a later wake streams again.
        #expect(client.isOpen)
        #expect(fixture.satellite.takesUtteranceAtWake())
        await client.close()
    }

    @Test func anUtteranceStreamedPastItsLimitIsStoppedWithAudioStop() async throws {
        var timing = WyomingSatellite.Timing()
        timing.streamLimit = .milliseconds(400)
        let fixture = try await SatelliteFixture(timing: timing)
        defer { Task { await fixture.server.close() } }
        let client = try await fixture.homeAssistant()
        #expect(fixture.satellite.takesUtteranceAtWake())
        #expect(fixture.satellite.relay([Int16](repeating: 3, count: 1024), sampleRate: 16000))
        let stop = try await client.waitFor(Kind.audioStop)
        #expect(stop.data["timestamp"] == .null)
        #expect(!fixture.satellite.relay([1], sampleRate: 16000))
        #expect(await fixture.published(.satelliteStreamEnded).first?.data["reason"] == "limit")
        // Home Assistant may still answer what it heard.
        #expect(client.isOpen && fixture.satellite.isRunning)
        await client.close()
    }

    @Test func aDisconnectMidStreamLetsGoAndAReconnectStreamsAgain() async throws {
        let fixture = try await SatelliteFixture()
        defer { Task { await fixture.server.close() } }
        let first = try await fixture.homeAssistant()
        #expect(fixture.satellite.takesUtteranceAtWake())
        #expect(fixture.satellite.relay([Int16](repeating: 9, count: 2048), sampleRate: 16000))
        try await first.waitFor(Kind.audioChunk, count: 2)
        await first.close()
        try #require(await eventually { !fixture.satellite.isRunning })
        #expect(!fixture.satellite.relay([1, 2, 3], sampleRate: 16000))
        #expect(!fixture.satellite.takesUtteranceAtWake(), "no Home Assistant, Hearth listens itself")
        #expect(await fixture.published(.satelliteStreamEnded).first?.data["reason"] == "disconnected")
        #expect(await fixture.published(.satelliteDisconnected).count == 1)

        let second = try await fixture.homeAssistant()
        #expect(fixture.satellite.takesUtteranceAtWake())
        try await second.waitFor(Kind.runPipeline)
        #expect(await fixture.published(.satelliteConnected, count: 2).count == 2)
        await second.close()
    }

    @Test func aSecondClientMayDescribeAndItsRunSatelliteTakesOver() async throws {
        let fixture = try await SatelliteFixture()
        defer { Task { await fixture.server.close() } }
        let first = try await fixture.homeAssistant()
        let second = try await HomeAssistantClient.connect(port: fixture.server.port)
        try await second.send(WyomingEvent(Kind.describe))
        try await second.send(WyomingEvent(Kind.ping))
        try await second.waitFor(Kind.info)
        try await second.waitFor(Kind.pong)
        // Its other events are not the session's: they change nothing.
        try await second.send(WyomingEvent(Kind.timerStarted, data: ["id": "x", "total_seconds": 5]))
        try await second.send(WyomingEvent(Kind.ping))
        try await second.waitFor(Kind.pong, count: 2)
        #expect(fixture.satellite.timers.isEmpty)
        #expect(first.isOpen)

        try await second.send(WyomingEvent(Kind.runSatellite))
        #expect(await first.closedBySatellite())
        #expect(fixture.satellite.takesUtteranceAtWake())
        try await second.waitFor(Kind.detection)
        #expect(first.received(Kind.detection).isEmpty)
        await second.close()
    }

    @Test func probesAndMalformedFramesCloseOnlyTheirOwnConnection() async throws {
        let fixture = try await SatelliteFixture()
        defer { Task { await fixture.server.close() } }
        let session = try await fixture.homeAssistant()

        // A port probe: connects and leaves without a word.
        let probe = try await HomeAssistantClient.connect(port: fixture.server.port)
        await probe.close()
        // Garbage, a header that is not an object, an oversized payload, a frame cut by the close.
        for bad in ["GET / HTTP/1.1\r\n\r\n", "[1, 2]\n", #"{"type": "audio-chunk", "payload_length": 99999999}"# + "\n"] {
            let client = try await HomeAssistantClient.connect(port: fixture.server.port)
            try await client.send(raw: bad)
            #expect(await client.closedBySatellite(), "\(bad)")
        }
        let cut = try await HomeAssistantClient.connect(port: fixture.server.port)
        try await cut.send(raw: #"{"type": "transcript", "data_length": 50}"# + "\n{\"te")
        await cut.close()
        let endless = try await HomeAssistantClient.connect(port: fixture.server.port)
        try await endless.send(rawBytes: [UInt8](repeating: UInt8(ascii: "x"), count: 70 * 1024))
        #expect(await endless.closedBySatellite())

        // The session never noticed.
        #expect(session.isOpen)
        try await session.send(WyomingEvent(Kind.ping))
        try await session.waitFor(Kind.pong)
        #expect(fixture.satellite.takesUtteranceAtWake())
        try await session.waitFor(Kind.runPipeline)
        await session.close()
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
