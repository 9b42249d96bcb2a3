import Hummingbird
import NIOCore
import NIOHTTPTypes

/// Puts the router's refusal of a WebSocket upgrade on the wire in place of
/// hummingbird-websocket's bare 400.
///
/// The library adds its HTTP/1 configuration's extra handlers to every
/// connection that is not upgraded, and on a refused upgrade it writes
/// nothing but its 400 (head and end) before closing. So this handler, made
/// for each connection, takes the refusal recorded for its connection when
/// added, and, if there is one, swaps the 400 for it; on every other
/// connection it passes writes through untouched.
final class WebSocketRefusalWriter: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let refusals: WebSocketRefusals
    private var refusal: WebSocketRefusal?

    init(refusals: WebSocketRefusals) {
        self.refusals = refusals
    }

    func handlerAdded(context: ChannelHandlerContext) {
        refusal = refusals.take(for: context.channel)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard let refusal else {
            context.write(data, promise: promise)
            return
        }
        switch unwrapOutboundIn(data) {
        case .head:
            var headers = refusal.headers
            headers[.contentLength] = String(refusal.body.readableBytes)
            // The library closes the connection after its answer; say so.
            headers[.connection] = "close"
            context.write(wrapOutboundOut(.head(HTTPResponse(status: refusal.status, headerFields: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(refusal.body)), promise: promise)
        case .body:
            // The library's 400 has no body; nothing of it may follow ours.
            promise?.succeed()
        case .end:
            context.write(wrapOutboundOut(.end(nil)), promise: promise)
        }
    }
}
