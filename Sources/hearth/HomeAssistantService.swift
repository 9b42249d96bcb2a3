import HearthBrain
import HearthHomeAssistant
import Logging
import ServiceLifecycle

/// Watches Home Assistant for the daemon's lifetime: a probe at start, then
/// more on a schedule that backs off while it is down. Nothing waits on it,
/// so a Home Assistant that is down or slow never holds up the runtime.
struct HomeAssistantService: Service {
    let homeAssistant: HomeAssistant

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await homeAssistant.monitor()
        }
    }
}

/// Home Assistant as settings configure it, for the commands that run
/// orders.
enum HomeAssistantSetup {
    /// Nil when `homeassistant.url` is not set, or (logged as an error) when
    /// the section cannot be used: Hearth then runs without Home Assistant
    /// rather than not at all. `hearth check` reports the same error.
    static func load(settings: Settings, logger: Logger) -> HomeAssistant? {
        do {
            guard let homeAssistant = try HomeAssistant.configured(by: settings) else { return nil }
            logger.info("Home Assistant", metadata: ["url": "\(homeAssistant.settings.url)"])
            return homeAssistant
        } catch {
            logger.error("Home Assistant off: \(error)")
            return nil
        }
    }
}
