import Foundation
import HearthBrain
import HearthRuntime
import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// `WS /api/audio`, the browser microphone. The client says
/// `{"type": "hello", "sample_rate": N}` and gets `hello_ack`; then binary
/// frames of mono 16-bit little-endian PCM at that rate, and the text frames
/// `mute`, `unmute` and `stop`. What it says is heard by the same pipeline as
/// the device's microphone; the answer comes back to it alone as
/// `tts_start`, binary PCM at the stated rate, `tts_end`. Hearth also says
/// what it `heard` and when the order is `order_done`. A frame it cannot use
/// gets `{"type": "error", "error": ...}` and the session goes on.
struct BrowserAudioRoutes: APIRouteGroup {
    static let path = "/api/audio"
    /// Sample rates a browser's audio context may run at.
    static let sampleRates = 8000...192_000

    let configuration: DashboardConfiguration
    let slots: ClientSlots
    /// Largest client message; a second of 48 kHz PCM is 96 KB.
    let maxMessageSize: Int

    init(configuration: DashboardConfiguration, maxMessageSize: Int) {
        self.configuration = configuration
        self.slots = ClientSlots(limit: configuration.maxClients)
        self.maxMessageSize = maxMessageSize
    }

    var routes: [APIRoute] {
        let microphone = configuration.microphone
        let slots = self.slots
        let maxMessageSize = self.maxMessageSize
        return [
            APIRoute(webSocket: Self.path, WebSocketEndpoint(
                admit: { _, _ in
                    guard microphone != nil else {
                        throw APIError.unavailable("the browser microphone is not available: this Hearth has no speech engine")
                    }
                    guard slots.reserve() else {
                        throw APIError.tooManyRequests("too many browser microphones: at most \(slots.limit) at once")
                    }
                },
                session: { inbound, outbound, _ in
                    slots.claim()
                    defer { slots.release() }
                    guard let microphone else { return }
                    let session = BrowserAudioSession(microphone: microphone, outbound: outbound)
                    try await session.run(inbound.messages(maxSize: maxMessageSize))
                }))
        ]
    }
}

/// One browser's connection: the protocol's frames in and out; the audio
/// work is the microphone session's.
final class BrowserAudioSession: Sendable {
    let microphone: any RemoteMicrophone
    let outbound: WebSocketOutboundWriter
    let id = UUID()

    init(microphone: any RemoteMicrophone, outbound: WebSocketOutboundWriter) {
        self.microphone = microphone
        self.outbound = outbound
    }

    func run(_ messages: WebSocketInboundMessageStream) async throws {
        var session: (any RemoteMicrophoneSession)?
        do {
            for try await message in messages {
                switch message {
                case .text(let text):
                    try await handle(text: text, session: &session)
                case .binary(let buffer):
                    guard let session else {
                        try await refuse("say hello first: {\"type\": \"hello\", \"sample_rate\": 16000}")
                        continue
                    }
                    guard buffer.readableBytes.isMultiple(of: 2) else {
                        try await refuse("a PCM frame holds whole 16-bit samples; this one has \(buffer.readableBytes) bytes")
                        continue
                    }
                    session.push(Self.samples(buffer))
                }
            }
        } catch {
            await session?.close()
            throw error
        }
        await session?.close()
    }

    private func handle(text: String, session: inout (any RemoteMicrophoneSession)?) async throws {
        let command = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let type = command.hasPrefix("{") ? (try? JSON.decode(command))?.mapValue?["type"]?.stringValue : command
        switch type {
        case "hello":
            guard session == nil else { return try await refuse("hello was already said; this session hears \(id.uuidString.lowercased())") }
            guard case .int(let rate)? = (try? JSON.decode(command))?.mapValue?["sample_rate"],
                  BrowserAudioRoutes.sampleRates.contains(rate)
            else {
                return try await refuse(
                    "hello needs a whole sample_rate from \(BrowserAudioRoutes.sampleRates.lowerBound) to \(BrowserAudioRoutes.sampleRates.upperBound)")
            }
            do {
                let outbound = self.outbound
                session = try await microphone.openSession(sampleRate: rate) { message in
                    // A client that left misses the rest; nothing else to do.
                    try? await Self.send(message, to: outbound)
                }
            } catch {
                return try await refuse("speech to text is not available: \(error)")
            }
            try await send([
                "type": "hello_ack", "session_id": .string(id.uuidString.lowercased()), "sample_rate": .int(rate),
                "tts_sample_rate": .int(microphone.answerSampleRate),
            ])
        case "mute", "unmute", "stop":
            guard let session else { return try await refuse("say hello first: {\"type\": \"hello\", \"sample_rate\": 16000}") }
            if type == "stop" {
                session.stopAnswer()
            } else {
                session.setMuted(type == "mute")
            }
        default:
            try await refuse("unknown message; send hello, mute, unmute, stop, or binary PCM")
        }
    }

    /// Little-endian 16-bit samples.
    static func samples(_ buffer: ByteBuffer) -> [Int16] {
        var buffer = buffer
        var samples: [Int16] = []
        samples.reserveCapacity(buffer.readableBytes / 2)
        while let sample = buffer.readInteger(endianness: .little, as: Int16.self) { samples.append(sample) }
        return samples
    }

    private func refuse(_ message: String) async throws {
        try await send(["type": "error", "error": .string(message)])
    }

    private func send(_ value: Value) async throws {
        try await outbound.write(.text(JSON.encode(value)))
    }

    static func send(_ message: RemoteMicrophoneMessage, to outbound: WebSocketOutboundWriter) async throws {
        switch message {
        case .heard(let text):
            try await outbound.write(.text(JSON.encode(["type": "heard", "text": .string(text)])))
        case .answerStarted(let duration, let rate):
            try await outbound.write(.text(JSON.encode(["type": "tts_start", "duration": .double(duration), "sample_rate": .int(rate)])))
        case .answerAudio(let samples):
            var buffer = ByteBuffer()
            buffer.reserveCapacity(samples.count * 2)
            for sample in samples { buffer.writeInteger(sample, endianness: .little) }
            try await outbound.write(.binary(buffer))
        case .answerEnded:
            try await outbound.write(.text(JSON.encode(["type": "tts_end"])))
        case .orderDone(let synapses, let status):
            try await outbound.write(.text(JSON.encode([
                "type": "order_done", "synapses": .list(synapses.map(Value.string)), "status": status.map(Value.string) ?? .null,
            ])))
        }
    }
}
