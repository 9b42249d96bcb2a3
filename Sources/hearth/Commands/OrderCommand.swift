import ArgumentParser
import HearthBrain
import HearthHomeAssistant
import HearthNeurons
import HearthRuntime
import Logging

/// `hearth order "text"`: runs one order through the brain and prints the answer.
struct OrderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order",
        abstract: "Run one order and print what Hearth answers (the API's response with --json).")

    @Argument(help: "The order, as you would say it.")
    var text: String

    @OptionGroup var options: BrainOptions

    @Flag(help: "Print the API response as JSON.")
    var json = false

    @Flag(help: "Do not speak; only print.")
    var mute = false

    func run() async throws {
        options.bootstrapLogging()
        let loaded = try options.load()
        let homeAssistant = HomeAssistantSetup.load(settings: loaded.settings, logger: Logger(label: "hearth"))
        let runtime = Runtime(
            brain: loaded.brain, settings: loaded.settings,
            configuration: RuntimeConfiguration(
                neurons: CoreNeurons.registry(homeAssistant: homeAssistant), baseDirectory: loaded.baseDirectory,
                // One order, one answer: the kill switch has nothing more to stop.
                terminate: {}))
        let response = await runtime.runOrder(text, source: "cli", mute: mute)
        if json {
            print(JSON.encode(response.json, pretty: true))
        } else if response.matchedSynapses.isEmpty {
            print("(no synapse matches \"\(text)\")")
        } else {
            for synapse in response.matchedSynapses {
                print("[\(synapse.synapseName)]")
                for neuron in synapse.neuronModuleList {
                    if let message = neuron.generatedMessage { print("  \(message)") }
                }
            }
            if response.status == .waitingForAnswer { print("(waiting for an answer)") }
        }
    }
}
