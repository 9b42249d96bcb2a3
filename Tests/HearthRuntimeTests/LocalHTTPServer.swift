import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A small HTTP server on a free loopback port, answering fixed routes, for
/// neurons that call URLs.
final class LocalHTTPServer: Sendable {
    struct Route: Sendable {
        var status: HTTPResponseStatus
        var contentType: String
        var body: String
    }

    let baseURL: String
    private let channel: any Channel
    private let log: RequestLog

    private init(channel: any Channel, log: RequestLog) {
        self.channel = channel
        self.log = log
        baseURL = "http://127.0.0.1:\(channel.localAddress!.port!)"
    }

    static func start(routes: [String: Route]) async throws -> LocalHTTPServer {
        let requests = RequestLog()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Responder(routes: routes, requests: requests))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return LocalHTTPServer(channel: channel, log: requests)
    }

    /// "METHOD /path" of every request answered, in order.
    var requests: [String] { log.lines.withLock { $0 } }

    func stop() async throws {
        try await channel.close()
    }

    private final class RequestLog: Sendable {
        let lines = Mutex<[String]>([])
    }

    private final class Responder: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let routes: [String: Route]
        let requests: RequestLog
        var head: HTTPRequestHead?

        init(routes: [String: Route], requests: RequestLog) {
            self.routes = routes
            self.requests = requests
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let request):
                head = request
            case .body:
                break
            case .end:
                guard let request = head else { return }
                requests.lines.withLock { $0.append("\(request.method.rawValue) \(request.uri)") }
                let route = routes[request.uri] ?? Route(status: .notFound, contentType: "text/plain", body: "not found")
                var headers = HTTPHeaders()
                headers.add(name: "Content-Type", value: route.contentType)
                headers.add(name: "Content-Length", value: String(route.body.utf8.count))
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: request.version, status: route.status, headers: headers))), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: route.body)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}
