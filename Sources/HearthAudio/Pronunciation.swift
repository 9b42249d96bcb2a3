import CSpeechSynthesis
import Foundation

/// Pronunciations for words the recogniser's dictionary lacks: espeak-ng
/// reads the word, and its phonemes are mapped onto the CMU phone set the
/// acoustic model knows.
public enum Pronunciation {
    /// espeak-ng's English phoneme names (stress marks removed) and the CMU
    /// phones closest to them.
    static let espeakToCMU: [String: [String]] = [
        "a": ["AE"], "a#": ["AH"], "aa": ["AA"], "A:": ["AA"], "A@": ["AA", "R"], "A": ["AA"],
        "aI": ["AY"], "aI@": ["AY", "ER"], "aI3": ["AY", "ER"], "aU": ["AW"], "aU@": ["AW", "ER"],
        "@": ["AH"], "@2": ["AH"], "@5": ["AH"], "@L": ["AH", "L"], "3": ["ER"], "3:": ["ER"],
        "e": ["EH"], "E": ["EH"], "e@": ["EH", "R"], "eI": ["EY"],
        "i": ["IY"], "i:": ["IY"], "i@": ["IY", "ER"], "i@3": ["IY", "R"], "I": ["IH"], "I#": ["IH"], "I2": ["IH"],
        "0": ["AA"], "O": ["AO"], "O:": ["AO"], "O@": ["AO", "R"], "o@": ["AO", "R"], "OI": ["OY"],
        "oU": ["OW"], "oU#": ["OW"], "u": ["UW"], "u:": ["UW"], "U": ["UH"], "U@": ["UH", "R"], "V": ["AH"],
        "b": ["B"], "d": ["D"], "dZ": ["JH"], "D": ["DH"], "f": ["F"], "g": ["G"], "h": ["HH"], "j": ["Y"],
        "k": ["K"], "l": ["L"], "m": ["M"], "n": ["N"], "N": ["NG"], "p": ["P"], "r": ["R"], "s": ["S"],
        "S": ["SH"], "t": ["T"], "tS": ["CH"], "T": ["TH"], "v": ["V"], "w": ["W"], "z": ["Z"], "Z": ["ZH"],
        "x": ["K"],
    ]

    /// CMU phones for `word` as espeak-ng's `voice` says it, or nil when
    /// espeak-ng gives nothing usable.
    public static func cmuPhones(for word: String, voice: String = "en-us") -> String? {
        guard let phonemes = espeakPhonemes(word, voice: voice) else { return nil }
        let phones = cmuPhones(fromEspeak: phonemes)
        return phones.isEmpty ? nil : phones.joined(separator: " ")
    }

    /// Maps espeak-ng phoneme names (space separated, stress marks allowed)
    /// to CMU phones; names without a counterpart (pauses, glottal stops)
    /// are dropped.
    static func cmuPhones(fromEspeak phonemes: String) -> [String] {
        phonemes.split(whereSeparator: { $0 == " " || $0 == "|" }).flatMap { name -> [String] in
            var bare = name.filter { !"'%,=;_!".contains($0) }
            if bare.isEmpty { return [] }
            if let phones = espeakToCMU[bare] { return phones }
            // Variants carry a trailing digit or '#' (t2, d#, r-): try the base.
            while let last = bare.last, "0123456789#-/".contains(last), bare.count > 1 {
                bare.removeLast()
                if let phones = espeakToCMU[bare] { return phones }
            }
            return []
        }
    }

    static func espeakPhonemes(_ text: String, voice: String) -> String? {
        SpeechEngineLock.shared.withLock {
            var buffer = [CChar](repeating: 0, count: 4096)
            guard hearth_synthesis_phonemes(voice, text, &buffer, buffer.count) == 0 else { return nil }
            return String(nulTerminated: buffer)
        }
    }
}

/// espeak-ng is one engine per process: synthesis and phoneme look-ups
/// take turns through this lock.
enum SpeechEngineLock {
    static let shared = NSLock()
}
