import HearthBrain
import NIOCore

/// How large a frame's parts may be. Home Assistant's largest events are
/// `info` (a few KiB) and audio chunks (2 KiB); the limits leave room for
/// other servers without letting a peer make Hearth buffer megabytes.
public struct WyomingFrameLimits: Sendable, Equatable {
    /// The JSON header line, without its newline.
    public var headerBytes = 64 * 1024
    /// The additional data (`data_length`).
    public var dataBytes = 256 * 1024
    /// The binary payload (`payload_length`).
    public var payloadBytes = 1024 * 1024

    public init() {}
}

/// A frame Hearth will not read; the connection that sent it is closed.
public struct WyomingFrameError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    init(_ description: String) { self.description = description }
}

/// Bytes to events. A frame is one JSON header line (`type`, optional
/// `data`, `data_length`, `payload_length`, `version`), then `data_length`
/// bytes of a JSON object merged over the header's `data`, then
/// `payload_length` bytes of payload. Absent and null lengths mean none.
/// Blank lines between frames are skipped.
public struct WyomingFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = WyomingEvent

    public let limits: WyomingFrameLimits
    /// A header read whose data and payload have not all arrived.
    private var header: Header?

    private struct Header {
        var type: String
        var data: [String: Value]
        var dataLength: Int
        var payloadLength: Int
    }

    public init(limits: WyomingFrameLimits = WyomingFrameLimits()) {
        self.limits = limits
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let event = try next(from: &buffer) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(event))
        return .continue
    }

    /// A connection that closes mid-frame (or without a word) ends quietly:
    /// whole frames are delivered, a partial one is dropped.
    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }

    /// The next whole event in `buffer`, consuming it; nil until one has arrived.
    public mutating func next(from buffer: inout ByteBuffer) throws(WyomingFrameError) -> WyomingEvent? {
        while header == nil {
            let view = buffer.readableBytesView
            guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
                guard buffer.readableBytes <= limits.headerBytes else {
                    throw WyomingFrameError("header line longer than \(limits.headerBytes) bytes")
                }
                return nil
            }
            let length = view.distance(from: view.startIndex, to: newline)
            guard length <= limits.headerBytes else { throw WyomingFrameError("header line longer than \(limits.headerBytes) bytes") }
            let line = buffer.readBytes(length: length) ?? []
            buffer.moveReaderIndex(forwardBy: 1)
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }) { continue }
            header = try parseHeader(line)
        }
        guard let header, buffer.readableBytes >= header.dataLength + header.payloadLength else { return nil }
        var data = header.data
        if header.dataLength > 0 {
            let bytes = buffer.readBytes(length: header.dataLength) ?? []
            guard case .map(let extra)? = try? JSON.decode(bytes) else {
                self.header = nil
                throw WyomingFrameError("the \(header.dataLength) bytes of data of '\(header.type)' are not a JSON object")
            }
            data.merge(extra) { _, new in new }
        }
        let payload = header.payloadLength > 0 ? buffer.readBytes(length: header.payloadLength) ?? [] : []
        self.header = nil
        return WyomingEvent(header.type, data: data, payload: payload)
    }

    private func parseHeader(_ line: [UInt8]) throws(WyomingFrameError) -> Header {
        let parsed: Value
        do {
            parsed = try JSON.decode(line)
        } catch {
            throw WyomingFrameError("header is not JSON: \(error)")
        }
        guard case .map(let fields) = parsed else { throw WyomingFrameError("header is not a JSON object") }
        guard case .string(let type)? = fields["type"], !type.isEmpty else { throw WyomingFrameError("header has no event type") }
        var data: [String: Value] = [:]
        switch fields["data"] {
        case nil, .null?: break
        case .map(let inline)?: data = inline
        default: throw WyomingFrameError("'data' of '\(type)' is not a JSON object")
        }
        return Header(
            type: type, data: data,
            dataLength: try length(fields["data_length"], named: "data_length", limit: limits.dataBytes, of: type),
            payloadLength: try length(fields["payload_length"], named: "payload_length", limit: limits.payloadBytes, of: type))
    }

    private func length(_ value: Value?, named name: String, limit: Int, of type: String) throws(WyomingFrameError) -> Int {
        switch value {
        case nil, .null?: return 0
        case .int(let count)? where count >= 0:
            guard count <= limit else { throw WyomingFrameError("\(name) \(count) of '\(type)' is over the limit of \(limit) bytes") }
            return count
        default: throw WyomingFrameError("\(name) of '\(type)' is not a byte count")
        }
    }
}
