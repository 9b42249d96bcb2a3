import Foundation

/// Reads `settings.yml`. Every key Kalliope 0.7 knows is accepted; keys and
/// engines Hearth does not implement are warned about by name; wrong types are
/// errors with file, line and column.
public enum SettingsLoader {
    public struct Result: Sendable {
        public var settings: Settings
        public var warnings: [LoadWarning]
    }

    /// Hearth sections kept as written for the modules that own them.
    public static let hearthSections: Set<String> = [
        "rasa", "homeassistant", "wyoming", "board", "language", "soul", "speech", "dashboard", "history",
    ]

    public static func load(file path: String) throws(BrainLoadError) -> Result {
        let document = try YAMLReader.read(file: path)
        let directory = (URL(fileURLWithPath: path).standardizedFileURL.path as NSString).deletingLastPathComponent
        return try load(document, directory: directory)
    }

    public static func load(text: String, name: String, baseDirectory: String? = nil) throws(BrainLoadError) -> Result {
        try load(try YAMLReader.read(text: text, file: name), directory: baseDirectory)
    }

    private static func load(_ document: YAMLReader.Document, directory: String?) throws(BrainLoadError) -> Result {
        var reader = Reader(map: document.sourceMap, directory: directory)
        guard let root = document.value.mapValue ?? (document.value.isNull ? [:] : nil) else {
            throw BrainLoadError(message: "settings must be a map of keys", location: document.sourceMap.location(of: []))
        }
        try reader.read(root)
        return Result(settings: reader.settings, warnings: reader.warnings)
    }

    private struct Reader {
        let map: SourceMap
        let directory: String?
        var settings = Settings()
        var warnings: [LoadWarning] = []

        init(map: SourceMap, directory: String?) {
            self.map = map
            self.directory = directory
        }

        func error(_ message: String, _ path: ValuePath) -> BrainLoadError {
            BrainLoadError(message: message, location: map.location(of: path))
        }

        mutating func warn(_ message: String, _ path: ValuePath) {
            warnings.append(LoadWarning(message: message, location: map.location(of: path)))
        }

        mutating func read(_ root: [String: Value]) throws(BrainLoadError) {
            for key in root.keys.sorted() {
                let value = root[key]!
                let path: ValuePath = [.key(key)]
                switch key {
                case "default_trigger":
                    settings.defaultTrigger = try engineName(value, .trigger, path)
                case "triggers":
                    settings.triggers = try engines(value, .trigger, path)
                case "default_speech_to_text":
                    settings.defaultSpeechToText = try engineName(value, .speechToText, path)
                case "speech_to_text":
                    settings.speechToText = try engines(value, .speechToText, path)
                case "default_text_to_speech":
                    settings.defaultTextToSpeech = try engineName(value, .textToSpeech, path)
                case "text_to_speech":
                    settings.textToSpeech = try engines(value, .textToSpeech, path)
                case "default_player":
                    settings.defaultPlayer = try engineName(value, .player, path)
                case "players":
                    settings.players = try engines(value, .player, path)
                case "cache_path":
                    settings.cachePath = try string(value, path)
                case "rest_api":
                    try readRestAPI(value, path)
                case "hooks":
                    settings.hooks = try Self.hooks(value, path, map: map, warn: { message, at in warn(message, at) })
                case "default_synapse":
                    // Kalliope 0.4's spelling of on_order_not_found; applied
                    // after the hooks below, which win when both are set.
                    _ = try string(value, path)
                case "var_files":
                    try readVariableFiles(value, path)
                case "variables":
                    guard let entries = value.mapValue else { throw error("'variables' must be a map", path) }
                    settings.variables.merge(entries) { _, new in new }
                case "options":
                    try readOptions(value, path)
                case "audio":
                    try readAudio(value, path)
                case "language":
                    settings.language = try string(value, path)
                case "soul":
                    // `soul: {directory: souls, active: comedian}`: the folder
                    // stays in the section for whoever loads the souls.
                    guard let entries = value.mapValue else { throw error("'soul' must be a map (directory, active)", path) }
                    if let active = entries["active"] { settings.soul = try string(active, path + [.key("active")]) }
                    settings.sections[key] = value
                case "resource_directory":
                    warn("'resource_directory' ignored: Hearth's neurons, signals and engines are built in", path)
                case "send_anonymous_usage_stats":
                    warn("'send_anonymous_usage_stats' ignored: Hearth never sends usage statistics", path)
                default:
                    if SettingsLoader.hearthSections.contains(key) {
                        settings.sections[key] = value
                    } else {
                        warn("unknown setting '\(key)' ignored", path)
                    }
                }
            }
            if case .string(let name)? = root["default_synapse"], settings.hooks[.onOrderNotFound] == nil {
                settings.hooks[.onOrderNotFound] = [name]
            }
        }

        /// The configured default must name an engine Hearth provides (or maps).
        mutating func engineName(_ value: Value, _ kind: EngineCatalog.Kind, _ path: ValuePath) throws(BrainLoadError) -> String {
            let name = try string(value, path)
            let resolved = EngineCatalog.resolve(name, kind)
            if resolved != name {
                warn("\(kind.rawValue) engine '\(name)' is not available in Hearth; using '\(resolved)'", path)
            }
            return resolved
        }

        mutating func engines(_ value: Value, _ kind: EngineCatalog.Kind, _ path: ValuePath) throws(BrainLoadError) -> [Settings.Engine] {
            guard case .list(let items) = value else {
                if value.isNull { return [] }
                throw error("'\(path.last!)' must be a list of engines such as '- name: {parameters}'", path)
            }
            var result: [Settings.Engine] = []
            for (index, item) in items.enumerated() {
                let itemPath = path + [.index(index)]
                let name: String
                var parameters: [String: Value] = [:]
                switch item {
                case .string(let bare):
                    name = bare
                case .map(let entry) where entry.count == 1:
                    name = entry.first!.key
                    switch entry.first!.value {
                    case .map(let fields): parameters = fields
                    case .null: break
                    default: throw error("parameters of engine '\(name)' must be a map", itemPath + [.key(name)])
                    }
                default:
                    throw error("an engine is a one-key map such as '- \(EngineCatalog.provided(kind)[0]): {}'", itemPath)
                }
                if !EngineCatalog.isProvided(name, kind) {
                    let replacement = EngineCatalog.resolve(name, kind)
                    warn("\(kind.rawValue) engine '\(name)' is not available in Hearth (it uses '\(replacement)')", itemPath)
                    if let mapped = EngineCatalog.mapped[kind]?[name] {
                        // e.g. a snowboy entry: keep its place as a pocketsphinx entry
                        // so a keyphrase given there is not lost.
                        result.append(Settings.Engine(name: mapped, parameters: parameters))
                        continue
                    }
                }
                result.append(Settings.Engine(name: name, parameters: parameters))
            }
            return result
        }

        mutating func readRestAPI(_ value: Value, _ path: ValuePath) throws(BrainLoadError) {
            guard let fields = value.mapValue else { throw error("'rest_api' must be a map", path) }
            for (key, field) in fields {
                let here = path + [.key(key)]
                switch key {
                case "active": settings.restAPI.active = try bool(field, here)
                case "host": settings.restAPI.host = try string(field, here)
                case "port":
                    guard let port = field.intValue, (1...65535).contains(port) else { throw error("'port' must be a number from 1 to 65535", here) }
                    settings.restAPI.port = port
                case "password_protected": settings.restAPI.passwordProtected = try bool(field, here)
                case "login": settings.restAPI.login = try string(field, here)
                case "password": settings.restAPI.password = field.isNull ? nil : field.displayText
                case "password_file":
                    // Hearth: the password kept apart from settings.yml, in a file
                    // only root and Hearth can read (the Debian package makes one).
                    let relative = try string(field, here)
                    let resolved = relative.hasPrefix("/") || directory == nil ? relative : directory! + "/" + relative
                    guard let text = try? String(contentsOfFile: resolved, encoding: .utf8) else {
                        throw error("password file '\(relative)' cannot be read", here)
                    }
                    settings.restAPI.password = text.trimmingCharacters(in: .whitespacesAndNewlines)
                case "allowed_cors_origin":
                    switch field {
                    case .null, .bool(false): settings.restAPI.allowedCORSOrigin = nil
                    case .string(let origin): settings.restAPI.allowedCORSOrigin = origin
                    default: throw error("'allowed_cors_origin' must be an origin such as \"*\" or \"http://host:port\"", here)
                    }
                default: warn("unknown setting 'rest_api.\(key)' ignored", here)
                }
            }
            if settings.restAPI.passwordProtected && (settings.restAPI.password ?? "").isEmpty {
                throw error("'rest_api.password_protected' is true but no password is set", path)
            }
        }

        mutating func readOptions(_ value: Value, _ path: ValuePath) throws(BrainLoadError) {
            if value.isNull { return }
            guard let fields = value.mapValue else { throw error("'options' must be a map", path) }
            for (key, field) in fields {
                let here = path + [.key(key)]
                switch key {
                case "deaf": settings.options.deaf = try bool(field, here)
                case "mute": settings.options.mute = try bool(field, here)
                case "recognizer_multiplier": settings.options.recognizerMultiplier = try number(field, here)
                case "recognizer_energy_ratio": settings.options.recognizerEnergyRatio = try number(field, here)
                case "recognizer_recording_timeout": settings.options.recognizerRecordingTimeout = try number(field, here)
                case "recognizer_recording_timeout_with_silence":
                    settings.options.recognizerRecordingTimeoutWithSilence = try number(field, here)
                default: warn("unknown option '\(key)' ignored", here)
                }
            }
        }

        mutating func readAudio(_ value: Value, _ path: ValuePath) throws(BrainLoadError) {
            guard let fields = value.mapValue else { throw error("'audio' must be a map", path) }
            for (key, field) in fields {
                let here = path + [.key(key)]
                switch key {
                case "capture_device": settings.audio.captureDevice = try string(field, here)
                case "playback_device": settings.audio.playbackDevice = try string(field, here)
                case "sample_rate":
                    guard let rate = field.intValue, [8000, 16000, 22050, 32000, 44100, 48000].contains(rate) else {
                        throw error("'sample_rate' must be one of 8000, 16000, 22050, 32000, 44100, 48000", here)
                    }
                    settings.audio.sampleRate = rate
                case "mixer_card": settings.audio.mixerCard = try string(field, here)
                case "mixer_control": settings.audio.mixerControl = try string(field, here)
                case "noise_suppression": settings.audio.noiseSuppression = try bool(field, here)
                default: warn("unknown setting 'audio.\(key)' ignored", here)
                }
            }
        }

        mutating func readVariableFiles(_ value: Value, _ path: ValuePath) throws(BrainLoadError) {
            if value.isNull { return }
            guard case .list(let files) = value else { throw error("'var_files' must be a list of files", path) }
            // "If a variable is defined in different files, the last file defines the value."
            for (index, file) in files.enumerated() {
                let here = path + [.index(index)]
                let relative = try string(file, here)
                let resolved = relative.hasPrefix("/") || directory == nil ? relative : directory! + "/" + relative
                guard FileManager.default.fileExists(atPath: resolved) else {
                    throw error("variables file '\(relative)' not found", here)
                }
                let document = try YAMLReader.read(file: resolved)
                guard let entries = document.value.mapValue ?? (document.value.isNull ? [:] : nil) else {
                    throw BrainLoadError(message: "a variables file must be a map of names to values", location: document.sourceMap.location(of: []))
                }
                settings.variables.merge(entries) { _, new in new }
            }
        }

        static func hooks(_ value: Value, _ path: ValuePath, map: SourceMap, warn: (String, ValuePath) -> Void) throws(BrainLoadError) -> [Hook: [String]] {
            if value.isNull { return [:] }
            guard let fields = value.mapValue else {
                throw BrainLoadError(message: "'hooks' must be a map of hook names to synapse names", location: map.location(of: path))
            }
            var hooks: [Hook: [String]] = [:]
            for (key, field) in fields {
                let here = path + [.key(key)]
                guard let hook = Hook(rawValue: key) else {
                    warn("unknown hook '\(key)' ignored", here)
                    continue
                }
                switch field {
                case .null: continue
                case .string(let name): hooks[hook] = [name]
                case .list(let names):
                    hooks[hook] = try names.enumerated().map { (index, name) throws(BrainLoadError) -> String in
                        guard case .string(let text) = name else {
                            throw BrainLoadError(message: "a hook lists synapse names", location: map.location(of: here + [.index(index)]))
                        }
                        return text
                    }
                default:
                    throw BrainLoadError(message: "hook '\(key)' must name a synapse or list synapses", location: map.location(of: here))
                }
            }
            return hooks
        }

        func string(_ value: Value, _ path: ValuePath) throws(BrainLoadError) -> String {
            switch value {
            case .string(let text): return text
            case .int, .double: return value.displayText
            default: throw error("'\(path.last!)' must be a string", path)
            }
        }

        func bool(_ value: Value, _ path: ValuePath) throws(BrainLoadError) -> Bool {
            guard case .bool(let flag) = value else { throw error("'\(path.last!)' must be true or false", path) }
            return flag
        }

        func number(_ value: Value, _ path: ValuePath) throws(BrainLoadError) -> Double {
            switch value {
            case .int(let number): return Double(number)
            case .double(let number): return number
            default: throw error("'\(path.last!)' must be a number", path)
            }
        }
    }
}
