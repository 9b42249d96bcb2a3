import Foundation
import Testing
@testable import HearthDevice

private let boardDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("board")

private let shippedBoards = ["sim", "generic-x86", "rpi4-2mic-hat", "rpi5-2mic-hat", "rpi-zero2w-2mic-hat", "rpi-usb-mic"]

private func parseError(_ yaml: String) -> BoardProfileError? {
    do {
        _ = try BoardProfile.parse(yaml, file: "test.yml")
        return nil
    } catch let error as BoardProfileError {
        return error
    } catch {
        return BoardProfileError(file: "?", key: "?", message: "unexpected \(error)")
    }
}

private let validYAML = """
    name: test
    audio:
      capture: hw:0
      playback: hw:0
    gpio:
      chip: gpiochip0
      leds:
        - line: 12
      button:
        line: 17
    """

@Suite struct BoardProfileTests {
    @Test func everyShippedProfileLoads() throws {
        #expect(Set(BoardProfile.availableNames(in: boardDirectory)) == Set(shippedBoards))
        for name in shippedBoards {
            let profile = try BoardProfile.named(name, in: boardDirectory)
            #expect(profile.name == name)
            #expect(!profile.description.isEmpty)
            #expect(profile.audio.sampleRate == 16000)
        }
    }

    @Test func twoMicHatProfilesUseButton17AndAFreeStatusLine() throws {
        for name in ["rpi4-2mic-hat", "rpi5-2mic-hat", "rpi-zero2w-2mic-hat"] {
            let gpio = try #require(try BoardProfile.named(name, in: boardDirectory).gpio)
            #expect(gpio.button?.line == 17)
            #expect(gpio.button?.activeLow == true)
            #expect(gpio.button?.bias == .pullUp)
            #expect(gpio.leds.map(\.line) == [12])
        }
        #expect(try BoardProfile.named("rpi5-2mic-hat", in: boardDirectory).gpio?.chip == "pinctrl-rp1")
    }

    @Test func simProfileOpensTheSimulatedChip() throws {
        let gpio = try #require(try BoardProfile.named("sim", in: boardDirectory).gpio)
        #expect(gpio.isSimulated)
        #expect(try gpio.openChip() is SimulatedGPIOChip)
        #expect(try BoardProfile.named("generic-x86", in: boardDirectory).gpio == nil)
    }

    @Test func defaultsFillWhatIsLeftOut() throws {
        let profile = try BoardProfile.parse(validYAML, file: "test.yml")
        #expect(profile.audio.captureChannels == 1)
        let button = try #require(profile.gpio?.button)
        #expect(button.configuration == ButtonConfiguration(activeLow: true, debounce: .milliseconds(30), longPress: .milliseconds(1000)))
        #expect(profile.gpio?.leds == [BoardProfile.LED(name: "status", line: 12, activeLow: false)])
    }

    @Test func unknownBoardListsTheKnownOnes() {
        #expect {
            try BoardProfile.named("rpi9", in: boardDirectory)
        } throws: { error in
            "\(error)".contains("no board profile 'rpi9'") && "\(error)".contains("rpi4-2mic-hat")
        }
    }

    @Test func wrongTypeNamesFileLineColumnAndKey() throws {
        let error = try #require(parseError(validYAML.replacingOccurrences(of: "line: 17", with: "line: seventeen")))
        #expect(error.key == "gpio.button.line")
        #expect(error.line == 10)
        #expect(error.column == 11)
        #expect(error.description == "test.yml:10:11: gpio.button.line: expected an integer, got 'seventeen'")
    }

    @Test func misspelledKeyIsRefused() throws {
        let error = try #require(parseError(validYAML + "\n    long_pres_ms: 2000"))
        #expect(error.key == "gpio.button.long_pres_ms")
        #expect(error.message.hasPrefix("unknown key"))
    }

    @Test func missingKeysAreNamed() throws {
        #expect(parseError("name: x\n")?.key == "audio")
        #expect(parseError("name: x\naudio:\n  capture: hw:0\n")?.key == "audio.playback")
        #expect(parseError(validYAML.replacingOccurrences(of: "  chip: gpiochip0\n", with: ""))?.key == "gpio.chip")
    }

    @Test func valuesAreChecked() throws {
        let rate = try #require(parseError(validYAML.replacingOccurrences(of: "  playback: hw:0", with: "  playback: hw:0\n  rate: 96000")))
        #expect(rate.key == "audio.rate")
        #expect(rate.message.contains("outside 8000...48000"))
        let bias = try #require(parseError(validYAML + "\n    bias: floating"))
        #expect(bias.key == "gpio.button.bias")
        let clash = try #require(parseError(validYAML.replacingOccurrences(of: "line: 17", with: "line: 12")))
        #expect(clash.key == "gpio.button.line")
        #expect(clash.message.contains("already used by gpio.leds[0]"))
        let threshold = try #require(parseError(validYAML + "\n    debounce_ms: 200\n    long_press_ms: 150"))
        #expect(threshold.key == "gpio.button.long_press_ms")
    }

    @Test func brokenYAMLGivesItsPosition() throws {
        let error = try #require(parseError("name: x\naudio: [unclosed\n"))
        #expect(error.line != nil)
        #expect(error.message.hasPrefix("invalid YAML"))
    }

    @Test func fileNameMustMatchTheProfileName() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-board-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try validYAML.write(to: directory.appendingPathComponent("other.yml"), atomically: true, encoding: .utf8)
        #expect {
            try BoardProfile.named("other", in: directory)
        } throws: { error in
            (error as? BoardProfileError)?.key == "name" && "\(error)".contains("other.yml")
        }
    }
}
