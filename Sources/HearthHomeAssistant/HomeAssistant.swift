import Foundation
import HearthBrain
import HearthRuntime
import Logging
import Synchronization

/// The device's link to Home Assistant: the client, whether Home Assistant
/// answers, and the conversation that follow-up questions continue. Shared
/// by the `homeassistant` neuron, the control API and the connection monitor.
public final class HomeAssistant: Sendable {
    public enum Connection: Sendable, Equatable {
        /// Not probed yet: calls are tried.
        case unknown
        case connected
        /// The last probe or call failed: calls fail at once, without
        /// waiting for a timeout, until a probe succeeds again.
        case disconnected(HomeAssistantError)
    }

    private struct State {
        var connection = Connection.unknown
        var conversationID: String?
        var events: EventBus?
    }

    let client: HomeAssistantClient
    public var settings: HomeAssistantSettings { client.settings }
    private let state = Mutex(State())
    private let logger: Logger

    public init(settings: HomeAssistantSettings, logger: Logger = Logger(label: "hearth.homeassistant")) {
        self.client = HomeAssistantClient(settings: settings, logger: logger)
        self.logger = logger
    }

    /// Home Assistant from the settings' `homeassistant` section; nil when
    /// it has no `url` (the module is disabled).
    public static func configured(
        by settings: Settings, environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger = Logger(label: "hearth.homeassistant")
    ) throws(HomeAssistantSettingsError) -> HomeAssistant? {
        try HomeAssistantSettings.read(settings.sections["homeassistant"], environment: environment).map {
            HomeAssistant(settings: $0, logger: logger)
        }
    }

    /// Events go to this bus from now on (the runtime's, once it exists).
    public func publishEvents(to bus: EventBus) {
        state.withLock { $0.events = bus }
    }

    /// Cheap: reads the last known state, never calls Home Assistant.
    public var isConnected: Bool { connection == .connected }

    public var connection: Connection { state.withLock { $0.connection } }

    /// The id Home Assistant gave the current conversation, if any.
    public var conversationID: String? { state.withLock { $0.conversationID } }

    // MARK: Calls

    /// Sends `text` to the conversation agent, continuing the current
    /// conversation so a follow-up question is understood.
    public func converse(_ text: String, language: String? = nil) async throws(HomeAssistantError) -> ConversationAnswer {
        let language = language ?? settings.language
        let conversationID = self.conversationID
        publish(.homeAssistantCommandSent, ["text": .string(text), "language": language.map(Value.string) ?? .null])
        do throws(HomeAssistantError) {
            let answer = try await call { client throws(HomeAssistantError) in
                try await client.process(text, language: language, conversationID: conversationID)
            }
            if let id = answer.conversationID { state.withLock { $0.conversationID = id } }
            publish(.homeAssistantCommandResponse, [
                "text": .string(text), "response": .string(answer.speech), "response_type": .string(answer.responseType),
            ])
            return answer
        } catch {
            publish(.homeAssistantCommandResponse, ["text": .string(text), "error": .string(error.description)])
            throw error
        }
    }

    public func state(of entityID: String) async throws(HomeAssistantError) -> EntityState {
        try await call { client throws(HomeAssistantError) in try await client.state(of: entityID) }
    }

    public func callService(domain: String, service: String, data: [String: Value]) async throws(HomeAssistantError) -> [EntityState] {
        var event: [String: Value] = ["domain": .string(domain), "service": .string(service)]
        do throws(HomeAssistantError) {
            let changed = try await call { client throws(HomeAssistantError) in
                try await client.callService(domain: domain, service: service, data: data)
            }
            event["changed"] = .list(changed.map { .string($0.entityID) })
            publish(.homeAssistantServiceCalled, event)
            return changed
        } catch {
            event["error"] = .string(error.description)
            publish(.homeAssistantServiceCalled, event)
            throw error
        }
    }

    /// Runs a call unless Home Assistant is known to be down, and learns
    /// from its outcome whether it is up.
    private func call<Result: Sendable>(
        _ body: (HomeAssistantClient) async throws(HomeAssistantError) -> Result
    ) async throws(HomeAssistantError) -> Result {
        // A refused token stays the reason; a connection failure is not
        // waited for again.
        if case .disconnected(let reason) = connection { throw reason.isConnectionFailure ? .notConnected : reason }
        do throws(HomeAssistantError) {
            let result = try await body(client)
            update(.connected)
            return result
        } catch {
            if error.isConnectionFailure || error == .unauthorized { update(.disconnected(error)) }
            logger.warning("Home Assistant call failed", metadata: ["error": "\(error)"])
            throw error
        }
    }

    // MARK: Connection

    /// Checks `GET /api/` once and records the outcome.
    @discardableResult
    public func probe() async -> Connection {
        do throws(HomeAssistantError) {
            try await client.checkConnection()
            update(.connected)
        } catch {
            update(.disconnected(error))
        }
        return connection
    }

    /// How often the monitor probes.
    public struct ProbeSchedule: Sendable {
        /// Between probes while Home Assistant answers.
        public var whileConnected: Duration
        /// The first wait after a failure; it doubles up to `longestRetry`.
        public var firstRetry: Duration
        public var longestRetry: Duration

        public init(whileConnected: Duration = .seconds(30), firstRetry: Duration = .seconds(1), longestRetry: Duration = .seconds(30)) {
            self.whileConnected = whileConnected
            self.firstRetry = firstRetry
            self.longestRetry = longestRetry
        }
    }

    /// Probes now, then on `schedule` (backing off while Home Assistant is
    /// down) until the task is cancelled. A call that finds Home Assistant
    /// down brings the next probe forward to within `firstRetry`.
    public func monitor(_ schedule: ProbeSchedule = ProbeSchedule()) async {
        var retry = schedule.firstRetry
        while !Task.isCancelled {
            if await probe() == .connected {
                retry = schedule.firstRetry
                var waited = Duration.zero
                while waited < schedule.whileConnected && isConnected {
                    guard (try? await Task.sleep(for: schedule.firstRetry)) != nil else { return }
                    waited += schedule.firstRetry
                }
            } else {
                guard (try? await Task.sleep(for: retry)) != nil else { return }
                retry = min(retry * 2, schedule.longestRetry)
            }
        }
    }

    private func update(_ new: Connection) {
        let previous = state.withLock { state in
            let previous = state.connection
            state.connection = new
            return previous
        }
        switch (previous, new) {
        case (.connected, .connected), (.disconnected, .disconnected):
            return
        case (_, .connected):
            logger.notice("Home Assistant connected", metadata: ["url": "\(settings.url)"])
            publish(.homeAssistantConnected, ["url": .string(settings.url)])
        case (_, .disconnected(let error)):
            logger.warning("Home Assistant not connected", metadata: ["url": "\(settings.url)", "error": "\(error)"])
            publish(.homeAssistantDisconnected, ["url": .string(settings.url), "error": .string(error.description)])
        case (_, .unknown):
            return
        }
    }

    private func publish(_ kind: RuntimeEvent.Kind, _ data: [String: Value]) {
        state.withLock { $0.events }?.publish(RuntimeEvent(kind, data: data, source: "homeassistant"))
    }
}
