import Foundation
import HearthBrain
import Testing
@testable import HearthWyoming

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct WyomingSettingsTests {
    func parse(_ yaml: String) throws -> (settings: WyomingSettings, warnings: [String]) {
        let loaded = try SettingsLoader.load(text: yaml, name: "settings.yml")
        return WyomingSettings.parse(loaded.settings.sections["wyoming"])
    }

    @Test func withoutASectionTheSatelliteIsOffOnTheStandardPort() throws {
        let (settings, warnings) = try parse("")
        #expect(!settings.enabled)
        #expect(settings.host == "0.0.0.0")
        #expect(settings.port == 10700)
        #expect(settings.mode == .localFirst)
        #expect(warnings.isEmpty)
    }

    @Test func everyKeyIsRead() throws {
        let (settings, warnings) = try parse("""
            wyoming:
              enabled: true
              port: 10800
              name: "Kitchen Hearth"
              area: Kitchen
              mode: home_assistant
            """)
        #expect(warnings.isEmpty)
        #expect(settings.enabled && settings.port == 10800 && settings.name == "Kitchen Hearth" && settings.area == "Kitchen")
        #expect(settings.mode == .homeAssistant)
    }

    @Test func badValuesAreNamedAndTheDefaultsKept() throws {
        let (settings, warnings) = try parse("""
            wyoming:
              enabled: "yes please"
              port: 70000
              mode: cloud
              colour: blue
            """)
        #expect(settings == WyomingSettings())
        #expect(warnings.count == 4)
        #expect(warnings.contains { $0.contains("wyoming.port") })
        #expect(warnings.contains { $0.contains("local_first or home_assistant") })
        #expect(warnings.contains { $0.contains("wyoming.colour") })
        #expect(try parse("wyoming: 3").warnings.count == 1)
    }

    @Test func theAvahiServiceAnnouncesWyomingOnItsPort() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../systemd/avahi/hearth-wyoming.service")
        final class Reader: NSObject, XMLParserDelegate {
            var text: [String: String] = [:]
            var element = ""
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                element = name
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) {
                text[element, default: ""] += string.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        let parser = try #require(XMLParser(contentsOf: path.standardizedFileURL))
        let reader = Reader()
        parser.delegate = reader
        #expect(parser.parse(), "well-formed XML")
        #expect(reader.text["type"] == "_wyoming._tcp")
        #expect(reader.text["port"] == String(WyomingSettings().port))
    }
}
