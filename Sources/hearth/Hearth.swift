import ArgumentParser
import HearthNeurons
import Logging

@main
struct Hearth: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hearth",
        abstract: "Hearth, an offline voice assistant for a small board in a room.",
        discussion: """
            Hearth reads a brain of synapses (Kalliope's format): say the wake word, then an order, \
            and the matching synapses run their neurons. Without --brain and --settings it uses \
            its embedded starter brain and settings.
            """,
        version: HearthVersion.current,
        subcommands: [
            CheckCommand.self, OrderCommand.self, SynapsesCommand.self, RunCommand.self, VADCommand.self, BrainCommand.self,
            SayCommand.self, ListenCommand.self, TokenCommand.self, DoctorCommand.self,
        ])
}
