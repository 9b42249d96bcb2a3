import ArgumentParser
import HearthBrain
import HearthRuntime
import Logging

/// `--brain` and `--settings`, shared by every command that loads a brain.
struct BrainOptions: ParsableArguments {
    @Option(name: .long, help: "Brain file (Kalliope's brain.yml format). Default: the embedded starter brain.")
    var brain: String?

    @Option(name: .long, help: "Settings file (Kalliope's settings.yml format). Default: the embedded starter settings.")
    var settings: String?

    @Flag(name: .shortAndLong, help: "Log what happens, not only warnings and errors.")
    var verbose = false

    func load() throws -> LoadedConfiguration {
        do {
            return try LoadedConfiguration.load(brainPath: brain, settingsPath: settings)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func bootstrapLogging() {
        let level: Logger.Level = verbose ? .info : .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
