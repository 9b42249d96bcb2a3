import Logging
import NIOCore
import NIOPosix

/// The TCP server Home Assistant's Wyoming integration connects to
/// (default `tcp://0.0.0.0:10700`).
public final class WyomingServer: Sendable {
    /// A connection that sends nothing this long is closed (Home Assistant
    /// pings a running satellite every few seconds).
    static let idleLimit = TimeAmount.seconds(60)

    public let satellite: WyomingSatellite
    private let channel: any Channel

    private init(satellite: WyomingSatellite, channel: any Channel) {
        self.satellite = satellite
        self.channel = channel
    }

    /// The port it listens on (the one picked when asked for port 0).
    public var port: Int { channel.localAddress?.port ?? 0 }

    /// Binds `host:port` and serves `satellite` until `close()`.
    public static func start(
        satellite: WyomingSatellite, host: String, port: Int, limits: WyomingFrameLimits = WyomingFrameLimits(),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, logger: Logger = Logger(label: "hearth.wyoming")
    ) async throws -> WyomingServer {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 16)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.so_keepalive), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        IdleStateHandler(readTimeout: idleLimit),
                        ByteToMessageHandler(WyomingFrameDecoder(limits: limits)),
                        MessageToByteHandler(WyomingFrameEncoder()),
                        WyomingConnectionHandler(satellite: satellite, logger: logger),
                    ])
                }
            }
        let channel = try await bootstrap.bind(host: host, port: port).get()
        return WyomingServer(satellite: satellite, channel: channel)
    }

    /// Stops listening and closes every connection.
    public func close() async {
        try? await channel.close()
        satellite.closeAll()
    }
}
