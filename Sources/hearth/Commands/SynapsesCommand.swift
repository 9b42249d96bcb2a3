import ArgumentParser
import HearthBrain
import HearthRuntime

/// `hearth synapses`: lists the brain's synapses and what starts them.
struct SynapsesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synapses",
        abstract: "List the synapses of a brain with their orders.")

    @OptionGroup var options: BrainOptions

    @Flag(help: "Print the list as the API serialises it.")
    var json = false

    func run() throws {
        let loaded = try options.load()
        if json {
            print(JSON.encode(.map(["synapses": .list(loaded.brain.synapses.map(\.serialized))]), pretty: true))
            return
        }
        for synapse in loaded.brain.synapses {
            let starts = synapse.signals.map { signal -> String in
                switch signal.kind {
                case .order(let order): return "\"\(order.text)\""
                case .event: return "event \(signal.parameters.displayText)"
                default: return signal.name
                }
            }
            let state = synapse.enabled ? "" : " (disabled)"
            let neurons = synapse.neurons.map(\.name).joined(separator: ", ")
            print("\(synapse.name)\(state): \(starts.isEmpty ? "by name only" : starts.joined(separator: ", ")) → \(neurons)")
        }
    }
}
