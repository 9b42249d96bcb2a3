import ArgumentParser
import HearthBrain
import HearthDevice
import HearthRuntime

/// `hearth doctor`: looks at what the device needs (sound, GPIO, models,
/// state folder, Home Assistant) and says what is wrong, one line each.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the sound devices, GPIO lines, speech models, state folder and Home Assistant.",
        discussion: """
            Opens the microphone and speaker named in settings (or by the board), claims the board's \
            GPIO lines, looks for the speech models and a voice, writes to the state folder and, when \
            settings have homeassistant.url, asks Home Assistant's API. One line per check; exit status \
            1 when something is wrong. Stop the hearth service first: it holds the devices.
            """)

    @OptionGroup var options: BrainOptions

    @Option(help: "Board profile, as for hearth run. Default: board in settings.")
    var board: String?

    @Option(help: "State folder to check. Default: as hearth run chooses it.")
    var stateDir: String?

    func run() async throws {
        let loaded: LoadedConfiguration
        let profile: BoardProfile?
        do {
            loaded = try options.load()
            profile = try BoardSelection.profile(option: board, settings: loaded.settings)
        } catch {
            print(DoctorFinding.problem("\(error)").line(for: "configuration"))
            throw ExitCode(1)
        }
        var settings = loaded.settings
        BoardSelection.apply(profile, to: &settings)
        print(DoctorFinding.ok("\(loaded.brainSource), \(loaded.settingsSource)" + (profile.map { ", board \($0.name)" } ?? ""))
            .line(for: "configuration"))

        let checks: [DoctorCheck] = [
            DeviceChecks.microphone(settings: settings, channels: profile?.audio.captureChannels ?? 1),
            DeviceChecks.speaker(settings: settings),
            DeviceChecks.gpio(board: profile),
            SetupChecks.speechModels(),
            SetupChecks.voice(settings: settings),
            SetupChecks.stateDirectory(StateDirectory.resolve(stateDir)),
            HomeAssistantCheck.reachable(settings: settings),
        ]
        var problems = 0
        for check in checks {
            let finding = await check.run()
            if finding.isProblem { problems += 1 }
            print(finding.line(for: check.name))
        }
        if problems > 0 {
            print("\(problems) problem(s) found")
            throw ExitCode(1)
        }
        print("everything Hearth needs is in place")
    }
}
