import Foundation

/// A language Hearth can both hear and speak: an installed speech-to-text
/// model and an espeak-ng voice for it.
public struct SpokenLanguage: Sendable, Equatable {
    /// The code clients use (`en`, `fr`).
    public var code: String
    /// The espeak-ng voice that speaks it (`en-us`).
    public var voice: String
    /// The speech-to-text model folder (`/usr/share/pocketsphinx/model/en-us`).
    public var speechModel: String

    public init(code: String, voice: String, speechModel: String) {
        self.code = code
        self.voice = voice
        self.speechModel = speechModel
    }
}

/// The languages the installed models and voices support.
public protocol LanguageCatalog: Sendable {
    func languages() -> [SpokenLanguage]
}

/// A catalog given as a list (tests, and the API's default without a voice module).
public struct FixedLanguageCatalog: LanguageCatalog {
    let list: [SpokenLanguage]

    public init(_ list: [SpokenLanguage]) {
        self.list = list
    }

    public func languages() -> [SpokenLanguage] { list }

    /// English with Debian's pocketsphinx-en-us and espeak-ng's en-us voice.
    public static let english = FixedLanguageCatalog([
        SpokenLanguage(code: "en", voice: "en-us", speechModel: "/usr/share/pocketsphinx/model/en-us")
    ])
}

/// How the process ends when the control API asks it to.
public enum ProcessEnd: Sendable, Equatable {
    /// Stop cleanly, then exit with `ProcessEnd.restartExitStatus`, which
    /// systemd's `Restart=on-failure` answers by starting Hearth again.
    case restart
    /// Stop cleanly and exit 0.
    case shutdown

    /// EX_TEMPFAIL: "try again", not a crash.
    public static let restartExitStatus: Int32 = 75
}

/// What the control API needs beside the runtime.
public struct ControlServices: Sendable {
    public var tokens: any AccessTokenStore
    public var speakers: any SpeakerProfileStore
    public var languages: any LanguageCatalog
    /// True while Home Assistant answers (the Home Assistant module supplies it).
    public var homeAssistantConnected: @Sendable () async -> Bool
    /// Starts the end of the process once the answer is on its way.
    public var end: @Sendable (ProcessEnd) -> Void
    /// When the daemon started, for `uptime_seconds`.
    public var startedAt: Date

    public init(
        tokens: any AccessTokenStore = InMemoryAccessTokenStore(), speakers: any SpeakerProfileStore = InMemorySpeakerStore(),
        languages: any LanguageCatalog = FixedLanguageCatalog.english,
        homeAssistantConnected: @escaping @Sendable () async -> Bool = { false },
        end: @escaping @Sendable (ProcessEnd) -> Void = { _ in }, startedAt: Date = Date()
    ) {
        self.tokens = tokens
        self.speakers = speakers
        self.languages = languages
        self.homeAssistantConnected = homeAssistantConnected
        self.end = end
        self.startedAt = startedAt
    }
}

/// espeak-ng voice names as Hearth composes them: the language's voice,
/// then `+` and the soul's variant (`en-us+m3`).
enum SpeechVoice {
    static func compose(base: String, variant: String?) -> String {
        guard let variant, !variant.isEmpty else { return base }
        return base + "+" + variant
    }

    static func base(of voice: String) -> String {
        voice.split(separator: "+", maxSplits: 1).first.map(String.init) ?? voice
    }
}
