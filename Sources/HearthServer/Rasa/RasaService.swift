import HearthBrain
import HearthDialogue
import HearthRuntime
import Logging
import ServiceLifecycle

/// The Rasa Core API as a service of the daemon: its conversations (domain
/// and stories from settings, trackers in the given store, messages read
/// with the runtime's brain) and its listener.
public struct RasaService: Service {
    public let conversations: Conversations
    let configuration: RasaConfiguration
    let logger: Logger
    let onReady: @Sendable (_ port: Int) async -> Void

    /// Loads the domain and stories the configuration names (errors say
    /// file:line:column). Without a domain, the empty domain; without
    /// stories, only the fallback rules predict.
    public init(
        configuration: RasaConfiguration, runtime: Runtime, store: any DialogueTrackerStore, logger: Logger,
        onReady: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) throws(BrainLoadError) {
        let domain = try configuration.domainPath.map { path throws(BrainLoadError) in try DomainLoader.load(file: path) } ?? .empty
        let stories = try configuration.storiesPath.map { path throws(BrainLoadError) in try StoryParser.load(file: path, domain: domain) } ?? []
        self.conversations = Conversations(
            domain: domain, stories: stories, store: store,
            matchOrder: { order in await runtime.matches(for: order) },
            logger: Logger(label: "hearth.dialogue"))
        self.configuration = configuration
        self.logger = logger
        self.onReady = onReady
    }

    /// Serves until the daemon shuts down. A listener that cannot start (its
    /// port taken) is logged and leaves the rest of Hearth running.
    public func run() async throws {
        let app = RasaServer.application(conversations: conversations, configuration: configuration, logger: logger, onReady: onReady)
        do {
            try await app.run()
        } catch {
            logger.error("Rasa API not served", metadata: ["host": "\(configuration.host)", "port": "\(configuration.port)", "error": "\(error)"])
        }
        await conversations.stop()
    }
}
