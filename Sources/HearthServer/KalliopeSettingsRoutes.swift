import HearthBrain
import HearthRuntime
import Hummingbird

/// Kalliope 0.7's settings API: the whole settings (without secrets), and
/// one route per setting that can change while Hearth runs.
struct KalliopeSettingsRoutes: APIRouteGroup {
    let runtime: Runtime
    let version: String
    let bodyLimit: Int

    /// The API's names for the default engines.
    static let engineKeys: [(key: String, kind: EngineCatalog.Kind)] = [
        ("default_tts", .textToSpeech), ("default_stt", .speechToText),
        ("default_player", .player), ("default_trigger", .trigger),
    ]

    var routes: [APIRoute] {
        var routes = [APIRoute(.get, "/settings", showAll)]
        routes += DeafMuteRoutes(runtime: runtime, prefix: "/settings", bodyLimit: bodyLimit).routes
        for (key, kind) in Self.engineKeys {
            routes.append(APIRoute(.get, "/settings/" + key) { _, _ in await answerEngine(key, kind) })
            routes.append(APIRoute(.post, "/settings/" + key) { request, _ in try await setEngine(key, kind, request) })
        }
        routes += [
            APIRoute(.get, "/settings/hooks") { _, _ in await answerHooks() },
            APIRoute(.post, "/settings/hooks", setHooks),
            APIRoute(.get, "/settings/variables") { _, _ in await answerVariables() },
            APIRoute(.post, "/settings/variables", setVariables),
        ]
        for option in RecognizerOption.allCases {
            routes.append(APIRoute(.get, "/settings/" + option.rawValue) { _, _ in await answerRecognizer(option) })
            routes.append(APIRoute(.post, "/settings/" + option.rawValue) { request, _ in try await setRecognizer(option, request) })
        }
        return routes
    }

    @Sendable func showAll(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        JSONResponse.make(["settings": PublicSettings.serialize(await runtime.settings, version: version)])
    }

    // MARK: Default engines

    private func setEngine(_ key: String, _ kind: EngineCatalog.Kind, _ request: Request) async throws -> Response {
        let body = try await RequestBody.read(request, limit: bodyLimit)
        guard case .string(let name) = try body.required(key) else {
            throw APIError.badRequest("'\(key)' must be the name of an engine")
        }
        try await runtime.applySettingsChange(.defaultEngine(kind, name))
        return await answerEngine(key, kind)
    }

    private func answerEngine(_ key: String, _ kind: EngineCatalog.Kind) async -> Response {
        let settings = await runtime.settings
        let name: String
        switch kind {
        case .textToSpeech: name = settings.defaultTextToSpeech
        case .speechToText: name = settings.defaultSpeechToText
        case .player: name = settings.defaultPlayer
        case .trigger: name = settings.defaultTrigger
        }
        return JSONResponse.make([key: .string(name)])
    }

    // MARK: Hooks and variables

    @Sendable func setHooks(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let entries = try await RequestBody.read(request, limit: bodyLimit).map(describedAs: "Hooks")
        let brain = await runtime.brain
        var hooks: [Hook: [String]] = [:]
        for (name, value) in entries {
            guard let hook = Hook(rawValue: name) else {
                throw APIError.badRequest("unknown hook '\(name)' (known: \(Hook.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let synapses: [String]
            switch value {
            case .null: synapses = []
            case .string(let synapse): synapses = [synapse]
            case .list(let items):
                synapses = try items.map { item throws(APIError) -> String in
                    guard case .string(let synapse) = item else { throw .badRequest("hook '\(name)' lists synapse names") }
                    return synapse
                }
            default:
                throw APIError.badRequest("hook '\(name)' must name a synapse or list synapses")
            }
            for synapse in synapses where !brain.contains(synapse) {
                throw APIError.badRequest("hook '\(name)' names synapse '\(synapse)', which is not in the brain")
            }
            hooks[hook] = synapses
        }
        try await runtime.applySettingsChange(.hooks(hooks))
        return await answerHooks()
    }

    private func answerHooks() async -> Response {
        JSONResponse.make(["hooks": PublicSettings.hooks(await runtime.settings.hooks)])
    }

    @Sendable func setVariables(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let entries = try await RequestBody.read(request, limit: bodyLimit).map(describedAs: "Variables")
        try await runtime.applySettingsChange(.variables(entries))
        return await answerVariables()
    }

    private func answerVariables() async -> Response {
        JSONResponse.make(["variables": PublicSettings.variables(await runtime.settings.variables)])
    }

    // MARK: Recognizer options

    private func setRecognizer(_ option: RecognizerOption, _ request: Request) async throws -> Response {
        let body = try await RequestBody.read(request, limit: bodyLimit)
        guard let number = try body.required(option.rawValue).doubleValue else {
            throw APIError.badRequest("'\(option.rawValue)' must be a number")
        }
        try await runtime.applySettingsChange(.recognizer(option, number))
        return await answerRecognizer(option)
    }

    private func answerRecognizer(_ option: RecognizerOption) async -> Response {
        let options = await runtime.settings.options
        let value: Double
        switch option {
        case .multiplier: value = options.recognizerMultiplier
        case .energyRatio: value = options.recognizerEnergyRatio
        case .recordingTimeout: value = options.recognizerRecordingTimeout
        case .recordingTimeoutWithSilence: value = options.recognizerRecordingTimeoutWithSilence
        }
        return JSONResponse.make([option.rawValue: .double(value)])
    }
}
