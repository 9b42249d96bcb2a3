import ArgumentParser
import HearthBrain
import HearthHomeAssistant
import HearthNeurons
import HearthRuntime

/// `hearth check`: loads a brain and settings and says what is wrong.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a brain and its settings; exit non-zero when something is wrong.")

    @OptionGroup var options: BrainOptions

    func run() throws {
        let loaded: LoadedConfiguration
        do {
            loaded = try LoadedConfiguration.load(brainPath: options.brain, settingsPath: options.settings)
        } catch {
            print("error: \(error)")
            throw ExitCode(1)
        }
        var report = BrainValidator(neurons: CoreNeurons.registry).validate(brain: loaded.brain, settings: loaded.settings)
        do {
            _ = try HomeAssistantSettings.read(loaded.settings.sections["homeassistant"])
        } catch {
            report.errors.append(BrainLoadError(message: error.description))
        }
        let warnings = (loaded.warnings + report.warnings).sorted {
            ($0.location?.file ?? "", $0.location?.line ?? 0, $0.location?.column ?? 0)
                < ($1.location?.file ?? "", $1.location?.line ?? 0, $1.location?.column ?? 0)
        }
        for warning in warnings { print("warning: \(warning)") }
        for error in report.errors { print("error: \(error)") }
        let orders = loaded.brain.synapses.reduce(0) { $0 + $1.orderSignals.count }
        if report.isValid {
            print("ok: \(loaded.brain.synapses.count) synapses, \(orders) orders (\(loaded.brainSource), \(loaded.settingsSource))")
        } else {
            print("\(report.errors.count) error(s) in \(loaded.brainSource)")
            throw ExitCode(1)
        }
    }
}
