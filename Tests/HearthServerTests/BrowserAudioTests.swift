import Foundation
import HTTPTypes
import HearthAudio
import HearthBrain
import HearthRuntime
import HearthServer
import HearthTestSupport
import HummingbirdWSClient
import Logging
import NIOCore
import Synchronization
import Testing

/// `WS /api/audio` over a real socket: the protocol with a microphone that
/// records what it is given, then real speech (flite) through the device's
/// listening pipeline, answered to the client that spoke.
@Suite(.serialized, .timeLimit(.minutes(5))) struct BrowserAudioTests {
    @Test func helloIsAcknowledgedAndPCMReachesTheMicrophone() async throws {
        var api = try TestAPI()
        let microphone = RecordingMicrophone()
        api.configuration.dashboard.microphone = microphone
        let samples: [Int16] = [0, 1, -1, 32767, -32768, 258, -2]
        let ack = try await LiveAPI.webSocket(api, path: "/api/audio") { inbound, outbound in
            try await outbound.write(.text(#"{"type": "hello", "sample_rate": 48000}"#))
            let ack = try await inbound.nextJSON()
            try await outbound.write(.binary(Self.pcm(samples)))
            try await outbound.write(.text("mute"))
            try await outbound.write(.text("unmute"))
            try await outbound.write(.text("stop"))
            try await outbound.write(.text(#"{"type": "stop"}"#))
            // Answered in order: everything before it has been handled.
            try await outbound.write(.text("sync"))
            _ = try await inbound.nextJSON()
            return ack
        }
        #expect(ack["type"] == "hello_ack")
        #expect(ack["sample_rate"] == 48000)
        #expect(ack["tts_sample_rate"] == 22050)
        let id = try #require(ack["session_id"]?.stringValue)
        #expect(UUID(uuidString: id) != nil)
        #expect(microphone.pushed == samples)
        #expect(microphone.calls == ["open 48000", "mute", "unmute", "stop", "stop"])
    }

    @Test func badFramesGetAnErrorAndLoseNothing() async throws {
        var api = try TestAPI()
        let microphone = RecordingMicrophone()
        api.configuration.dashboard.microphone = microphone
        let errors = try await LiveAPI.webSocket(api, path: "/api/audio") { inbound, outbound in
            var errors: [String] = []
            func expectError(_ send: () async throws -> Void) async throws {
                try await send()
                let reply = try await inbound.nextJSON()
                #expect(reply["type"] == "error")
                errors.append(reply["error"]?.stringValue ?? "")
            }
            try await expectError { try await outbound.write(.binary(Self.pcm([1, 2]))) }
            try await expectError { try await outbound.write(.text("mute")) }
            for hello in [
                #"{"type": "hello"}"#, #"{"type": "hello", "sample_rate": 0}"#, #"{"type": "hello", "sample_rate": "16000"}"#,
                #"{"type": "hello", "sample_rate": 16000.5}"#, #"{"type": "hello", "sample_rate": 1000000}"#, #"{"type": "hello""#,
            ] {
                try await expectError { try await outbound.write(.text(hello)) }
            }
            try await outbound.write(.text(#"{"type": "hello", "sample_rate": 16000}"#))
            #expect(try await inbound.nextJSON()["type"] == "hello_ack")
            try await outbound.write(.binary(Self.pcm([10, 20])))
            try await expectError { try await outbound.write(.binary(ByteBuffer(bytes: [1, 2, 3]))) }
            try await outbound.write(.binary(Self.pcm([30])))
            try await expectError { try await outbound.write(.text(#"{"type": "hello", "sample_rate": 16000}"#)) }
            try await expectError { try await outbound.write(.text("talk louder")) }
            try await outbound.write(.binary(Self.pcm([40])))
            try await expectError { try await outbound.write(.text("{}")) }
            return errors
        }
        #expect(errors.count == 12)
        #expect(errors[0].contains("hello first"))
        #expect(errors[2].contains("sample_rate"))
        #expect(errors[8].contains("3 bytes"))
        #expect(errors[9].contains("already"))
        // The good frames around the bad ones all arrived, in order.
        #expect(microphone.pushed == [10, 20, 30, 40])
        #expect(microphone.calls == ["open 16000"])
    }

    /// The router's answer to one upgrade too many: 429 with the spec's
    /// JSON, decided before any upgrade.
    @Test func oneClientMoreThanMaxClientsIs429() async throws {
        let tokens = TestTokens()
        let headers = Self.upgradeHeaders(with: tokens.add([.read]))
        var api = try TestAPI.control(tokens: tokens)
        api.configuration.dashboard = DashboardConfiguration(maxClients: 2, microphone: RecordingMicrophone())
        try await api.test { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<3 {
                statuses.append(try await client.send(.get, "/api/audio", headers: headers).status)
            }
            #expect(statuses == [.ok, .ok, .tooManyRequests])
            let refused = try await client.send(.get, "/api/audio", headers: headers)
            #expect(refused.json == ["error": "too many browser microphones: at most 2 at once"])
        }
    }

    /// On a real socket: with max_clients connected, one more is refused
    /// with 429 without being upgraded, and once they leave a new client gets in.
    @Test func oneClientTooManyIsRefusedBeforeTheUpgradeUntilASlotIsFree() async throws {
        var api = try TestAPI()
        api.configuration.dashboard = DashboardConfiguration(maxClients: 2, microphone: RecordingMicrophone())
        try await LiveAPI.serve(api) { port in
            let holding = Gate()
            let release = Gate()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/api/audio", logger: Self.quietLogger) { inbound, outbound, _ in
                            try await outbound.write(.text(#"{"type": "hello", "sample_rate": 16000}"#))
                            var messages = inbound.messages(maxSize: 1 << 16).makeAsyncIterator()
                            _ = try await messages.next()
                            holding.open()
                            await release.wait()
                        }
                    }
                }
                await holding.wait(count: 2)
                let refused = try await Self.upgradeRequest(port: port)
                #expect(refused.status == .tooManyRequests, "\(refused.status)")
                await #expect(throws: (any Error).self) {
                    try await Self.client(port: port) { inbound, outbound in
                        try await outbound.write(.text(#"{"type": "hello", "sample_rate": 16000}"#))
                        return try await inbound.nextJSON()
                    }
                }
                release.open()
                try await group.waitForAll()
            }
            var acknowledged: Value?
            for _ in 0..<100 where acknowledged == nil {
                acknowledged = try? await Self.client(port: port) { inbound, outbound in
                    try await outbound.write(.text(#"{"type": "hello", "sample_rate": 16000}"#))
                    return try await inbound.nextJSON()["type"]
                }
                if acknowledged == nil { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(acknowledged == "hello_ack")
        }
    }

    @Test func withoutASpeechEngineTheMicrophoneIs503() async throws {
        let tokens = TestTokens()
        let headers = Self.upgradeHeaders(with: tokens.add([.read]))
        try await TestAPI.control(tokens: tokens).test { client in
            let refused = try await client.send(.get, "/api/audio", headers: headers)
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.json == ["error": "the browser microphone is not available: this Hearth has no speech engine"])
        }
    }

    /// The upgrade request's headers with a token's Authorization.
    static func upgradeHeaders(with authorization: HTTPFields) -> HTTPFields {
        var headers = upgradeHeaders
        headers.append(contentsOf: authorization)
        return headers
    }

    static let upgradeHeaders: HTTPFields = [
        .upgrade: "websocket", .connection: "Upgrade", .secWebSocketKey: "dGhlIHNhbXBsZSBub25jZQ==", .secWebSocketVersion: "13",
    ]

    static let kitchenBrain = """
        - name: "kitchen-light-on"
          signals:
            - order: "turn on the kitchen light"
          neurons:
            - say:
                message: "The kitchen light is on"
        - name: "kitchen-light-off"
          signals:
            - order: "turn off the kitchen light"
          neurons:
            - say:
                message: "The kitchen light is off"
        """

    /// A flite recording streamed as a browser would (48 kHz, 100 ms
    /// frames): the right synapse runs, and its spoken answer comes back to
    /// that client only, at the rate it states, not to the device's speaker
    /// nor to another browser.
    @Test func anOrderSpokenIntoTheBrowserIsAnsweredToThatBrowserOnly() async throws {
        var api = try TestAPI(brainYAML: Self.kitchenBrain, settingsYAML: settingsWithoutHooks)
        let runtime = api.runtime
        // Asks espeak-ng its rate: off the pool, as every use of the engine in tests.
        let microphone = try #require(try await offPool { BrowserMicrophone(runtime: runtime, synthesizer: SpeechSynthesizer(cacheDirectory: nil)) })
        api.configuration.dashboard.microphone = microphone
        let spoken = try await Self.flite("turn on the kitchen light")
        let audio = AudioBuffer(sampleRate: 16000, samples: [Int16](repeating: 0, count: 8000) + spoken + [Int16](repeating: 0, count: 24000))
            .resampled(to: 48000).samples
        let events = api.runtime.events.subscribe()
        let recognised = Task { () -> RuntimeEvent? in
            for await event in events where event.kind == .speechRecognized { return event }
            return nil
        }

        let (speaker, bystander) = try await LiveAPI.serve(api) { port in
            let bystanderReady = Gate()
            let speakerDone = Gate()
            return try await withThrowingTaskGroup(of: Exchange.self) { group in
                group.addTask {
                    try await Self.client(port: port) { inbound, outbound in
                        var exchange = Exchange()
                        try await outbound.write(.text(#"{"type": "hello", "sample_rate": 16000}"#))
                        exchange.texts.append(try await inbound.nextJSON())
                        bystanderReady.open()
                        await speakerDone.wait()
                        // Anything queued for this client would come before this answer.
                        try await outbound.write(.text("anything for me?"))
                        exchange.texts.append(try await inbound.nextJSON())
                        return exchange
                    }
                }
                group.addTask {
                    await bystanderReady.wait()
                    return try await Self.client(port: port) { inbound, outbound in
                        var exchange = Exchange()
                        try await outbound.write(.text(#"{"type": "hello", "sample_rate": 48000}"#))
                        exchange.texts.append(try await inbound.nextJSON())
                        for start in stride(from: 0, to: audio.count, by: 4800) {
                            try await outbound.write(.binary(Self.pcm(Array(audio[start..<min(audio.count, start + 4800)]))))
                        }
                        while exchange.texts.last?["type"] != "order_done" {
                            switch try await inbound.next() {
                            case .text(let text): exchange.texts.append(try #require(try JSON.decode(text).mapValue))
                            case .binary(let buffer): exchange.answerSamples += buffer.readableBytes / 2
                            }
                        }
                        speakerDone.open()
                        return exchange
                    }
                }
                var exchanges: [Exchange] = []
                for try await exchange in group { exchanges.append(exchange) }
                // The speaker's exchange ends on order_done; the bystander's on its error.
                let speaker = try #require(exchanges.first { $0.texts.last?["type"] == "order_done" })
                let bystander = try #require(exchanges.first { $0.texts.last?["type"] != "order_done" })
                return (speaker, bystander)
            }
        }

        let types = speaker.texts.compactMap { $0["type"]?.stringValue }
        #expect(types == ["hello_ack", "heard", "tts_start", "tts_end", "order_done"])
        #expect(speaker.texts[0]["tts_sample_rate"] == .int(microphone.answerSampleRate))
        #expect(speaker.texts[1]["text"] == "turn on the kitchen light")
        let start = speaker.texts[2]
        #expect(start["sample_rate"] == .int(microphone.answerSampleRate))
        let duration = try #require(start["duration"]?.doubleValue)
        #expect(duration > 0.5 && duration < 5)
        #expect(abs(Double(speaker.answerSamples) - duration * Double(microphone.answerSampleRate)) < 2)
        #expect(speaker.texts[4]["synapses"] == ["kitchen-light-on"])
        #expect(speaker.texts[4]["status"] == "complete")

        #expect(bystander.texts.map { $0["type"] } == ["hello_ack", "error"])
        #expect(api.speech.messages.isEmpty, "the device's speaker said \(api.speech.messages)")
        let event = await recognised.value
        #expect(event?.source == "browser")
        #expect(event?.data["text"] == "turn on the kitchen light")
    }

    // MARK: Helpers

    struct Exchange: Sendable {
        var texts: [[String: Value]] = []
        var answerSamples = 0
    }

    static let quietLogger: Logger = {
        var logger = Logger(label: "hearth.audio.test")
        logger.logLevel = .critical
        return logger
    }()

    static func pcm(_ samples: [Int16]) -> ByteBuffer {
        var buffer = ByteBuffer()
        for sample in samples { buffer.writeInteger(sample, endianness: .little) }
        return buffer
    }

    /// A WebSocket client on `/api/audio` running `body` with the connection.
    static func client<Result: Sendable>(
        port: Int, _ body: @escaping @Sendable (inout LiveAPI.MessageReader, WebSocketOutboundWriter) async throws -> Result
    ) async throws -> Result {
        let outcome = ResultBox<Result>()
        try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/api/audio", logger: quietLogger) { inbound, outbound, _ in
            var reader = LiveAPI.MessageReader(inbound.messages(maxSize: 1 << 20).makeAsyncIterator())
            outcome.set(try await body(&reader, outbound))
            try await outbound.close(.normalClosure, reason: nil)
        }
        guard let result = outcome.value else { throw LiveAPI.ConnectionClosed() }
        return result
    }

    /// A WebSocket upgrade request, as curl sees the answer (used where the
    /// server refuses: an accepted upgrade would leave curl waiting).
    static func upgradeRequest(port: Int) async throws -> (status: HTTPResponse.Status, json: Value) {
        let command = """
            curl -i -H "Upgrade: websocket" -H "Connection: Upgrade" -H "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==" \
            -H "Sec-WebSocket-Version: 13" http://127.0.0.1:\(port)/api/audio
            """
        let result = try await CurlResult.run(command, in: FileManager.default.temporaryDirectory)
        return (HTTPResponse.Status(code: result.status), result.json)
    }

    static func flite(_ text: String) async throws -> [Int16] {
        try await offPool {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-flite-\(UUID().uuidString).wav")
            defer { try? FileManager.default.removeItem(at: file) }
            let flite = Process()
            flite.executableURL = URL(fileURLWithPath: "/usr/bin/flite")
            flite.arguments = ["-voice", "slt", "-t", text, "-o", file.path]
            try flite.run()
            flite.waitUntilExit()
            return try WaveFile(contentsOfFile: file.path).audioBuffer(sampleRate: 16000).samples
        }
    }
}


/// Opens once; waiters pass from then on. `wait(count:)` waits for that many opens.
final class Gate: Sendable {
    private let opens = Mutex(0)

    func open() { opens.withLock { $0 += 1 } }

    func wait(count: Int = 1) async {
        while opens.withLock({ $0 }) < count {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }
}

/// A browser microphone that records what the connection gives it.
final class RecordingMicrophone: RemoteMicrophone {
    let answerSampleRate = 22050
    private let log = Mutex<[String]>([])
    private let samples = Mutex<[Int16]>([])

    func openSession(
        sampleRate: Int, send: @escaping @Sendable (RemoteMicrophoneMessage) async -> Void
    ) async throws -> any RemoteMicrophoneSession {
        record("open \(sampleRate)")
        return Session(microphone: self)
    }

    func record(_ call: String) { log.withLock { $0.append(call) } }
    var calls: [String] { log.withLock { $0 } }
    var pushed: [Int16] { samples.withLock { $0 } }

    struct Session: RemoteMicrophoneSession {
        let microphone: RecordingMicrophone

        func push(_ samples: [Int16]) { microphone.samples.withLock { $0 += samples } }
        func setMuted(_ muted: Bool) { microphone.record(muted ? "mute" : "unmute") }
        func stopAnswer() { microphone.record("stop") }
        func close() async {}
    }
}
