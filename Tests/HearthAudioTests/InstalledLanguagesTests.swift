import Foundation
import HearthAudio
import HearthTestSupport
import Testing

/// Languages are what the installed pocketsphinx models and espeak-ng
/// voices both support, found on disk (espeak-ng's list is read on a thread
/// of the test's own).
@Suite struct InstalledLanguagesTests {
    @Test func debiansEnglishModelAndVoiceAreFound() async throws {
        let english = try await offPool { InstalledLanguages.discover() }.first { $0.code == "en" }
        #expect(english?.voice == "en-us")
        #expect(english?.models == SpeechModels.englishUS)
    }

    /// A model folder laid out as Debian's counts when espeak-ng speaks its
    /// language; a model without a voice, or a folder without a model, does not.
    @Test func aModelCountsOnlyWithAVoiceAndAllItsFiles() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-models-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        func model(_ tag: String, files: [String]) throws {
            try FileManager.default.createDirectory(atPath: "\(root)/\(tag)/\(tag)", withIntermediateDirectories: true)
            for file in files { FileManager.default.createFile(atPath: "\(root)/\(tag)/\(file)", contents: Data()) }
        }
        try model("fr-fr", files: ["fr.dict", "fr-fr.lm.bin"])
        try model("de-de", files: ["de.dict"])  // no language model
        try model("xx-zz", files: ["xx.dict", "xx-zz.lm.bin"])  // no espeak-ng voice

        let found = try await offPool { InstalledLanguages.discover(modelRoot: root) }
        #expect(found.map(\.code) == ["fr"])
        #expect(found.first?.voice.hasPrefix("fr") == true)
        #expect(found.first?.models.dictionary == "\(root)/fr-fr/fr.dict")
        #expect(found.first?.models.languageModel == "\(root)/fr-fr/fr-fr.lm.bin")
        #expect(found.first?.models.acousticModel == "\(root)/fr-fr/fr-fr")
    }
}
