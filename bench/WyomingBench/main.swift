// hearth-wyoming-bench: the Wyoming satellite's own costs.
//   codec   N      audio-chunk frames (1024 samples) encoded then decoded, frames per second
//   latency N      from the relay taking an utterance at the wake word to
//                  the first audio-chunk read by a client on loopback
import Foundation
import HearthAudio
import HearthBrain
import HearthRuntime
import HearthWyoming
import Logging
import NIOCore
import NIOPosix
import Synchronization

func codec(frames: Int) throws {
    let chunk = WyomingEvent.audioChunk((0..<1024).map { Int16(truncatingIfNeeded: $0 * 31) }, rate: 16000, timestamp: 123_456)
    var buffer = ByteBuffer()
    let started = ContinuousClock.now
    for _ in 0..<frames { WyomingFrameEncoder.write(chunk, into: &buffer) }
    let encoded = ContinuousClock.now
    let bytes = buffer.readableBytes
    var decoder = WyomingFrameDecoder()
    var decoded = 0
    while let event = try decoder.next(from: &buffer) {
        precondition(event == chunk)
        decoded += 1
    }
    let finished = ContinuousClock.now
    func rate(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.0f frames/s (%.1f MB/s)", Double(frames) / seconds, Double(bytes) / seconds / 1e6)
    }
    print("codec: \(decoded) audio-chunk frames of \(bytes / frames) bytes: encode \(rate(encoded - started)), decode \(rate(finished - encoded))")
}

/// Records when the first audio chunk of each stream arrives.
final class FirstChunk: ChannelInboundHandler, Sendable {
    typealias InboundIn = WyomingEvent
    let arrivals = Mutex<[ContinuousClock.Instant]>([])
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if unwrapInboundIn(data).type == WyomingEvent.Kind.audioChunk { arrivals.withLock { $0.append(.now) } }
    }
}

struct Silent: SatelliteOutput {
    func play(_ audio: AudioBuffer) async throws {}
    func say(_ text: String) async throws {}
}

func latency(streams: Int) async throws {
    // One line per stream would be measured along with it.
    var quiet = Logger(label: "hearth.wyoming")
    quiet.logLevel = .warning
    let runtime = Runtime(brain: Brain(synapses: []), settings: Settings(), configuration: RuntimeConfiguration(neurons: NeuronRegistry(), terminate: {}))
    let satellite = WyomingSatellite(
        info: SatelliteInfo(name: "bench", area: nil, wakePhrase: "hey hearth", version: "bench"), mode: .homeAssistant,
        runtime: runtime, output: Silent(), logger: quiet)
    let server = try await WyomingServer.start(satellite: satellite, host: "127.0.0.1", port: 0, logger: quiet)
    let inbox = FirstChunk()
    let client = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .channelOption(.socketOption(.tcp_nodelay), value: 1)
        .channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandlers([
                    ByteToMessageHandler(WyomingFrameDecoder()), MessageToByteHandler(WyomingFrameEncoder()), inbox,
                ])
            }
        }
        .connect(host: "127.0.0.1", port: server.port).get()
    try await client.writeAndFlush(WyomingEvent(WyomingEvent.Kind.runSatellite))
    while !satellite.isRunning { try await Task.sleep(for: .milliseconds(1)) }

    let frame = [Int16](repeating: 100, count: 1024)
    var samples: [Double] = []
    for index in 0..<streams {
        let woke = ContinuousClock.now
        guard satellite.takesUtteranceAtWake(), satellite.relay(frame, sampleRate: 16000) else { fatalError("the satellite refused a stream") }
        while inbox.arrivals.withLock({ $0.count }) <= index { try await Task.sleep(for: .microseconds(50)) }
        let arrived = inbox.arrivals.withLock { $0[index] }
        let elapsed = arrived - woke
        samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        try await client.writeAndFlush(WyomingEvent(WyomingEvent.Kind.transcript, data: ["text": "bench"]))
        while satellite.isStreaming { try await Task.sleep(for: .microseconds(50)) }
        _ = satellite.relay([], sampleRate: 16000)
    }
    samples.sort()
    func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
    print(String(format: "wake -> first audio-chunk read by Home Assistant's side (loopback): p50 %.3f ms, p99 %.3f ms, max %.3f ms over %d streams",
                 percentile(0.5), percentile(0.99), samples.last ?? 0, streams))
    try await client.close()
    await server.close()
}

let arguments = CommandLine.arguments
guard arguments.count == 3, let count = Int(arguments[2]), count > 0 else {
    print("usage: hearth-wyoming-bench codec|latency COUNT")
    exit(2)
}
switch arguments[1] {
case "codec": try codec(frames: count)
case "latency": try await latency(streams: count)
default:
    print("usage: hearth-wyoming-bench codec|latency COUNT")
    exit(2)
}
