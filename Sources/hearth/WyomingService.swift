import HearthAudio
import HearthBrain
import HearthNeurons
import HearthRuntime
import HearthWyoming
import Logging
import ServiceLifecycle

/// The Home Assistant voice satellite (`wyoming.enabled`), for the daemon's
/// lifetime. A port it cannot bind is logged; the rest of Hearth runs on.
struct WyomingService: Service {
    let satellite: WyomingSatellite
    let settings: WyomingSettings
    let logger: Logger

    /// The satellite the `wyoming` settings section asks for, or nil when it
    /// is off; its warnings are logged.
    init?(section: Value?, settings: Settings, runtime: Runtime, speaker: SpeakerOutput?, logger: Logger) {
        let parsed = WyomingSettings.parse(section)
        for warning in parsed.warnings { logger.warning("\(warning)") }
        guard parsed.settings.enabled else { return nil }
        self.settings = parsed.settings
        self.logger = logger
        satellite = WyomingSatellite(
            info: SatelliteInfo(
                name: parsed.settings.name, area: parsed.settings.area,
                wakePhrase: WakeWordSettings(settings: settings).keyphrase, version: HearthVersion.current),
            mode: parsed.settings.mode, runtime: runtime,
            output: DeviceSatelliteOutput(speaker: speaker, runtime: runtime, logger: logger), logger: logger)
    }

    func run() async throws {
        do {
            let server = try await WyomingServer.start(satellite: satellite, host: settings.host, port: settings.port, logger: logger)
            logger.notice(
                "ready: Wyoming satellite on tcp://\(settings.host):\(server.port)",
                metadata: ["name": "\(settings.name)", "mode": "\(settings.mode.rawValue)"])
            try? await gracefulShutdown()
            await server.close()
        } catch {
            logger.error("no Wyoming satellite: cannot listen on \(settings.host):\(settings.port) (\(error))")
            try? await gracefulShutdown()
        }
    }
}
