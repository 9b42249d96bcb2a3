/// Hearth's settings: Kalliope 0.7's `settings.yml` keys (plus 0.4's
/// `default_synapse`) and Hearth's own sections.
public struct Settings: Sendable, Equatable {
    public struct RestAPI: Sendable, Equatable {
        public var active = true
        public var host = "127.0.0.1"
        public var port = 5000
        public var passwordProtected = false
        public var login = "admin"
        /// Never serialised, logged or returned by any API.
        public var password: String?
        public var allowedCORSOrigin: String?
        public init() {}
    }

    public struct Options: Sendable, Equatable {
        public var deaf = false
        public var mute = false
        public var recognizerMultiplier = 1.0
        public var recognizerEnergyRatio = 1.5
        public var recognizerRecordingTimeout = 15.0
        public var recognizerRecordingTimeoutWithSilence = 3.0
        public init() {}
    }

    /// An engine entry as written (`- pocketsphinx: {keyphrase: ..}`).
    public struct Engine: Sendable, Equatable {
        public var name: String
        public var parameters: [String: Value]
        public init(name: String, parameters: [String: Value] = [:]) {
            self.name = name
            self.parameters = parameters
        }
    }

    public struct Audio: Sendable, Equatable {
        public var captureDevice = "default"
        public var playbackDevice = "default"
        public var sampleRate = 16000
        /// The card whose mixer sets the volume; nil: the playback device's card.
        public var mixerCard: String?
        /// The mixer control; nil: the first usual one (Master, PCM, ...).
        public var mixerControl: String?
        /// Attenuate steady background noise before listening (for a noisy
        /// room; off by default, see `ListeningConfiguration.suppressNoise`).
        public var noiseSuppression = false
        public init() {}
    }

    public var defaultTrigger = "pocketsphinx"
    public var triggers: [Engine] = []
    public var defaultSpeechToText = "pocketsphinx"
    public var speechToText: [Engine] = []
    public var defaultTextToSpeech = "espeak-ng"
    public var textToSpeech: [Engine] = []
    public var defaultPlayer = "alsa"
    public var players: [Engine] = []
    public var cachePath = "/tmp/hearth_tts_cache"
    public var restAPI = RestAPI()
    public var hooks: [Hook: [String]] = [:]
    public var variables: [String: Value] = [:]
    public var options = Options()
    public var audio = Audio()
    /// The language Hearth hears and speaks (`language: en`); the control API switches it.
    public var language = "en"
    /// The id of the soul Hearth speaks with (`soul: {active: default}`); the control API switches it.
    public var soul = "default"
    /// Hearth sections owned by later modules (`rasa`, `homeassistant`,
    /// `wyoming`, `board`, ...), kept as written.
    public var sections: [String: Value] = [:]

    public init() {}

    public func synapses(for hook: Hook) -> [String] { hooks[hook] ?? [] }

    /// The default text-to-speech engine's parameters (voice, rate, pitch, volume).
    public var speechParameters: [String: Value] { parameters(of: defaultTextToSpeech, in: textToSpeech) }

    /// Sets parameters of the default text-to-speech engine, adding its
    /// entry when the settings have none.
    public mutating func setSpeechParameters(_ changed: [String: Value]) {
        guard !changed.isEmpty else { return }
        if let index = textToSpeech.firstIndex(where: { $0.name == defaultTextToSpeech }) {
            textToSpeech[index].parameters.merge(changed) { _, new in new }
        } else {
            textToSpeech.append(Engine(name: defaultTextToSpeech, parameters: changed))
        }
    }

    /// The parameters of the engine named `name` (e.g. the TTS voice).
    public func parameters(of name: String, in engines: [Engine]) -> [String: Value] {
        engines.first { $0.name == name }?.parameters ?? [:]
    }
}

/// Engine names Hearth provides, and the Kalliope names it maps onto them.
public enum EngineCatalog {
    public enum Kind: String, Sendable {
        case trigger, speechToText = "speech_to_text", textToSpeech = "text_to_speech", player
    }

    public static func provided(_ kind: Kind) -> [String] {
        switch kind {
        case .trigger: return ["pocketsphinx"]
        case .speechToText: return ["pocketsphinx", "cmusphinx"]
        case .textToSpeech: return ["espeak-ng", "espeak"]
        case .player: return ["alsa", "pyalsaaudio"]
        }
    }

    /// Kalliope engine names Hearth serves with one of its own, with a warning.
    public static let mapped: [Kind: [String: String]] = [
        .trigger: ["snowboy": "pocketsphinx"]
    ]

    public static func isProvided(_ name: String, _ kind: Kind) -> Bool { provided(kind).contains(name) }

    /// Hearth's engine for a configured name: the name itself, its mapping, or
    /// the default of that kind.
    public static func resolve(_ name: String, _ kind: Kind) -> String {
        if isProvided(name, kind) { return name }
        return mapped[kind]?[name] ?? provided(kind)[0]
    }
}
