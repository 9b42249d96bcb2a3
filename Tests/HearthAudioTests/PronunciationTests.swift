import HearthTestSupport
import Testing
@testable import HearthAudio

@Suite struct PronunciationTests {
    @Test func espeakNamesMapOntoCMUPhones() {
        #expect(Pronunciation.cmuPhones(fromEspeak: "h 'A@ T") == ["HH", "AA", "R", "TH"])
        // Stress marks, variants (t2) and word separators are not phones.
        #expect(Pronunciation.cmuPhones(fromEspeak: "w ,V t  t2 'aI m | I z") == ["W", "AH", "T", "T", "AY", "M", "IH", "Z"])
        #expect(Pronunciation.cmuPhones(fromEspeak: "_: ?") == [])
    }

    // espeak-ng is asked on a thread of its own, as the recogniser does.
    @Test func wordsMissingFromTheDictionaryGetAPronunciation() async throws {
        // "synapse2" is spoken "synapse two".
        #expect(try await offPool { Pronunciation.cmuPhones(for: "synapse2") } == "S IH N AE P S T UW")
        let kalliope = try #require(try await offPool { Pronunciation.cmuPhones(for: "kalliope") })
        #expect(kalliope.hasPrefix("K AE L"))
    }

    @Test func anUnknownVoiceGivesNothing() async throws {
        #expect(try await offPool { Pronunciation.cmuPhones(for: "hello", voice: "no-such-voice") } == nil)
    }
}
