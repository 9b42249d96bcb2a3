import CSpeechRecognition
import Foundation

/// Where the acoustic model, dictionary and language model live.
public struct SpeechModels: Sendable, Equatable {
    public var acousticModel: String
    public var dictionary: String
    public var languageModel: String
    /// The rate the acoustic model was trained at; audio is converted to it.
    public var sampleRate: Int

    public init(acousticModel: String, dictionary: String, languageModel: String, sampleRate: Int = 16000) {
        self.acousticModel = acousticModel
        self.dictionary = dictionary
        self.languageModel = languageModel
        self.sampleRate = sampleRate
    }

    /// Debian's pocketsphinx-en-us.
    public static let englishUS: SpeechModels = {
        let root = "/usr/share/pocketsphinx/model/en-us"
        return SpeechModels(
            acousticModel: "\(root)/en-us", dictionary: "\(root)/cmudict-en-us.dict",
            languageModel: "\(root)/en-us.lm.bin")
    }()
}

public struct SpeechRecognitionError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public var description: String { message }
}

/// A recognised word and where it lies in the utterance (10 ms frames).
public struct RecognizedWord: Sendable, Equatable {
    public var text: String
    public var startFrame: Int
    public var endFrame: Int
}

/// The pocketsphinx decoder (CSupport/CSpeechRecognition): named searches,
/// one active at a time, fed 16-bit mono samples. The one place holding the
/// decoder's pointer. Driven by one thread at a time (the listening
/// pipeline's worker), hence `@unchecked Sendable`.
public final class SpeechRecognizer: @unchecked Sendable {
    /// The search over the full language model (free text).
    public static let languageModelSearch = HEARTH_RECOGNIZER_LM_SEARCH

    public let models: SpeechModels
    private let recognizer: OpaquePointer

    /// Loads the models; `withLanguageModel: false` saves the language
    /// model's memory when no free text is wanted.
    public init(models: SpeechModels = .englishUS, withLanguageModel: Bool = true) throws(SpeechRecognitionError) {
        var error = [CChar](repeating: 0, count: Int(HEARTH_RECOGNIZER_ERROR_SIZE))
        let created: OpaquePointer? = models.acousticModel.withCString { acoustic in
            models.dictionary.withCString { dictionary in
                models.languageModel.withCString { languageModel in
                    var config = hearth_recognizer_config(
                        acoustic_model: acoustic, dictionary: dictionary,
                        language_model: withLanguageModel ? languageModel : nil, log_file: nil)
                    return hearth_recognizer_create(&config, &error, error.count)
                }
            }
        }
        guard let created else { throw SpeechRecognitionError(message: String(nulTerminated: error)) }
        self.models = models
        self.recognizer = created
    }

    deinit { hearth_recognizer_destroy(recognizer) }

    public func knows(word: String) -> Bool { hearth_recognizer_knows_word(recognizer, word) == 1 }

    /// Adds a pronunciation (phones of the acoustic model, e.g. "HH EY").
    public func add(word: String, phones: String) throws(SpeechRecognitionError) {
        try check(hearth_recognizer_add_word(recognizer, word, phones))
    }

    public func setGrammar(_ jsgf: String, named search: String, wordPenalty: Double) throws(SpeechRecognitionError) {
        try check(hearth_recognizer_set_grammar(recognizer, search, jsgf, wordPenalty))
    }

    public func setKeyphrase(_ phrase: String, threshold: Double, named search: String) throws(SpeechRecognitionError) {
        try check(hearth_recognizer_set_keyphrase(recognizer, search, phrase, threshold))
    }

    /// Makes `search` the active one and opens an utterance.
    public func start(search: String) throws(SpeechRecognitionError) {
        hearth_recognizer_finish(recognizer)
        try check(hearth_recognizer_select(recognizer, search))
        try check(hearth_recognizer_start(recognizer))
    }

    public func process(_ samples: ArraySlice<Int16>) throws(SpeechRecognitionError) {
        let status = samples.withUnsafeBufferPointer { hearth_recognizer_process(recognizer, $0.baseAddress, $0.count) }
        try check(status)
    }

    public func finish() throws(SpeechRecognitionError) {
        try check(hearth_recognizer_finish(recognizer))
    }

    /// The best hypothesis so far (final after `finish`); empty when none.
    public var hypothesis: String {
        var text = [CChar](repeating: 0, count: 4096)
        hearth_recognizer_hypothesis(recognizer, &text, text.count, nil)
        return String(nulTerminated: text)
    }

    /// How well the best path fits the audio: its score over the seconds
    /// of the utterance, nil when no path reached the search's end. The
    /// decoder scores each frame against the frame's best-matching senone,
    /// so 0 is a perfect fit, and a long order does not score lower than a
    /// short one for its length.
    public var scorePerSecond: Double? {
        var score = 0.0
        let length = hearth_recognizer_hypothesis(recognizer, nil, 0, &score)
        let seconds = hearth_recognizer_utterance_seconds(recognizer)
        guard length > 0, seconds > 0 else { return nil }
        return score / seconds
    }

    /// The words of the best path, silences and fillers included.
    public var words: [RecognizedWord] {
        let count = hearth_recognizer_words(recognizer, nil, 0)
        var raw = [hearth_recognizer_word](repeating: hearth_recognizer_word(), count: count)
        let filled = min(count, hearth_recognizer_words(recognizer, &raw, count))
        return raw.prefix(filled).map { word in
            let text = withUnsafeBytes(of: word.word) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            return RecognizedWord(text: text, startFrame: Int(word.start_frame), endFrame: Int(word.end_frame))
        }
    }

    private func check(_ status: Int32) throws(SpeechRecognitionError) {
        if status != 0 { throw SpeechRecognitionError(message: String(cString: hearth_recognizer_error(recognizer))) }
    }
}

extension String {
    /// The NUL-terminated text a C function wrote into `buffer`.
    init(nulTerminated buffer: [CChar]) {
        self.init(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
