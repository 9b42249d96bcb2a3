import Logging
import NIOCore

/// One Wyoming connection: decoded events go to the satellite; a frame the
/// decoder refuses, a connection error or a long silence closes this
/// connection alone, with a log line.
final class WyomingConnectionHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = WyomingEvent

    let satellite: WyomingSatellite
    let logger: Logger

    init(satellite: WyomingSatellite, logger: Logger) {
        self.satellite = satellite
        self.logger = logger
    }

    func channelActive(context: ChannelHandlerContext) {
        guard satellite.opened(context.channel) else {
            logger.warning("too many Wyoming connections; closing the newest", metadata: remote(context))
            context.close(promise: nil)
            return
        }
        logger.debug("Wyoming connection opened", metadata: remote(context))
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        satellite.received(unwrapInboundIn(data), on: context.channel)
    }

    func channelInactive(context: ChannelHandlerContext) {
        satellite.closed(context.channel)
        logger.debug("Wyoming connection closed", metadata: remote(context))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is WyomingFrameError {
            logger.warning("closing a Wyoming connection that sent a bad frame: \(error)", metadata: remote(context))
        } else {
            logger.info("closing a Wyoming connection after an error: \(error)", metadata: remote(context))
        }
        context.close(promise: nil)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, case .read = idle {
            logger.notice("closing a Wyoming connection silent for \(WyomingServer.idleLimit)", metadata: remote(context))
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    private func remote(_ context: ChannelHandlerContext) -> Logger.Metadata {
        ["remote": "\(context.channel.remoteAddress?.description ?? "?")"]
    }
}
