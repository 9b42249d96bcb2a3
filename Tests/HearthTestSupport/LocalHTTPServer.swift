import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A small HTTP server on a free loopback port, for code that calls URLs
/// (the `uri` neuron, the Home Assistant client). It answers fixed routes, or
/// asks a handler that sees the whole request and may take its time (a slow
/// server) or drop the connection (a failing one).
public final class LocalHTTPServer: Sendable {
    public struct Route: Sendable {
        public var status: HTTPResponseStatus
        public var contentType: String
        public var body: String

        public init(status: HTTPResponseStatus, contentType: String, body: String) {
            self.status = status
            self.contentType = contentType
            self.body = body
        }
    }

    /// A request as the server received it.
    public struct Request: Sendable {
        public var method: String
        /// The path with its query, as sent.
        public var uri: String
        public var headers: [(name: String, value: String)]
        public var body: String

        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// What a handler answers: a response, or a connection closed without one.
    public enum Reply: Sendable {
        case respond(Route)
        case dropConnection
    }

    public typealias Handler = @Sendable (Request) async -> Reply

    public let baseURL: String
    private let channel: any Channel
    private let log: RequestLog

    private init(channel: any Channel, log: RequestLog) {
        self.channel = channel
        self.log = log
        baseURL = "http://127.0.0.1:\(channel.localAddress!.port!)"
    }

    /// Answers `routes` by exact path; anything else is 404.
    public static func start(routes: [String: Route]) async throws -> LocalHTTPServer {
        try await start { request in
            .respond(routes[request.uri] ?? Route(status: .notFound, contentType: "text/plain", body: "not found"))
        }
    }

    public static func start(handler: @escaping Handler) async throws -> LocalHTTPServer {
        let requests = RequestLog()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Responder(handler: handler, requests: requests))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return LocalHTTPServer(channel: channel, log: requests)
    }

    /// "METHOD /path" of every request received, in order.
    public var requests: [String] { log.entries.withLock { $0.map { "\($0.method) \($0.uri)" } } }

    /// Every request received, whole, in order.
    public var receivedRequests: [Request] { log.entries.withLock { $0 } }

    public func stop() async throws {
        try await channel.close()
    }

    private final class RequestLog: Sendable {
        let entries = Mutex<[Request]>([])
    }

    private final class Responder: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let handler: Handler
        let requests: RequestLog
        var head: HTTPRequestHead?
        var body = ByteBuffer()

        init(handler: @escaping Handler, requests: RequestLog) {
            self.handler = handler
            self.requests = requests
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let request):
                head = request
                body.clear()
            case .body(var chunk):
                body.writeBuffer(&chunk)
            case .end:
                guard let head else { return }
                let request = Request(
                    method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) },
                    body: String(buffer: body))
                requests.entries.withLock { $0.append(request) }
                let handler = self.handler
                let loop = context.eventLoop
                let bound = NIOLoopBound((self, context), eventLoop: loop)
                let version = head.version
                Task {
                    let reply = await handler(request)
                    loop.execute {
                        let (responder, context) = bound.value
                        responder.write(reply, version: version, context: context)
                    }
                }
            }
        }

        private func write(_ reply: Reply, version: HTTPVersion, context: ChannelHandlerContext) {
            switch reply {
            case .dropConnection:
                context.close(promise: nil)
            case .respond(let route):
                var headers = HTTPHeaders()
                headers.add(name: "Content-Type", value: route.contentType)
                headers.add(name: "Content-Length", value: String(route.body.utf8.count))
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: route.status, headers: headers))), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: route.body)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}
