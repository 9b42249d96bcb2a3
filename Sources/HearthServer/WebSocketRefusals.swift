import Hummingbird
import NIOCore
import Synchronization

/// The router's answer to a WebSocket upgrade it refused, with the body
/// already read so a channel handler can write it synchronously.
struct WebSocketRefusal: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: ByteBuffer
}

/// Refusals waiting, per connection, for the failed-upgrade answer they
/// replace.
///
/// hummingbird-websocket asks the router whether to upgrade, but when the
/// router refuses it drops the answer and writes a bare 400 itself. The
/// router's answer is recorded here by `WebSocketRefusalMiddleware` and
/// taken back by `WebSocketRefusalWriter`, which the library adds to the
/// same connection's pipeline only on the path that writes that 400. The
/// two meet on the connection (the channel), the one thing both see.
///
/// One store per server, not a global: entries live from the refusal until
/// the writer takes them, or until the connection closes if it never does.
final class WebSocketRefusals: Sendable {
    private let pending = Mutex<[ObjectIdentifier: WebSocketRefusal]>([:])

    /// Keeps `refusal` for `channel`'s failed-upgrade answer, and drops it
    /// when the connection closes, so a connection that ends before that
    /// answer leaves nothing behind.
    func record(_ refusal: WebSocketRefusal, for channel: any Channel) {
        let key = ObjectIdentifier(channel)
        pending.withLock { $0[key] = refusal }
        channel.closeFuture.whenComplete { [self] _ in
            pending.withLock { _ = $0.removeValue(forKey: key) }
        }
    }

    /// Removes and returns the refusal kept for `channel`, if any.
    func take(for channel: any Channel) -> WebSocketRefusal? {
        let key = ObjectIdentifier(channel)
        return pending.withLock { $0.removeValue(forKey: key) }
    }
}
