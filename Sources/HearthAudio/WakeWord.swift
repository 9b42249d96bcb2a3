import HearthBrain

/// The wake phrase and how readily it fires:
/// `triggers: - pocketsphinx: {keyphrase, threshold}`.
public struct WakeWordSettings: Sendable, Equatable {
    public var keyphrase: String
    /// Keyword-spotting threshold: lower (1e-40) fires more readily than
    /// higher (1e-10).
    public var threshold: Double

    public static let standard = WakeWordSettings(keyphrase: "hey hearth", threshold: 1e-20)

    public init(keyphrase: String, threshold: Double) {
        self.keyphrase = keyphrase
        self.threshold = threshold
    }

    /// The default trigger's parameters (Kalliope's `snowboy` entries are
    /// already mapped to pocketsphinx by the settings loader).
    public init(settings: Settings) {
        self = .standard
        let parameters = settings.parameters(of: settings.defaultTrigger, in: settings.triggers)
            .merging(settings.parameters(of: "pocketsphinx", in: settings.triggers)) { written, _ in written }
        if case .string(let phrase)? = parameters["keyphrase"], !phrase.isEmpty { keyphrase = phrase }
        switch parameters["threshold"] {
        case .double(let value)?: threshold = value
        case .int(let value)?: threshold = Double(value)
        case .string(let text)?: threshold = Double(text) ?? threshold
        default: break
        }
    }
}

/// Keyword spotting over a continuous stream: the recogniser's keyphrase
/// search, with the phrase's words pronounced like the grammar's.
public final class WakeWordDetector: @unchecked Sendable {
    static let search = "wake"

    public let settings: WakeWordSettings
    private let recognizer: SpeechRecognizer
    /// Samples fed since the current search utterance began.
    private var fed = 0

    public init(recognizer: SpeechRecognizer, settings: WakeWordSettings, pronunciationVoice: String = "en-us") throws(SpeechRecognitionError) {
        self.recognizer = recognizer
        self.settings = settings
        let words = CommandGrammar.spokenWords(settings.keyphrase)
        guard !words.isEmpty else { throw SpeechRecognitionError(message: "the wake phrase '\(settings.keyphrase)' has no words") }
        for word in words where !recognizer.knows(word: word) {
            guard let phones = Pronunciation.cmuPhones(for: word, voice: pronunciationVoice) else {
                throw SpeechRecognitionError(message: "cannot pronounce '\(word)' of the wake phrase")
            }
            try recognizer.add(word: word, phones: phones)
        }
        try recognizer.setKeyphrase(words.joined(separator: " "), threshold: settings.threshold, named: Self.search)
    }

    /// Starts (or restarts) spotting; positions are counted from here.
    public func begin() throws(SpeechRecognitionError) {
        try recognizer.start(search: Self.search)
        fed = 0
    }

    /// Feeds samples; returns, when the phrase was spotted, how many samples
    /// after the `begin()` point it was. The search reports a phrase a few
    /// frames after its end, so what follows the report is the order, not
    /// the phrase's tail.
    public func feed(_ samples: ArraySlice<Int16>) throws(SpeechRecognitionError) -> Int? {
        try recognizer.process(samples)
        fed += samples.count
        return recognizer.hypothesis.isEmpty ? nil : fed
    }
}
