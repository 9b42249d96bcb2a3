import Foundation
import HearthAudio
import HearthBrain
import HearthNeurons
import HearthRuntime
import HearthTestSupport
import NIOCore
import NIOPosix
import Synchronization
import Testing
@testable import HearthWyoming

/// Home Assistant's side of a Wyoming connection, in the test: sends events
/// (or raw bytes), and keeps every event the satellite sends.
final class HomeAssistantClient: Sendable {
    struct Timeout: Error, CustomStringConvertible {
        let description: String
    }

    private let channel: any Channel
    private let inbox: Inbox

    final class Inbox: ChannelInboundHandler, Sendable {
        typealias InboundIn = WyomingEvent
        let events = Mutex<[WyomingEvent]>([])

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let event = unwrapInboundIn(data)
            events.withLock { $0.append(event) }
        }
    }

    private init(channel: any Channel, inbox: Inbox) {
        self.channel = channel
        self.inbox = inbox
    }

    static func connect(port: Int) async throws -> HomeAssistantClient {
        let inbox = Inbox()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([ByteToMessageHandler(WyomingFrameDecoder()), inbox])
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return HomeAssistantClient(channel: channel, inbox: inbox)
    }

    func send(_ event: WyomingEvent) async throws {
        var buffer = channel.allocator.buffer(capacity: 256 + event.payload.count)
        WyomingFrameEncoder.write(event, into: &buffer)
        try await channel.writeAndFlush(buffer)
    }

    func send(raw text: String) async throws {
        try await channel.writeAndFlush(channel.allocator.buffer(string: text))
    }

    func send(rawBytes bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(channel.allocator.buffer(bytes: bytes))
    }

    var received: [WyomingEvent] { inbox.events.withLock { $0 } }

    func received(_ type: String) -> [WyomingEvent] { received.filter { $0.type == type } }

    /// Waits for the `count`-th event of `type` (1 = the first ever received).
    @discardableResult
    func waitFor(_ type: String, count: Int = 1, within seconds: Double = 5) async throws -> WyomingEvent {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let matching = received(type)
            if matching.count >= count { return matching[count - 1] }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw Timeout(description: "no '\(type)' #\(count) within \(seconds) s; got \(received.map(\.type))")
    }

    /// True once the satellite has closed the connection (within `seconds`).
    func closedBySatellite(within seconds: Double = 5) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if !channel.isActive { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return !channel.isActive
    }

    var isOpen: Bool { channel.isActive }

    func close() async { try? await channel.close() }
}

/// What the satellite played and said, instead of a speaker.
final class RecordingSatelliteOutput: SatelliteOutput {
    private let log = Mutex<(played: [AudioBuffer], said: [String])>(([], []))

    func play(_ audio: AudioBuffer) async throws { log.withLock { $0.played.append(audio) } }
    func say(_ text: String) async throws { log.withLock { $0.said.append(text) } }

    var played: [AudioBuffer] { log.withLock { $0.played } }
    var said: [String] { log.withLock { $0.said } }
}

/// A runtime, a satellite and its server on a free port.
struct SatelliteFixture {
    static let brainYAML = """
        - name: "lights-on"
          signals:
            - order: "turn on the kitchen lights"
          neurons:
            - say:
                message: "The kitchen lights are on"
        """

    let runtime: Runtime
    let output = RecordingSatelliteOutput()
    let satellite: WyomingSatellite
    let server: WyomingServer
    let events: RuntimeEventLog

    init(mode: WyomingSettings.Mode = .homeAssistant, timing: WyomingSatellite.Timing = .init()) async throws {
        var settings = StarterBrain.loadSettings().settings
        settings.hooks = [:]
        runtime = Runtime(
            brain: try BrainLoader.load(text: Self.brainYAML, name: "test").brain, settings: settings,
            configuration: RuntimeConfiguration(neurons: CoreNeurons.registry, terminate: {}))
        events = RuntimeEventLog(runtime.events.subscribe())
        satellite = WyomingSatellite(
            info: SatelliteInfo(name: "Kitchen Hearth", area: "Kitchen", wakePhrase: "hey hearth", version: "test"),
            mode: mode, runtime: runtime, output: output, timing: timing)
        server = try await WyomingServer.start(satellite: satellite, host: "127.0.0.1", port: 0)
    }

    /// A client that has sent `run-satellite` and is the session.
    func homeAssistant() async throws -> HomeAssistantClient {
        let client = try await HomeAssistantClient.connect(port: server.port)
        try await client.send(WyomingEvent(WyomingEvent.Kind.runSatellite))
        try #require(await eventually { satellite.isRunning })
        return client
    }

    /// The runtime events of `kind`, once `count` of them were published
    /// (or what there is after `seconds`).
    func published(_ kind: RuntimeEvent.Kind, count: Int = 1, within seconds: Double = 5) async -> [RuntimeEvent] {
        _ = await eventually(within: seconds) { events.of(kind).count >= count }
        return events.of(kind)
    }
}

/// Every runtime event published since it was made.
final class RuntimeEventLog: Sendable {
    private final class Events: Sendable {
        let list = Mutex<[RuntimeEvent]>([])
    }

    private let events: Events
    private let reader: Task<Void, Never>

    init(_ stream: AsyncStream<RuntimeEvent>) {
        let events = Events()
        self.events = events
        reader = Task { for await event in stream { events.list.withLock { $0.append(event) } } }
    }

    deinit { reader.cancel() }

    func of(_ kind: RuntimeEvent.Kind) -> [RuntimeEvent] { events.list.withLock { $0.filter { $0.kind == kind } } }
}

/// Mono 16-bit samples from an audio chunk's payload.
func samples(of chunk: WyomingEvent) -> [Int16] { PCMFormat.microphone.monoSamples(chunk.payload) }
