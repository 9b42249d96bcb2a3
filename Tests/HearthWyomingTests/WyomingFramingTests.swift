import HearthBrain
import NIOCore
import NIOEmbedded
import Testing
@testable import HearthWyoming

@Suite struct WyomingFramingTests {
    /// Decodes every whole event in `chunks`, fed one after the other.
    func decode(_ chunks: [[UInt8]], limits: WyomingFrameLimits = WyomingFrameLimits()) throws -> [WyomingEvent] {
        var decoder = WyomingFrameDecoder(limits: limits)
        var buffer = ByteBuffer()
        var events: [WyomingEvent] = []
        for chunk in chunks {
            buffer.writeBytes(chunk)
            while let event = try decoder.next(from: &buffer) { events.append(event) }
        }
        return events
    }

    func decode(_ text: String, limits: WyomingFrameLimits = WyomingFrameLimits()) throws -> [WyomingEvent] {
        try decode([Array(text.utf8)], limits: limits)
    }

    func encoded(_ event: WyomingEvent) -> [UInt8] {
        var buffer = ByteBuffer()
        WyomingFrameEncoder.write(event, into: &buffer)
        return buffer.readBytes(length: buffer.readableBytes) ?? []
    }

    @Test func aHeaderWithInlineDataIsAnEvent() throws {
        let events = try decode(#"{"type": "transcript", "data": {"text": "turn on the lights"}}"# + "\n")
        #expect(events == [WyomingEvent("transcript", data: ["text": "turn on the lights"])])
    }

    @Test func additionalDataIsMergedOverTheHeadersData() throws {
        let extra = #"{"text": "from the data block", "language": "en"}"#
        let header = #"{"type": "transcript", "data": {"text": "inline", "context": 1}, "data_length": \#(extra.utf8.count)}"#
        let events = try decode(header + "\n" + extra)
        #expect(events.first?.data == ["text": "from the data block", "language": "en", "context": 1])
    }

    @Test func thePayloadIsExactlyPayloadLengthBytes() throws {
        let data = #"{"rate": 16000, "width": 2, "channels": 1}"#
        let header = #"{"type": "audio-chunk", "data_length": \#(data.utf8.count), "payload_length": 4, "version": "1.5.2"}"#
        let bytes = Array((header + "\n" + data).utf8) + [1, 0, 255, 255] + Array(#"{"type": "ping"}"#.utf8) + [10]
        let events = try decode([bytes])
        #expect(events.map(\.type) == ["audio-chunk", "ping"])
        #expect(events[0].payload == [1, 0, 255, 255])
        #expect(PCMFormat(event: events[0]) == PCMFormat(rate: 16000, width: 2, channels: 1))
        #expect(PCMFormat.microphone.monoSamples(events[0].payload) == [1, -1])
    }

    @Test func aFrameSplitAcrossReadsArrivesWhole() throws {
        let event = WyomingEvent.audioChunk([100, -200, 300], rate: 16000, timestamp: 42)
        let bytes = encoded(event) + encoded(WyomingEvent("pong", data: ["text": .null]))
        // One byte per read: header, data and payload all cut everywhere.
        #expect(try decode(bytes.map { [$0] }) == [event, WyomingEvent("pong", data: ["text": .null])])
        // And in two reads cut inside the payload.
        #expect(try decode([Array(bytes.prefix(bytes.count - 30)), Array(bytes.suffix(30))]).count == 2)
    }

    @Test func nullsStandForNothing() throws {
        let events = try decode(#"{"type": "audio-stop", "data": null, "data_length": null, "payload_length": null}"# + "\n"
            + #"{"type": "detection", "data": {"name": null, "timestamp": null}}"# + "\n")
        #expect(events == [WyomingEvent("audio-stop"), WyomingEvent("detection", data: ["name": .null, "timestamp": .null])])
    }

    @Test func blankLinesBetweenFramesAreSkipped() throws {
        #expect(try decode("\n\r\n" + #"{"type": "describe"}"# + "\n\n").map(\.type) == ["describe"])
    }

    @Test func encodingWritesDataAndPayloadAfterTheHeaderAndDecodesBack() throws {
        let event = WyomingEvent(
            "audio-chunk", data: ["rate": 22050, "width": 2, "channels": 1, "note": "line\nbreak"], payload: [1, 2, 3, 4])
        let bytes = encoded(event)
        let newline = try #require(bytes.firstIndex(of: 10))
        guard case .map(let header)? = try? JSON.decode(Array(bytes[..<newline])) else {
            Issue.record("the header is not a JSON object")
            return
        }
        #expect(header["type"] == "audio-chunk")
        #expect(header["version"] == .string(WyomingEvent.protocolVersion))
        #expect(header["payload_length"] == 4)
        #expect(header["data_length"]?.intValue == bytes.count - newline - 1 - 4)
        #expect(Array(bytes.suffix(4)) == [1, 2, 3, 4])
        #expect(try decode([bytes]) == [event])
        // No data, no payload: the header alone.
        #expect(encoded(WyomingEvent("played")).filter { $0 == 10 }.count == 1)
        #expect(try decode([encoded(WyomingEvent("played"))]) == [WyomingEvent("played")])
    }

    @Test(arguments: [
        (#"{"type": "ping""#, "not JSON"),
        (#"["ping"]"#, "not a JSON object"),
        (#"{"data": {}}"#, "no event type"),
        (#"{"type": 7}"#, "no event type"),
        (#"{"type": "ping", "data": [1]}"#, "not a JSON object"),
        (#"{"type": "ping", "data_length": -1}"#, "not a byte count"),
        (#"{"type": "ping", "payload_length": "ten"}"#, "not a byte count"),
        (#"{"type": "ping", "payload_length": 2000000}"#, "over the limit"),
        (#"{"type": "ping", "data_length": 3}"# + "\n" + "[1]", "not a JSON object"),
    ])
    func malformedFramesAreRefused(frame: String, reason: String) throws {
        let error = #expect(throws: WyomingFrameError.self) { try decode(frame + "\n") }
        #expect(error?.description.contains(reason) == true, "\(error?.description ?? "")")
    }

    @Test func aHeaderLineWithoutEndOverTheLimitIsRefusedBeforeItEnds() throws {
        var limits = WyomingFrameLimits()
        limits.headerBytes = 1024
        let endless = [UInt8](repeating: UInt8(ascii: "a"), count: 600)
        #expect(throws: WyomingFrameError.self) { try decode([endless, endless], limits: limits) }
        // Under the limit it simply waits for more.
        #expect(try decode([endless], limits: limits).isEmpty)
    }

    @Test func aConnectionClosingMidFrameIsHarmless() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(WyomingFrameDecoder()))
        let whole = encoded(WyomingEvent("describe"))
        let partial = encoded(WyomingEvent.audioChunk([1, 2, 3], rate: 16000, timestamp: 0)).dropLast(3)
        try channel.writeInbound(ByteBuffer(bytes: whole + partial))
        #expect(try channel.readInbound(as: WyomingEvent.self) == WyomingEvent("describe"))
        // Closing with the partial frame left raises no error and delivers nothing more.
        #expect(try channel.finish().isClean)
    }
}
