import HearthRuntime
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore

/// Assembles the REST API: every route group, the middleware around them,
/// and the Hummingbird application that serves them.
public enum APIServer {
    /// Every route, grouped by the API it belongs to.
    public static func routes(runtime: Runtime, configuration: APIConfiguration) -> RouteTable {
        let limit = configuration.maxBodySize
        let groups: [any APIRouteGroup] = [
            RootRoutes(version: configuration.version),
            KalliopeSynapseRoutes(runtime: runtime, validator: BrainValidator(neurons: configuration.neurons), bodyLimit: limit),
            KalliopeSettingsRoutes(runtime: runtime, version: configuration.version, bodyLimit: limit),
            DeafMuteRoutes(runtime: runtime, prefix: "", bodyLimit: limit),
            EventStreamRoutes(runtime: runtime),
            HomeAssistantRoutes(homeAssistant: configuration.homeAssistant, bodyLimit: limit),
            ControlStatusRoutes(
                runtime: runtime, services: configuration.control, host: configuration.host, port: configuration.port, bodyLimit: limit),
            ControlPersonaRoutes(runtime: runtime, languages: configuration.control.languages, bodyLimit: limit),
            ControlLifecycleRoutes(runtime: runtime, end: configuration.control.end),
            SpeakerRoutes(store: configuration.control.speakers, bodyLimit: limit),
            HistoryRoutes(history: configuration.history),
            DashboardRoutes(files: DashboardFiles(directory: configuration.dashboard.directory)),
            BrowserAudioRoutes(configuration: configuration.dashboard, maxMessageSize: limit),
        ]
        return RouteTable(groups.flatMap(\.routes))
    }

    /// The router, with its middleware from the outside in: the recorder of
    /// refused WebSocket upgrades (given `webSocketRefusals`, when the
    /// router serves a real socket), the request log (so it sees the final
    /// status), CORS (so even errors carry its headers and preflights skip
    /// authentication), error mapping, then authentication: basic auth for
    /// Kalliope's routes, bearer tokens for the control API.
    public static func router(runtime: Runtime, configuration: APIConfiguration) -> Router<APIRequestContext> {
        router(runtime: runtime, configuration: configuration, webSocketRefusals: nil)
    }

    static func router(
        runtime: Runtime, configuration: APIConfiguration, webSocketRefusals: WebSocketRefusals?
    ) -> Router<APIRequestContext> {
        let table = routes(runtime: runtime, configuration: configuration)
        let router = Router(context: APIRequestContext.self)
        if let webSocketRefusals {
            router.add(middleware: WebSocketRefusalMiddleware(refusals: webSocketRefusals))
        }
        router.add(middleware: RequestLogMiddleware())
        if let cors = CrossOriginMiddleware(setting: configuration.allowedCORSOrigin, routes: table) {
            router.add(middleware: cors)
        }
        router.add(middleware: ErrorMiddleware(routes: table, bodyLimit: configuration.maxBodySize))
        router.add(middleware: BasicAuthMiddleware(credentials: configuration.credentials))
        router.add(middleware: TokenAuthMiddleware(tokens: configuration.control.tokens))
        table.register(on: router)
        return router
    }

    /// The HTTP server. `onReady` runs once it listens, with the port it got
    /// (the configured one, or the one the system chose for port 0).
    ///
    /// One router answers plain requests and decides WebSocket upgrades, so an
    /// upgrade request meets the same middleware (and the same refusals) as
    /// any other request, and a refused upgrade is answered on the wire with
    /// the router's answer (see `WebSocketRefusals`).
    public static func application(
        runtime: Runtime, configuration: APIConfiguration, logger: Logger,
        onReady: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let configuredPort = configuration.port
        let refusals = WebSocketRefusals()
        let router = router(runtime: runtime, configuration: configuration, webSocketRefusals: refusals)
        let webSocket = WebSocketServerConfiguration(
            maxFrameSize: configuration.maxBodySize, autoPing: .enabled(timePeriod: .seconds(30)))
        let channel = HTTP1WebSocketUpgradeChannel.Configuration(
            // An autoclosure, evaluated for each connection that is not
            // upgraded: every connection gets its own writer.
            http1: .init(additionalChannelHandlers: [WebSocketRefusalWriter(refusals: refusals)]),
            ws: webSocket)
        return Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: router, configuration: channel),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in
                await onReady(channel.localAddress?.port ?? configuredPort)
            },
            logger: logger)
    }
}
