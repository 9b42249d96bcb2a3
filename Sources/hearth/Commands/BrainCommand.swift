import ArgumentParser
import Foundation
import HearthBrain
import HearthPersistence
import HearthRuntime
import HearthStore

/// `hearth brain`: the brain as the device runs it.
struct BrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brain",
        abstract: "Work with the brain as the device runs it.",
        subcommands: [BrainExportCommand.self])
}

/// `hearth brain export`: the brain files with the changes made while Hearth
/// ran (synapses created, deleted, enabled or disabled over the API) laid
/// over them, written as one brain file. Safe while the daemon runs: the
/// database is only read.
struct BrainExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the brain with its saved run-time changes as YAML.")

    @OptionGroup var options: BrainOptions

    @Option(help: "Hearth's state folder. Default: $STATE_DIRECTORY under systemd, else ./state.")
    var stateDir: String?

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        options.bootstrapLogging()
        let loaded = try options.load()
        let configuration = StoreConfiguration(directory: StateDirectory.resolve(stateDir), readOnly: true)
        var brain = loaded.brain
        if FileManager.default.fileExists(atPath: configuration.databasePath) {
            let store = StateStore(configuration: configuration)
            defer { store.close() }
            let stored = StoredState.load(from: store, over: loaded)
            for problem in stored.problems { printError("warning: \(problem)") }
            brain = stored.brain
        } else {
            printError("note: no state database at \(configuration.databasePath); exporting the brain files as they are")
        }
        let text: String
        do {
            text = try BrainYAML.text(of: brain)
        } catch {
            throw ValidationError(error.description)
        }
        if let output {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationError("cannot write '\(output)': \(error.localizedDescription)")
            }
        } else {
            print(text, terminator: "")
        }
    }

    private func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
