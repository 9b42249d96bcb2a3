import HearthBrain
import HearthRuntime
import HearthStore
import Logging

/// What the store holds, laid over the brain and settings files: the state
/// the device had when it stopped.
public struct StoredState: Sendable {
    public var brain: Brain
    public var settings: Settings
    public var memory: [String: Value]
    /// Saved entries that could not be applied (each logged at start).
    public var problems: [String]

    /// Reads the store and applies it to `base`. Storage that cannot be read
    /// leaves the files' state, with the reason among the problems: the
    /// device must start whatever the storage does.
    public static func load(from store: StateStore, over base: LoadedConfiguration) -> StoredState {
        var problems: [String] = []
        var brain = base.brain
        var settings = base.settings
        var memory: [String: Value] = [:]
        do {
            brain = apply(try store.synapseChanges(), to: base.brain, baseDirectory: base.baseDirectory, problems: &problems)
            settings = SettingKeys.apply(try store.settings(), to: base.settings, problems: &problems)
            memory = try store.memory()
        } catch {
            problems.append("saved state not applied: \(error)")
        }
        return StoredState(brain: brain, settings: settings, memory: memory, problems: problems)
    }

    /// Applies saved synapse changes in the order they were made: deletions
    /// and flags touch file synapses; defined synapses replace any of the same
    /// name and come last, in the order they were created.
    static func apply(_ changes: [SynapseChange], to base: Brain, baseDirectory: String, problems: inout [String]) -> Brain {
        var brain = base
        let parser = SynapseParser(baseDirectory: baseDirectory, rejectUnknownSignals: false)
        for change in changes {
            switch change {
            case .deleted(let name):
                brain.remove(named: name)
            case .enabledFlag(let name, let enabled):
                if !brain.setEnabled(enabled, named: name) {
                    problems.append("saved flag for synapse '\(name)', which is no longer in the brain; ignored")
                }
            case .defined(let name, let definition, let enabled):
                var warnings: [(String, ValuePath)] = []
                do {
                    var synapse = try parser.parse(definition, warnings: &warnings)
                    synapse.enabled = enabled
                    brain.remove(named: name)
                    brain.append(synapse)
                } catch {
                    problems.append("saved synapse '\(name)' cannot be read back: \(error); ignored")
                }
            }
        }
        return brain
    }

    /// Logs what could not be applied, loudly enough to be seen.
    public func report(to logger: Logger) {
        for problem in problems { logger.error("\(problem)") }
    }
}
