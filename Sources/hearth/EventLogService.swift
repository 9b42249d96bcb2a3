import HearthAudio
import HearthBrain
import HearthRuntime
import Logging
import ServiceLifecycle

/// Writes what the device heard and did to the daemon's log, so the journal
/// tells the story of a spoken order: wake word, transcript, matched synapse.
/// Orders that came over the API already have their request line, so their
/// events are logged at debug only.
struct EventLogService: Service {
    let runtime: Runtime
    let logger: Logger

    static let told: Set<RuntimeEvent.Kind> = [.wakeWordDetected, .speechRecognized, .orderMatched, .orderNotFound]

    func run() async throws {
        // Below debug only errors and what a spoken order did are logged, so
        // only those are delivered: an order over the API wakes nobody here.
        let events = logger.logLevel <= .debug ? runtime.events.subscribe() : runtime.events.subscribe(where: Self.isLoggedAtInfo)
        await cancelWhenGracefulShutdown {
            for await event in events { log(event) }
        }
    }

    private func log(_ event: RuntimeEvent) {
        if event.kind == .error {
            logger.error("\(event.kind)", metadata: metadata(of: event))
        } else if Self.isTold(event) {
            logger.info("\(event.kind)", metadata: metadata(of: event))
        } else {
            logger.debug("\(event.kind)")
        }
    }

    /// Logged at info: what a spoken (or button, or Wyoming) order did.
    private static func isTold(_ event: RuntimeEvent) -> Bool {
        told.contains(event.kind) && event.source != "api"
    }

    @Sendable private static func isLoggedAtInfo(_ event: RuntimeEvent) -> Bool {
        event.kind == .error || isTold(event)
    }

    /// Built only for the events that are logged with their data.
    private func metadata(of event: RuntimeEvent) -> Logger.Metadata {
        var metadata: Logger.Metadata = ["source": "\(event.source ?? "-")"]
        for (key, value) in event.data { metadata[key] = "\(value.displayText)" }
        return metadata
    }
}
