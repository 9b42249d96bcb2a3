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
/// while the utterance is still being spoken, then (only when an order with
/// a placeholder matched, or free text is wanted) a second pass over the
/// utterance with the full language model to read the slot's words.
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
    /// espeak-ng voice used to pronounce words the dictionary lacks.
    public let pronunciationVoice: String
    /// Per-word penalty of the grammar searches (see `CommandGrammar`).
    public let wordPenalty: Double
    public private(set) var orders = CommandGrammar(orders: [])
    public private(set) var answers = CommandGrammar(orders: [])
    /// Words that were given a pronunciation from espeak-ng, and the ones
    /// that could not be (left out of the grammar's reach).
    public private(set) var addedWords: [String: String] = [:]
    public private(set) var unpronounceable: Set<String> = []

    private var mode: Mode = .orders
    private var utterance: [Int16] = []

    /// Measured with bench-voice.sh: see bench/README-voice.md.
    public static let defaultWordPenalty = 0.05

    public init(recognizer: SpeechRecognizer, pronunciationVoice: String = "en-us", wordPenalty: Double = defaultWordPenalty) throws(SpeechRecognitionError) {
        self.recognizer = recognizer
        self.pronunciationVoice = pronunciationVoice
        self.wordPenalty = wordPenalty
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
        try recognizer.setGrammar(reachable.jsgf, named: search, wordPenalty: wordPenalty)
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
        self.mode = mode
        utterance.removeAll(keepingCapacity: true)
        switch mode {
        case .orders: try recognizer.start(search: Self.orderSearch)
        case .answers: try recognizer.start(search: Self.answerSearch)
        case .freeText: try recognizer.start(search: SpeechRecognizer.languageModelSearch)
        }
    }

    public func feed(_ samples: ArraySlice<Int16>) throws(SpeechRecognitionError) {
        utterance.append(contentsOf: samples)
        try recognizer.process(samples)
    }

    public func end() throws(SpeechRecognitionError) -> Transcript {
        try recognizer.finish()
        let hypothesis = recognizer.hypothesis
        if mode == .freeText {
            return Transcript(text: hypothesis, rejected: hypothesis.isEmpty, grammarHypothesis: hypothesis)
        }
        let words = spokenWords()
        let isOrder = words.contains { !CommandGrammar.isPhoneWord($0.text) }
        guard isOrder else {
            if mode == .answers {
                let free = try freeText(of: utterance[...])
                return Transcript(text: free.map(\.text).joined(separator: " "), rejected: free.isEmpty, grammarHypothesis: hypothesis)
            }
            return Transcript(text: "", rejected: true, grammarHypothesis: hypothesis)
        }
        guard words.contains(where: { CommandGrammar.isPhoneWord($0.text) }) else {
            return Transcript(text: words.map(\.text).joined(separator: " "), rejected: false, grammarHypothesis: hypothesis)
        }
        return Transcript(text: try fillSlots(words), rejected: false, grammarHypothesis: hypothesis)
    }

    /// Replaces each run of phone words by the language model's words that
    /// lie in the same stretch of time.
    private func fillSlots(_ words: [RecognizedWord]) throws(SpeechRecognitionError) -> String {
        let free = try freeText(of: utterance[...])
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
            let inside = free.filter { word in
                let middle = (word.startFrame + word.endFrame) / 2
                return middle >= start && middle <= end
            }
            text.append(contentsOf: inside.map(\.text))
        }
        return text.joined(separator: " ")
    }

    /// The language model's reading of `samples` (fillers removed).
    private func freeText(of samples: ArraySlice<Int16>) throws(SpeechRecognitionError) -> [RecognizedWord] {
        try recognizer.start(search: SpeechRecognizer.languageModelSearch)
        try recognizer.process(samples)
        try recognizer.finish()
        return spokenWords()
    }

    /// The last utterance's words without fillers, alternative
    /// pronunciations ("to(2)") under their word.
    private func spokenWords() -> [RecognizedWord] {
        recognizer.words.filter { !Self.isFiller($0.text) }.map { word in
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
