import ArgumentParser
import Foundation
import HearthAudio
import HearthBoard
import HearthBrain
import HearthHomeAssistant
import HearthNeurons
import HearthPersistence
import HearthRuntime
import HearthServer
import HearthStore
import Logging
import ServiceLifecycle

/// `hearth run`: the daemon. Loads the brain and settings, starts the runtime
/// (`on_start` fires) and serves Kalliope's REST API until SIGTERM, SIGINT or
/// a `kill_switch` neuron ends it.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run Hearth: the runtime and the REST API.",
        discussion: """
            Without --brain and --settings Hearth runs its embedded starter brain and settings,
            which serve the API on 127.0.0.1:5000. --host and --port win over rest_api in settings;
            --port 0 lets the system pick a free port (the ready line says which).
            """)

    @OptionGroup var options: BrainOptions

    @Option(help: "Folder for Hearth's state database (created if missing). Default: $STATE_DIRECTORY under systemd, else ./state.")
    var stateDir: String?

    @Option(help: "Address the REST API listens on (default: rest_api.host from settings).")
    var host: String?

    @Option(help: "Port the REST API listens on (default: rest_api.port from settings).")
    var port: Int?

    @Option(help: "Board profile (a name from board/ or /usr/share/hearth/board, or a file): button, LED and sound devices. Default: board in settings.")
    var board: String?

    @Option(help: "Lowest level logged: trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .info

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() async throws {
        let launched = ContinuousClock.now
        let startedAt = Date()
        bootstrapLogging()
        let logger = Logger(label: "hearth")
        let loaded = try options.load()
        report(loaded, logger: logger)
        let boardProfile = try BoardSelection.profile(option: board, settings: loaded.settings)

        // The stored state goes over the files before anything is served.
        var storeConfiguration = StoreConfiguration(directory: StateDirectory.resolve(stateDir))
        for warning in storeConfiguration.applyHistorySection(loaded.settings.sections["history"]) { logger.warning("\(warning)") }
        let store = StateStore(configuration: storeConfiguration, logger: Logger(label: "hearth.store"))
        let stored = StoredState.load(from: store, over: loaded)
        stored.report(to: logger)
        logger.info("state", metadata: ["database": "\(store.configuration.databasePath)", "available": "\(store.isAvailable)"])

        var settings = stored.settings
        BoardSelection.apply(boardProfile, to: &settings)
        let killSwitch = KillSwitchService()
        // espeak-ng's voice files, read once for the language catalogue and
        // the browser microphone.
        let voices = InstalledLanguages.espeakLanguages()
        let languages = ControlWiring.languages(voices: voices, logger: logger)
        let speaker = VoiceDevices.speaker(settings: settings, logger: logger)
        let homeAssistant = HomeAssistantSetup.load(settings: loaded.settings, logger: logger)
        let neurons = CoreNeurons.registry(homeAssistant: homeAssistant)
        let runtime = Runtime(
            brain: stored.brain, settings: settings,
            configuration: RuntimeConfiguration(
                neurons: neurons,
                speech: speaker ?? LoggingSpeechOutput(), sound: speaker ?? LoggingSoundOutput(),
                transcriber: UploadTranscriber(pronunciationVoice: VoiceSettings(settings: loaded.settings).voice),
                baseDirectory: loaded.baseDirectory,
                logger: Logger(label: "hearth.runtime"),
                terminate: { killSwitch.trigger() },
                stateStore: SQLiteRuntimeStateStore(store: store),
                souls: ControlWiring.souls(settings: stored.settings, baseDirectory: loaded.baseDirectory, logger: logger)))
        await runtime.restoreMemory(stored.memory)

        // The Home Assistant voice satellite hears what the microphone relays to it.
        let wyoming = WyomingService(
            section: loaded.settings.sections["wyoming"], settings: settings, runtime: runtime, speaker: speaker,
            logger: Logger(label: "hearth.wyoming"))

        let listening = ListeningControl()
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: RuntimeService(runtime: runtime)),
            .init(service: MicrophoneService(
                runtime: runtime, languages: languages, control: listening, logger: Logger(label: "hearth.voice"),
                relay: wyoming?.satellite)),
            .init(service: EventLogService(runtime: runtime, logger: Logger(label: "hearth.events"))),
        ]
        if let wyoming { services.append(.init(service: wyoming)) }
        if let homeAssistant {
            homeAssistant.publishEvents(to: runtime.events)
            services.append(.init(service: HomeAssistantService(homeAssistant: homeAssistant)))
        }
        if let boardProfile {
            services.append(.init(service: BoardService(profile: boardProfile, runtime: runtime, listen: { listening.listenNow() })))
        }
        let systemd = SystemdNotifier.fromEnvironment()
        if let systemd, let interval = systemd.watchdogInterval {
            services.append(.init(service: WatchdogService(runtime: runtime, notifier: systemd, interval: interval)))
        }
        if loaded.settings.restAPI.active {
            var api = APIConfiguration(restAPI: loaded.settings.restAPI, neurons: neurons)
            api.homeAssistant = homeAssistant
            api.control = ControlWiring.services(
                store: store, languages: languages, killSwitch: killSwitch, startedAt: startedAt, homeAssistant: homeAssistant)
            if let host { api.host = host }
            if let port { api.port = port }
            api.history = SQLiteRuntimeStateStore(store: store)
            for warning in api.dashboard.apply(section: loaded.settings.sections["dashboard"]) { logger.warning("\(warning)") }
            api.dashboard.microphone = BrowserMicrophone(
                runtime: runtime, synthesizer: SpeechSynthesizer(cacheDirectory: loaded.settings.cachePath),
                voicesInstalled: !voices.isEmpty)
            let host = api.host
            let app = APIServer.application(runtime: runtime, configuration: api, logger: Logger(label: "hearth.api")) { port in
                let milliseconds = Int((ContinuousClock.now - launched) / .milliseconds(1))
                logger.notice("ready: REST API on http://\(host):\(port)", metadata: ["startup_ms": "\(milliseconds)"])
                systemd?.ready()
            }
            services.append(.init(service: app))
        } else {
            logger.notice("ready: REST API off (rest_api.active is false)")
            systemd?.ready()
        }
        if let rasa = rasaService(loaded, runtime: runtime, store: store, launched: launched, logger: logger) {
            services.append(.init(service: rasa, successTerminationBehavior: .ignore))
        }
        // Last in the list, so first to stop: the server then drains its answers.
        services.append(.init(service: killSwitch, successTerminationBehavior: .gracefullyShutdownGroup))

        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        systemd?.stopping()
        // The run log's last second reaches the disk before the process ends.
        store.close()
        logger.notice("stopped")
        if killSwitch.exitStatus != 0 {
            // POST /api/restart: systemd (Restart=on-failure) starts Hearth again.
            logger.notice("exiting with status \(killSwitch.exitStatus) to be restarted")
            throw ExitCode(killSwitch.exitStatus)
        }
    }

    /// A daemon logs at info by default: the ready line and one line per request.
    private func bootstrapLogging() {
        let level = options.verbose ? .debug : logLevel
        let journal = ProcessInfo.processInfo.environment["JOURNAL_STREAM"] != nil
        LoggingSystem.bootstrap { label in
            DaemonLogHandler(label: label, level: level, journal: journal)
        }
    }

    /// Load warnings and brain problems go to the log; the daemon still starts,
    /// as `hearth check` is where a brain is judged strictly.
    private func report(_ loaded: LoadedConfiguration, logger: Logger) {
        let validation = BrainValidator(neurons: CoreNeurons.registry).validate(brain: loaded.brain, settings: loaded.settings)
        for warning in loaded.warnings + validation.warnings { logger.warning("\(warning)") }
        for error in validation.errors { logger.error("\(error)") }
        logger.info(
            "loaded",
            metadata: [
                "brain": "\(loaded.brainSource)", "settings": "\(loaded.settingsSource)",
                "synapses": "\(loaded.brain.synapses.count)",
            ])
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
