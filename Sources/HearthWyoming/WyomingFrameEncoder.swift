import HearthBrain
import NIOCore

/// Events to bytes: the header line carries `type` and `version`; data, when
/// there is any, follows as its own JSON object (`data_length`), then the
/// payload (`payload_length`), as the protocol's reference implementation
/// writes them.
public struct WyomingFrameEncoder: MessageToByteEncoder {
    public typealias OutboundIn = WyomingEvent

    public init() {}

    public func encode(data event: WyomingEvent, out: inout ByteBuffer) {
        Self.write(event, into: &out)
    }

    public static func write(_ event: WyomingEvent, into out: inout ByteBuffer) {
        var header: [String: Value] = ["type": .string(event.type), "version": .string(WyomingEvent.protocolVersion)]
        // JSON.encode escapes control characters, so neither part holds a raw newline.
        let data = event.data.isEmpty ? [] : Array(JSON.encode(.map(event.data)).utf8)
        if !data.isEmpty { header["data_length"] = .int(data.count) }
        if !event.payload.isEmpty { header["payload_length"] = .int(event.payload.count) }
        out.writeString(JSON.encode(.map(header)))
        out.writeInteger(UInt8(ascii: "\n"))
        out.writeBytes(data)
        out.writeBytes(event.payload)
    }
}
