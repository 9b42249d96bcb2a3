import Foundation
import HearthAudio
import HearthBrain
import HearthRuntime
import HearthTestSupport
import Testing
@testable import HearthWyoming

/// Spoken orders (flite, whose voices pocketsphinx recognises) through the
/// real listening pipeline, with a Home Assistant client in the test on
/// the other side of the satellite.
@Suite(.serialized) struct WyomingVoiceTests {
    typealias Kind = WyomingEvent.Kind

    static func say(_ text: String) throws -> [Int16] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-wyoming-\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: file) }
        let flite = Process()
        flite.executableURL = URL(fileURLWithPath: "/usr/bin/flite")
        flite.arguments = ["-voice", "rms", "-t", text, "-o", file.path]
        try flite.run()
        flite.waitUntilExit()
        return try WaveFile(contentsOfFile: file.path).audioBuffer(sampleRate: 16000).samples
    }

    static func silence(_ seconds: Double) -> [Int16] { [Int16](repeating: 0, count: Int(seconds * 16000)) }

    static func wakeThen(_ words: String, silence after: Double = 1.5) throws -> [Int16] {
        try silence(0.5) + say("hey hearth") + silence(0.4) + say(words) + silence(after)
    }

    /// Feeds `samples` 20 ms at a time from a thread of its own, as the microphone does.
    static func listen(_ assistant: VoiceAssistant, to samples: [Int16]) async throws -> [VoiceOutcome] {
        try await offPool {
            var outcomes: [VoiceOutcome] = []
            for start in stride(from: 0, to: samples.count, by: 320) {
                outcomes += try assistant.processOnThisThread(Array(samples[start..<min(samples.count, start + 320)]))
            }
            return outcomes
        }
    }

    /// True when the audio Home Assistant received is one stretch of
    /// `spoken`, as the microphone heard it, that holds all of `range`.
    static func relayed(_ client: HomeAssistantClient, from spoken: [Int16], covers range: Range<Int>) -> Bool {
        let relayed = client.received(Kind.audioChunk).flatMap(samples(of:))
        let voiced = Array(relayed.drop { $0 == 0 })
        guard !voiced.isEmpty, let found = spoken.firstRange(of: voiced) else { return false }
        let start = found.lowerBound - (relayed.count - voiced.count)
        return start <= range.lowerBound && start + relayed.count >= range.upperBound
    }

    static func voice(_ fixture: SatelliteFixture) async throws -> VoiceAssistant {
        let assistant = try await VoiceAssistant(runtime: fixture.runtime)
        assistant.pipeline.relay = fixture.satellite
        return assistant
    }

    @Test func aFullExchangeWithHomeAssistant() async throws {
        let fixture = try await SatelliteFixture(mode: .homeAssistant)
        defer { Task { await fixture.server.close() } }
        let assistant = try await Self.voice(fixture)
        let order = try await offPool { try Self.say("what is the weather like on mars") }
        let spoken = try await offPool { try Self.wakeThen("what is the weather like on mars") }

        let homeAssistant = try await HomeAssistantClient.connect(port: fixture.server.port)
        try await homeAssistant.send(WyomingEvent(Kind.describe))
        try await homeAssistant.waitFor(Kind.info)
        try await homeAssistant.send(WyomingEvent(Kind.runSatellite))
        try #require(await eventually { fixture.satellite.isRunning })

        #expect(try await Self.listen(assistant, to: spoken).isEmpty, "the brain ran nothing: Home Assistant answers")
        #expect(assistant.wakeTimes.count == 1)
        #expect(assistant.pipeline.isRelaying, "streaming until Home Assistant's transcript")
        try await homeAssistant.waitFor(Kind.detection)
        try await homeAssistant.waitFor(Kind.runPipeline)
        #expect(await fixture.runtime.state == .recording)

        // Home Assistant's pipeline: pings on its cadence (the pong comes after every chunk sent so far)...
        try await homeAssistant.send(WyomingEvent(Kind.ping))
        try await homeAssistant.waitFor(Kind.pong)
        let orderStart = spoken.count - Self.silence(1.5).count - order.count
        #expect(Self.relayed(homeAssistant, from: spoken, covers: orderStart..<orderStart + order.count), "the spoken order reached Home Assistant")
        // ...the transcript, then the spoken answer.
        try await homeAssistant.send(WyomingEvent(Kind.transcript, data: ["text": "what is the weather like on mars"]))
        try await homeAssistant.send(WyomingEvent(Kind.synthesize, data: ["text": "It is very cold on Mars"]))
        let answer = (0..<11025).map { Int16(truncatingIfNeeded: ($0 % 100) * 200 - 10000) }
        try await homeAssistant.send(WyomingEvent(Kind.audioStart, data: ["rate": 22050, "width": 2, "channels": 1]))
        for start in stride(from: 0, to: answer.count, by: 1024) {
            try await homeAssistant.send(.audioChunk(Array(answer[start..<min(answer.count, start + 1024)]), rate: 22050, timestamp: 0))
        }
        try await homeAssistant.send(WyomingEvent(Kind.audioStop))
        try await homeAssistant.waitFor(Kind.played)
        #expect(fixture.output.played == [AudioBuffer(sampleRate: 22050, samples: answer)])

        // The microphone's next samples find the relay done: back to the wake word.
        let streamed = homeAssistant.received(Kind.audioChunk).count
        _ = try await Self.listen(assistant, to: Self.silence(0.5))
        #expect(!assistant.pipeline.isRelaying)
        #expect(homeAssistant.received(Kind.audioChunk).count == streamed)
        #expect(await fixture.runtime.state == .listening)
        #expect(fixture.events.of(.orderProcessed).isEmpty)
        await homeAssistant.close()
    }

    @Test func localFirstAnswersKnownOrdersAndHandsOverTheRest() async throws {
        let fixture = try await SatelliteFixture(mode: .localFirst)
        defer { Task { await fixture.server.close() } }
        let assistant = try await Self.voice(fixture)
        let homeAssistant = try await fixture.homeAssistant()

        let known = try await Self.listen(assistant, to: offPool { try Self.wakeThen("turn on the kitchen lights") })
        #expect(known.map(\.synapses) == [["lights-on"]])
        #expect(homeAssistant.received(Kind.detection).isEmpty, "Hearth's brain answered")

        let unknown = try await offPool { try Self.say("the children are playing in the garden") }
        let spoken = try await offPool { try Self.wakeThen("the children are playing in the garden") }
        let outcomes = try await Self.listen(assistant, to: spoken)
        #expect(outcomes.map(\.handedOver) == [true])
        try await homeAssistant.waitFor(Kind.detection)
        try await homeAssistant.waitFor(Kind.runPipeline)
        try await homeAssistant.send(WyomingEvent(Kind.ping))
        try await homeAssistant.waitFor(Kind.pong)
        let utteranceStart = spoken.count - Self.silence(1.5).count - unknown.count
        #expect(Self.relayed(homeAssistant, from: spoken, covers: utteranceStart..<utteranceStart + unknown.count), "the utterance Hearth did not answer")

        try await homeAssistant.send(WyomingEvent(Kind.transcript, data: ["text": "the children are playing in the garden"]))
        try #require(await eventually { !fixture.satellite.isStreaming })
        _ = try await Self.listen(assistant, to: Self.silence(0.2))
        #expect(!assistant.pipeline.isRelaying)
        #expect(fixture.events.of(.orderProcessed).count == 1, "only the kitchen lights ran locally")
        await homeAssistant.close()
    }

    @Test func homeAssistantLeavingMidStreamLeavesTheDeviceWorkingLocally() async throws {
        let fixture = try await SatelliteFixture(mode: .homeAssistant)
        defer { Task { await fixture.server.close() } }
        let assistant = try await Self.voice(fixture)
        let homeAssistant = try await fixture.homeAssistant()

        _ = try await Self.listen(assistant, to: offPool { try Self.wakeThen("what is the weather like on mars") })
        try await homeAssistant.waitFor(Kind.audioChunk, count: 5)
        await homeAssistant.close()
        try #require(await eventually { !fixture.satellite.isRunning })

        let local = try await Self.listen(assistant, to: offPool { try Self.wakeThen("turn on the kitchen lights") })
        #expect(local.map(\.synapses) == [["lights-on"]], "a local order still runs")
        #expect(!assistant.pipeline.isRelaying)
        try #require(await eventually { !fixture.output.said.isEmpty })
        #expect(fixture.output.said == ["Home Assistant is not answering."])
    }
}

