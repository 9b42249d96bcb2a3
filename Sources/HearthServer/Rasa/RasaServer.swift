import HearthDialogue
import Hummingbird
import Logging

/// The Rasa Core API on its own listener (default port 5005).
public enum RasaServer {
    static func routes(conversations: Conversations, configuration: RasaConfiguration) -> RouteTable {
        RouteTable(RasaRoutes(conversations: conversations, bodyLimit: configuration.maxBodySize).routes)
    }

    /// The router, middleware from the outside in: request log, CORS
    /// (preflights skip the token), errors as `{"error": ...}`, token.
    public static func router(conversations: Conversations, configuration: RasaConfiguration) -> Router<APIRequestContext> {
        let table = routes(conversations: conversations, configuration: configuration)
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        if let cors = CrossOriginMiddleware(setting: configuration.allowedCORSOrigin, routes: table) {
            router.add(middleware: cors)
        }
        router.add(
            middleware: ErrorMiddleware(
                routes: table, bodyLimit: configuration.maxBodySize, ownAnswer: RasaError.answer(for:),
                answer: RasaError.init(shared:)))
        router.add(middleware: RasaTokenMiddleware(token: configuration.token.map { Array($0.utf8) }))
        table.register(on: router)
        return router
    }

    /// The HTTP server; `onReady` runs once it listens, with its port.
    public static func application(
        conversations: Conversations, configuration: RasaConfiguration, logger: Logger,
        onReady: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let configuredPort = configuration.port
        return Application(
            router: router(conversations: conversations, configuration: configuration),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in await onReady(channel.localAddress?.port ?? configuredPort) },
            logger: logger)
    }
}
