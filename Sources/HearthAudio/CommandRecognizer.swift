import HearthBrain

/// What speech to text made of one utterance.
public struct Transcript: Sendable, Equatable {
    /// The order as text (slots filled from the language model); empty when rejected.
    public var text: String
    /// The speech was not one of the orders (or answers) in the grammar.
    public var rejected: Bool
    /// The grammar's raw hypothesis, phone words included (for diagnostics).
    public var grammarHypothesis: String

    public init(text: String, rejected: Bool, grammarHypothesis: String) {
        self.text = text
        self.rejected = rejected
        self.grammarHypothesis = grammarHypothesis
    }
}

/// Speech to text for orders: the grammar built from the brain, decoded
/// while the utterance is still being spoken. When the grammar has slots
/// (or free text may be wanted), a second decoder reads the same audio with
/// the full language model at the same time, and a slot takes the words it
/// heard there: reading them after the end of speech would cost a second.
///
/// Used from one thread at a time (the listening pipeline's).
public final class CommandRecognizer: @unchecked Sendable {
    public enum Mode: Sendable, Equatable {
        /// The brain's orders; other speech is rejected.
        case orders
        /// A neurotransmitter's answers; other speech is read as free text,
        /// since any answer is an answer (the `default` synapse takes it).
        case answers
        /// The full language model only.
        case freeText
    }

    static let orderSearch = "orders"
    static let answerSearch = "answers"

    public let recognizer: SpeechRecognizer
    /// The decoder holding the full language model (its own acoustic model
    /// instance, so both decode the utterance side by side).
    public let languageModel: SpeechRecognizer
    /// espeak-ng voice used to pronounce words the dictionary lacks.
    public let pronunciationVoice: String
    /// Per-word penalty of the grammar searches (see `CommandGrammar`).
    public let wordPenalty: Double
    /// An utterance decoded as an order is one only when the order fits
    /// the audio at least this well (`SpeechRecognizer.scorePerSecond`).
    public let minimumScorePerSecond: Double
    public private(set) var orders = CommandGrammar(orders: [])
    public private(set) var answers = CommandGrammar(orders: [])
    /// Words that were given a pronunciation from espeak-ng, and the ones
    /// that could not be (left out of the grammar's reach).
    public private(set) var addedWords: [String: String] = [:]
    public private(set) var unpronounceable: Set<String> = []

    private var mode: Mode = .orders
    /// The language model hears this utterance too.
    private var freeTextRunning = false
    /// Its utterance was left open because the order needed none of its
    /// words: closing it costs a final pass, paid at the next `begin`
    /// rather than before the answer.
    private var freeTextUnclosed = false

    /// Chosen with scripts/bench-voice.sh when orders, too, were rejected by
    /// the phone loop: 0.01 kept every clean order, and in noise (20 dB) lost
    /// far fewer of them to it than 0.05. Answers still are.
    public static let defaultWordPenalty = 0.01

    /// Chosen on scripts/bench-voice.sh's corpus, which then measured: in
    /// quiet every order kept and 99.4% of non-orders rejected; at 10 dB
    /// SNR with noise suppression on, 57.5% of orders kept and 94.4% of
    /// non-orders rejected (without it, 46.2% and 84.4%). A higher value
    /// rejects more of both.
    public static let defaultMinimumScorePerSecond = -0.41

    public init(
        recognizer: SpeechRecognizer, languageModel: SpeechRecognizer, pronunciationVoice: String = "en-us",
        wordPenalty: Double = defaultWordPenalty, minimumScorePerSecond: Double = defaultMinimumScorePerSecond
    ) throws(SpeechRecognitionError) {
        self.recognizer = recognizer
        self.languageModel = languageModel
        self.pronunciationVoice = pronunciationVoice
        self.wordPenalty = wordPenalty
        self.minimumScorePerSecond = minimumScorePerSecond
        for phone in CommandGrammar.phones {
            try recognizer.add(word: CommandGrammar.phoneWord(phone), phones: phone)
        }
        try load(orders, as: Self.orderSearch)
    }

    /// Rebuilds the order grammar (the brain changed).
    public func setOrders(_ grammar: CommandGrammar) throws(SpeechRecognitionError) {
        guard grammar != orders else { return }
        try load(grammar, as: Self.orderSearch)
        orders = grammar
    }

    public func setAnswers(_ grammar: CommandGrammar) throws(SpeechRecognitionError) {
        guard grammar != answers else { return }
        try load(grammar, as: Self.answerSearch)
        answers = grammar
    }

    private func load(_ grammar: CommandGrammar, as search: String) throws(SpeechRecognitionError) {
        try pronounce(grammar.vocabulary)
        let reachable = CommandGrammar(phrases: grammar.phrases.filter { phrase in
            phrase.allSatisfy { $0.map { !unpronounceable.contains($0) } ?? true }
        })
        try recognizer.setGrammar(
            reachable.jsgf(phoneLoopAlternative: search == Self.answerSearch), named: search, wordPenalty: wordPenalty)
    }

    /// Gives every unknown word espeak-ng's pronunciation, in CMU phones.
    private func pronounce(_ words: Set<String>) throws(SpeechRecognitionError) {
        for word in words.sorted() where !recognizer.knows(word: word) && !unpronounceable.contains(word) {
            guard let phones = Pronunciation.cmuPhones(for: word, voice: pronunciationVoice) else {
                unpronounceable.insert(word)
                continue
            }
            try recognizer.add(word: word, phones: phones)
            addedWords[word] = phones
        }
    }

    // MARK: One utterance

    public func begin(_ mode: Mode) throws(SpeechRecognitionError) {
        if freeTextUnclosed {
            freeTextUnclosed = false
            try languageModel.finish()
        }
        self.mode = mode
        switch mode {
        case .orders:
            try recognizer.start(search: Self.orderSearch)
            freeTextRunning = orders.hasSlots
        case .answers:
            try recognizer.start(search: Self.answerSearch)
            freeTextRunning = true
        case .freeText:
            freeTextRunning = true
        }
        if freeTextRunning { try languageModel.start(search: SpeechRecognizer.languageModelSearch) }
    }

    public func feed(_ samples: ArraySlice<Int16>) throws(SpeechRecognitionError) {
        if mode != .freeText { try recognizer.process(samples) }
        if freeTextRunning { try languageModel.process(samples) }
    }

    /// The words heard so far already make a whole order that is the start
    /// of no longer one, and does not end on a slot (a slot may go on): the
    /// speaker has nothing left to add, so a short pause may end the
    /// utterance.
    public var heardCompleteOrder: Bool {
        let grammar: CommandGrammar
        switch mode {
        case .orders: grammar = orders
        case .answers: grammar = answers
        case .freeText: return false
        }
        var heard: [String?] = []
        for word in recognizer.hypothesis.split(separator: " ") {
            if CommandGrammar.isPhoneWord(String(word)) {
                if heard.last != .some(nil) { heard.append(nil) }
            } else {
                heard.append(String(word.prefix { $0 != "(" }))
            }
        }
        guard heard.last != .some(nil), grammar.phrases.contains(heard) else { return false }
        return !grammar.phrases.contains { $0.count > heard.count && $0.starts(with: heard) }
    }

    public func end() throws(SpeechRecognitionError) -> Transcript {
        if mode == .freeText {
            let text = try freeTextWords().map(\.text).joined(separator: " ")
            return Transcript(text: text, rejected: text.isEmpty, grammarHypothesis: text)
        }
        try recognizer.finish()
        let hypothesis = recognizer.hypothesis
        let words = Self.spokenWords(recognizer.words)
        let isOrder = words.contains { !CommandGrammar.isPhoneWord($0.text) } && (mode != .orders || fitsWell)
        if isOrder, !words.contains(where: { CommandGrammar.isPhoneWord($0.text) }) {
            freeTextUnclosed = freeTextRunning
            freeTextRunning = false
            return Transcript(text: words.map(\.text).joined(separator: " "), rejected: false, grammarHypothesis: hypothesis)
        }
        let free = try freeTextWords()
        guard isOrder else {
            if mode == .answers {
                // Any answer is an answer: the neurotransmitter's default takes it.
                let text = free.map(\.text).joined(separator: " ")
                return Transcript(text: text, rejected: text.isEmpty, grammarHypothesis: hypothesis)
            }
            return Transcript(text: "", rejected: true, grammarHypothesis: hypothesis)
        }
        return Transcript(text: Self.fillSlots(words, from: free), rejected: false, grammarHypothesis: hypothesis)
    }

    /// The order decoded fits the audio well enough to be the one spoken.
    private var fitsWell: Bool {
        recognizer.scorePerSecond.map { $0 >= minimumScorePerSecond } ?? false
    }

    /// The language model's words for this utterance, if it listened.
    private func freeTextWords() throws(SpeechRecognitionError) -> [RecognizedWord] {
        guard freeTextRunning else { return [] }
        freeTextRunning = false
        try languageModel.finish()
        return Self.spokenWords(languageModel.words)
    }

    /// Replaces each run of phone words by the language model's words that
    /// lie mostly in the same stretch of time.
    static func fillSlots(_ words: [RecognizedWord], from free: [RecognizedWord]) -> String {
        var text: [String] = []
        var index = 0
        while index < words.count {
            guard CommandGrammar.isPhoneWord(words[index].text) else {
                text.append(words[index].text)
                index += 1
                continue
            }
            let start = words[index].startFrame
            while index < words.count, CommandGrammar.isPhoneWord(words[index].text) { index += 1 }
            let end = words[index - 1].endFrame
            text += free.filter { word in
                let middle = (word.startFrame + word.endFrame) / 2
                return middle >= start && middle <= end
            }.map(\.text)
        }
        return text.joined(separator: " ")
    }

    /// Words without fillers, alternative pronunciations ("to(2)") under
    /// their word.
    static func spokenWords(_ words: [RecognizedWord]) -> [RecognizedWord] {
        words.filter { !isFiller($0.text) }.map { word in
            var word = word
            if let paren = word.text.firstIndex(of: "(") { word.text = String(word.text[..<paren]) }
            return word
        }
    }

    /// Silences and noises: `<s>`, `</s>`, `<sil>`, `[NOISE]`, `++GARBAGE++`...
    static func isFiller(_ word: String) -> Bool {
        word.hasPrefix("<") || word.hasPrefix("[") || word.hasPrefix("+") || word.isEmpty
    }
}
