import Foundation
import HearthBrain
import HearthHomeAssistant
import Testing

@Suite struct HomeAssistantSettingsTests {
    func section(_ yaml: String) throws -> Value? {
        try SettingsLoader.load(text: yaml, name: "settings.yml").settings.sections["homeassistant"]
    }

    @Test func withoutAURLHomeAssistantIsOff() throws {
        #expect(try HomeAssistantSettings.read(nil, environment: [:]) == nil)
        #expect(try HomeAssistantSettings.read(section("homeassistant:\n  language: en\n"), environment: [:]) == nil)
        #expect(try HomeAssistantSettings.read(section("homeassistant:\n  url: \"\"\n"), environment: [:]) == nil)
        #expect(try HomeAssistant.configured(by: StarterBrain.loadSettings().settings, environment: [:]) == nil)
    }

    @Test func readsEveryKeyWithDefaults() throws {
        let full = try #require(try HomeAssistantSettings.read(section("""
            homeassistant:
              url: "http://homeassistant.local:8123/"
              token: "abc"
              language: fr
              timeout: 2.5
            """), environment: [:]))
        #expect(full == HomeAssistantSettings(url: "http://homeassistant.local:8123", token: HomeAssistantToken("abc"), language: "fr", timeout: 2.5))
        let minimal = try #require(try HomeAssistantSettings.read(section("homeassistant: {url: \"https://ha.example\", token: t}"), environment: [:]))
        #expect(minimal.language == nil)
        #expect(minimal.timeout == 10)
    }

    @Test func theTokenComesFromTheEnvironmentThenTheFileThenTheSetting() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-ha-token-\(UUID().uuidString)").path
        try "from-file\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let environment = [HomeAssistantSettings.tokenVariable: "from-environment"]

        let inline = try section("homeassistant: {url: \"http://ha:8123\", token: from-setting}")
        #expect(try HomeAssistantSettings.read(inline, environment: [:])?.token == HomeAssistantToken("from-setting"))
        #expect(try HomeAssistantSettings.read(inline, environment: environment)?.token == HomeAssistantToken("from-environment"))
        let fromFile = try section("homeassistant: {url: \"http://ha:8123\", token_file: \"\(file)\"}")
        #expect(try HomeAssistantSettings.read(fromFile, environment: [:])?.token == HomeAssistantToken("from-file"))
        #expect(try HomeAssistantSettings.read(fromFile, environment: environment)?.token == HomeAssistantToken("from-environment"))
    }

    @Test(arguments: [
        ("homeassistant: {url: \"ftp://ha\", token: SECRET}", "http:// or https://"),
        ("homeassistant: {url: \"http://me:SECRET@ha\", token: x}", "must not hold a login"),
        ("homeassistant: {url: \"http://ha\"}", "no token"),
        ("homeassistant: {url: \"http://ha\", token: SECRET, token_file: /etc/x}", "not both"),
        ("homeassistant: {url: \"http://ha\", token: SECRET, timeout: -1}", "timeout"),
        ("homeassistant: {url: \"http://ha\", token: SECRET, colour: red}", "homeassistant.colour"),
        ("homeassistant: {url: \"http://ha\", token_file: /nonexistent/hearth-token}", "cannot be read"),
        ("homeassistant: [1, 2]", "must be a map"),
    ])
    func unusableSectionsAreErrorsThatNeverQuoteTheToken(yaml: String, expected: String) throws {
        let value = try section(yaml)
        let error = #expect(throws: HomeAssistantSettingsError.self) {
            try HomeAssistantSettings.read(value, environment: [:])
        }
        let text = String(describing: error)
        #expect(text.contains(expected), "\(text)")
        #expect(!text.contains("SECRET"))
    }

    @Test func theTokenNeverPrints() {
        let settings = HomeAssistantSettings(url: "http://ha:8123", token: HomeAssistantToken(secretToken))
        var dumped = ""
        dump(settings, to: &dumped)
        for text in [String(describing: settings), String(reflecting: settings), "\(settings.token)", dumped] {
            #expect(!text.contains(secretToken))
        }
        #expect(String(describing: settings.token) == "<hidden>")
    }
}
