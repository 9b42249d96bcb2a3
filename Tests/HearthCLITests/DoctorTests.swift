import Foundation
import Testing

/// `hearth doctor`: one line per check, exit status 1 when one finds a problem.
@Suite struct DoctorTests {
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// ALSA's `null` device opens on any machine.
    static let nullAudio = """
        audio:
          capture_device: "null"
          playback_device: "null"
        """

    @Test func aHealthyConfigurationPassesEveryCheck() async throws {
        let folder = try Fixtures.scratch(["settings.yml": Self.nullAudio])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try await HearthCommand.run([
            "doctor", "--settings", folder + "/settings.yml", "--board", Self.repository + "/board/sim.yml",
            "--state-dir", folder,
        ])
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("ok       microphone: 'null' opens for recording at 16000 Hz"))
        #expect(lines.contains("ok       speaker: 'null' opens for playback at 16000 Hz"))
        #expect(lines.contains("ok       GPIO: chip 'sim': LED line 12 and button line 17 usable"))
        #expect(lines.contains("ok       state folder: \(folder) is writable"))
        #expect(lines.contains("skipped  Home Assistant: no homeassistant.url in settings"))
        #expect(!result.output.contains("PROBLEM"))
    }

    @Test func problemsAreSaidInPlainWordsAndTheTokenIsNotShown() async throws {
        let folder = try Fixtures.scratch([
            "settings.yml": """
                audio:
                  capture_device: "hearth_no_such_pcm"
                  playback_device: "null"
                homeassistant:
                  url: "http://127.0.0.1:1"
                  token: "very-secret-token-123"
                """,
            "not-a-folder": "",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try await HearthCommand.run([
            "doctor", "--settings", folder + "/settings.yml", "--state-dir", folder + "/not-a-folder",
        ])
        #expect(result.status == 1)
        let problems = result.output.split(separator: "\n").filter { $0.hasPrefix("PROBLEM") }.map(String.init)
        #expect(problems.contains { $0.hasPrefix("PROBLEM  microphone: 'hearth_no_such_pcm' cannot be opened for recording") })
        #expect(problems.contains { $0.hasPrefix("PROBLEM  state folder: \(folder)/not-a-folder is a file") })
        #expect(problems.contains { $0.hasPrefix("PROBLEM  Home Assistant: cannot reach http://127.0.0.1:1") })
        #expect(problems.count == 3, "\(result.output)")
        #expect(result.output.contains("3 problem(s) found"))
        #expect(result.output.contains("skipped  GPIO: no board chosen"))
        #expect(!(result.output + result.errorOutput).contains("very-secret-token-123"))
    }

    @Test func aBoardSuppliesTheSoundDevicesAndItsGPIOChipIsChecked() async throws {
        // This machine is no Raspberry Pi: the HAT's card and the Pi's GPIO chip are missing.
        let result = try await HearthCommand.run(["doctor", "--board", "rpi4-2mic-hat", "--state-dir", NSTemporaryDirectory()],
                                           directory: Self.repository)
        #expect(result.status == 1)
        #expect(result.output.contains("ok       configuration: <starter brain>"), "\(result.output)")
        #expect(result.output.contains("PROBLEM  microphone: 'plughw:CARD=seeed2micvoicec,DEV=0' cannot be opened"))
        #expect(result.output.contains("PROBLEM  GPIO: GPIO chip 'pinctrl-bcm2711' unavailable"))
    }

    @Test func anUnknownBoardIsAConfigurationProblem() async throws {
        let result = try await HearthCommand.run(["doctor", "--board", "no-such-board"], directory: Self.repository)
        #expect(result.status == 1)
        #expect(result.output.contains("PROBLEM  configuration:"))
        #expect(result.output.contains("no board profile 'no-such-board'; known boards:"))
        #expect(result.output.contains("rpi5-2mic-hat"))
    }
}
