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
        // only those are delivered.
        let events = runtime.events.subscribe(to: logger.logLevel <= .debug ? nil : Self.told.union([.error]))
        await cancelWhenGracefulShutdown {
            for await event in events { log(event) }
        }
    }

    private func log(_ event: RuntimeEvent) {
        if event.kind == .error {
            logger.error("\(event.kind)", metadata: metadata(of: event))
        } else if Self.told.contains(event.kind), event.source != "api" {
            logger.info("\(event.kind)", metadata: metadata(of: event))
        } else {
            logger.debug("\(event.kind)")
        }
    }

    /// Built only for the events that are logged with their data.
    private func metadata(of event: RuntimeEvent) -> Logger.Metadata {
        var metadata: Logger.Metadata = ["source": "\(event.source ?? "-")"]
        for (key, value) in event.data { metadata[key] = "\(value.displayText)" }
        return metadata
    }
}
