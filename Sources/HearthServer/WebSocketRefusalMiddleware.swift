import Hummingbird
import NIOCore

/// Records the router's answer to a WebSocket upgrade it refuses, so the
/// connection answers with it (see `WebSocketRefusals`).
///
/// It runs outermost, so what it records is the final answer: the one the
/// request log counted, with CORS headers and the JSON error body.
struct WebSocketRefusalMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let refusals: WebSocketRefusals

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        // Only upgrade requests reach the router with this header: on plain
        // connections hummingbird-websocket redirects them before routing.
        // A 200 is an accepted upgrade (or a route that cannot upgrade, for
        // which the library's own 400 stays the answer).
        guard request.headers[.upgrade]?.lowercased() == "websocket", response.status != .ok else { return response }
        let body = try await Self.collect(response.body)
        refusals.record(WebSocketRefusal(status: response.status, headers: response.headers, body: body), for: context.channel)
        return Response(status: response.status, headers: response.headers, body: ResponseBody(byteBuffer: body))
    }

    /// The whole body in one buffer; refusals are short JSON errors.
    private static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let collector = BodyCollector()
        try await body.write(collector)
        return collector.buffer
    }
}

/// Writes a response body into a buffer instead of onto a connection.
private final class BodyCollector: ResponseBodyWriter {
    var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        self.buffer.writeBuffer(&buffer)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
