import Foundation
import HearthBrain

/// The JSGF grammar the recogniser decodes orders with, built from the
/// brain's order texts (or the answers a neurotransmitter waits for).
///
/// Every order is one alternative; a placeholder becomes a slot that a loop
/// of single-phone "words" fills. For answers, the same phone loop alone is
/// a further alternative: speech that is none of the answers comes out as
/// phones only, and is then read as free text. The word penalty charged per
/// word (see `wordPenalty`) is what makes a run of phones dearer than the
/// real words of an answer that fits.
///
/// Orders have no such alternative: every utterance is decoded as the order
/// it fits best, and the recogniser rejects it when it fits badly (see
/// `CommandRecognizer.minimumScorePerSecond`). In noise a phone loop
/// explains a spoken order better than the order's own words: it took
/// three orders in five at 10 dB SNR.
public struct CommandGrammar: Sendable, Equatable {
    /// The acoustic model's phones, each a dictionary word of its own.
    public static let phones = [
        "AA", "AE", "AH", "AO", "AW", "AY", "B", "CH", "D", "DH", "EH", "ER", "EY", "F", "G", "HH", "IH", "IY",
        "JH", "K", "L", "M", "N", "NG", "OW", "OY", "P", "R", "S", "SH", "T", "TH", "UH", "UW", "V", "W", "Y", "Z", "ZH",
    ]
    /// Prefix of the phone words; no dictionary word starts with it.
    public static let phonePrefix = "ph_"
    public static func phoneWord(_ phone: String) -> String { phonePrefix + phone.lowercased() }
    public static func isPhoneWord(_ word: String) -> Bool { word.hasPrefix(phonePrefix) }

    /// Orders as word sequences; `nil` stands for a placeholder slot.
    public let phrases: [[String?]]

    public init(orders: [OrderSignal]) {
        var seen = Set<[String?]>()
        phrases = orders.compactMap { signal in
            let phrase = Self.phrase(signal.tokens)
            guard !phrase.isEmpty, phrase.contains(where: { $0 != nil }), seen.insert(phrase).inserted else { return nil }
            return phrase
        }
    }

    init(phrases: [[String?]]) {
        self.phrases = phrases
    }

    /// The enabled order signals of a brain.
    public init(brain: Brain) {
        self.init(orders: brain.synapses.filter(\.enabled).flatMap(\.orderSignals))
    }

    /// Literal words, as the dictionary must know them.
    public var vocabulary: Set<String> { Set(phrases.flatMap { $0.compactMap { $0 } }) }

    public var hasSlots: Bool { phrases.contains { $0.contains(nil) } }

    /// The grammar in JSGF; `phoneLoopAlternative` adds a run of phones as
    /// a whole utterance of its own.
    ///
    /// The slot is written `<phone> <phone>*`: sphinxbase compiles `<phone>+`
    /// into a loop whose exit also reaches the other alternatives of the
    /// rule that uses it, which lets phones precede any order.
    public func jsgf(phoneLoopAlternative: Bool) -> String {
        let phoneAlternatives = Self.phones.map(Self.phoneWord).joined(separator: " | ")
        var orders = phrases.map { phrase in
            "(" + phrase.map { $0 ?? "<slot>" }.joined(separator: " ") + ")"
        }
        if orders.isEmpty { orders = ["<slot>"] }
        return """
            #JSGF V1.0;
            grammar hearth;
            public <utterance> = <order>\(phoneLoopAlternative ? " | <slot>" : "");
            <order> = \(orders.joined(separator: "\n    | "));
            <slot> = <phone> <phone>*;
            <phone> = \(phoneAlternatives);

            """
    }

    /// A signal's tokens as recogniser words: lowercase, letters, digits and
    /// apostrophes only; punctuation-only tokens vanish.
    static func phrase(_ tokens: [OrderToken]) -> [String?] {
        var phrase: [String?] = []
        for token in tokens {
            switch token {
            case .placeholder:
                if phrase.last != .some(nil) { phrase.append(nil) }
            case .word(let word):
                for part in spokenWords(word) { phrase.append(part) }
            }
        }
        return phrase
    }

    /// "Bonjour!" → ["bonjour"]; "what's" stays; "on/off" → ["on", "off"].
    public static func spokenWords(_ text: String) -> [String] {
        text.lowercased()
            .split { !($0.isLetter || $0.isNumber || $0 == "'") }
            .map { String($0).trimmingCharacters(in: ["'"]) }
            .filter { !$0.isEmpty }
    }
}
