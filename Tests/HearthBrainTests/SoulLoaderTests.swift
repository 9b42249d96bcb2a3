import Foundation
import HearthBrain
import Testing

@Suite struct SoulLoaderTests {
    /// The repository's `souls/` folder.
    static let repositorySouls: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("souls").path
    }()

    @Test func theEmbeddedSoulsAreTheRepositorysFiles() throws {
        let files = try SoulLoader.load(directory: Self.repositorySouls)
        #expect(files.count >= 3)
        #expect(files == StarterSouls.all)
        for (id, text) in StarterSouls.texts {
            // The embedded text is the file without its final newline.
            #expect(try String(contentsOfFile: Self.repositorySouls + "/\(id).yml", encoding: .utf8) == text + "\n")
        }
        #expect(StarterSouls.all.contains { $0.id == StarterSouls.defaultID })
    }

    @Test func aSoulFileReadsEveryField() throws {
        let soul = try SoulLoader.load(text: """
            name: Siren
            description: Flirty
            nsfw: true
            voice: f3
            rate: 150
            pitch: 80
            model: local-7b
            responses:
              greeting: "Well hello"
            """, id: "siren")
        #expect(soul == Soul(
            id: "siren", name: "Siren", description: "Flirty", nsfw: true, voice: "f3", rate: 150, pitch: 80, model: "local-7b",
            responses: ["greeting": "Well hello"]))
        #expect(soul.templateValue == ["greeting": "Well hello", "id": "siren", "name": "Siren"])
    }

    @Test func mistakesNameTheFileLineAndColumn() throws {
        let files = TestFiles()
        files.write("souls/loud.yml", "name: Loud\nrate: 9000\n")
        #expect {
            try SoulLoader.load(directory: files.directory + "/souls")
        } throws: { error in
            "\(error)".hasSuffix("loud.yml:2:1: soul 'loud': 'rate' must be a whole number from 80 to 450")
        }
        files.write("other/typo.yml", "name: Typo\nvoise: f1\n")
        #expect {
            try SoulLoader.load(directory: files.directory + "/other")
        } throws: { error in
            "\(error)".contains("typo.yml:2:1: soul 'typo': unknown key 'voise'")
        }
    }

    @Test func settingsNameTheLanguageAndTheActiveSoul() throws {
        let settings = try SettingsLoader.load(text: "language: fr\nsoul: {directory: souls, active: butler}\n", name: "s").settings
        #expect(settings.language == "fr")
        #expect(settings.soul == "butler")
        #expect(settings.sections["soul"]?.mapValue?["directory"] == "souls")
    }
}
