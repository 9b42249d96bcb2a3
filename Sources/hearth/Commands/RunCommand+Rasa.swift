import Foundation
import HearthPersistence
import HearthRuntime
import HearthServer
import HearthStore
import Logging

extension RunCommand {
    /// The Rasa Core API when `rasa.active` (the default; loopback only
    /// unless `rasa.host` says otherwise). A broken `rasa` section, domain or
    /// stories file is logged and leaves the rest of Hearth running.
    func rasaService(
        _ loaded: LoadedConfiguration, runtime: Runtime, store: StateStore, launched: ContinuousClock.Instant, logger: Logger
    ) -> RasaService? {
        let settingsFolder = (URL(fileURLWithPath: options.settings ?? "settings.yml").standardizedFileURL.path as NSString).deletingLastPathComponent
        do {
            let rasa = try RasaConfiguration(section: loaded.settings.sections["rasa"], baseDirectory: settingsFolder)
            for warning in rasa.warnings { logger.warning("\(warning)") }
            guard rasa.active else {
                logger.notice("ready: Rasa API off (rasa.active is false)")
                return nil
            }
            if rasa.isOpenToNetwork { logger.warning("the Rasa API listens on \(rasa.host) without a token: anyone on the network can read conversations") }
            let host = rasa.host
            return try RasaService(
                configuration: rasa, runtime: runtime, store: SQLiteTrackerStore(store: store), logger: Logger(label: "hearth.rasa")
            ) { port in
                let milliseconds = Int((ContinuousClock.now - launched) / .milliseconds(1))
                logger.notice("ready: Rasa API on http://\(host):\(port)", metadata: ["startup_ms": "\(milliseconds)"])
            }
        } catch {
            logger.error("Rasa API not served: \(error)")
            return nil
        }
    }
}
