import Foundation

/// Loads a Kalliope brain file: a YAML list of synapses and `includes:` items.
/// Included synapses come after every synapse of the including file, whatever
/// the position of the `includes:` item (Kalliope's order).
public enum BrainLoader {
    public struct Result: Sendable {
        public var brain: Brain
        public var warnings: [LoadWarning]
    }

    public static func load(file path: String) throws(BrainLoadError) -> Result {
        var visited = Set<String>()
        var warnings: [LoadWarning] = []
        let synapses = try loadSynapses(file: path, visited: &visited, warnings: &warnings)
        return Result(brain: try assemble(synapses), warnings: warnings)
    }

    /// Loads brain text that is not on disk (the embedded starter brain, a
    /// brain uploaded through the API); includes are resolved against `baseDirectory`.
    public static func load(text: String, name: String, baseDirectory: String? = nil) throws(BrainLoadError) -> Result {
        var visited = Set<String>()
        var warnings: [LoadWarning] = []
        let document = try YAMLReader.read(text: text, file: name)
        let synapses = try synapses(in: document, directory: baseDirectory, visited: &visited, warnings: &warnings)
        return Result(brain: try assemble(synapses), warnings: warnings)
    }

    private static func loadSynapses(file path: String, visited: inout Set<String>, warnings: inout [LoadWarning]) throws(BrainLoadError) -> [Synapse] {
        let canonical = URL(fileURLWithPath: path).standardizedFileURL.path
        guard visited.insert(canonical).inserted else {
            throw BrainLoadError(message: "'\(path)' is included more than once (or includes itself)")
        }
        let document = try YAMLReader.read(file: path)
        let directory = (canonical as NSString).deletingLastPathComponent
        return try synapses(in: document, directory: directory, visited: &visited, warnings: &warnings)
    }

    private static func synapses(in document: YAMLReader.Document, directory: String?, visited: inout Set<String>, warnings: inout [LoadWarning]) throws(BrainLoadError) -> [Synapse] {
        let map = document.sourceMap
        let items: [Value]
        switch document.value {
        case .list(let list): items = list
        case .null: items = []
        default:
            throw BrainLoadError(message: "a brain is a list of synapses", location: map.location(of: []))
        }
        let parser = SynapseParser(baseDirectory: directory, rejectUnknownSignals: false)
        var own: [Synapse] = []
        var includes: [(String, SourceLocation?)] = []
        for (index, item) in items.enumerated() {
            let path: ValuePath = [.index(index)]
            if let entry = item.mapValue, let included = entry["includes"] {
                guard entry.count == 1, case .list(let files) = included else {
                    throw BrainLoadError(message: "'includes' must be a list of brain files", location: map.location(of: path + [.key("includes")]))
                }
                for (fileIndex, file) in files.enumerated() {
                    let location = map.location(of: path + [.key("includes"), .index(fileIndex)])
                    guard case .string(let relative) = file else {
                        throw BrainLoadError(message: "an included brain must be a file path", location: location)
                    }
                    includes.append((relative, location))
                }
                continue
            }
            var parseWarnings: [(String, ValuePath)] = []
            do throws(SynapseParser.Problem) {
                var synapse = try parser.parse(item, warnings: &parseWarnings)
                synapse.location = map.location(of: path)
                synapse.neurons = synapse.neurons.enumerated().map { offset, neuron in
                    var located = neuron
                    located.location = map.location(of: path + [.key("neurons"), .index(offset)])
                    return located
                }
                own.append(synapse)
            } catch {
                throw BrainLoadError(message: error.message, location: map.location(of: path + error.path), synapse: error.synapse)
            }
            warnings += parseWarnings.map { LoadWarning(message: $0.0, location: map.location(of: path + $0.1)) }
        }
        var result = own
        for (relative, location) in includes {
            let resolved = relative.hasPrefix("/") || directory == nil ? relative : directory! + "/" + relative
            guard FileManager.default.fileExists(atPath: resolved) else {
                throw BrainLoadError(message: "included brain '\(relative)' not found", location: location)
            }
            result += try loadSynapses(file: resolved, visited: &visited, warnings: &warnings)
        }
        return result
    }

    private static func assemble(_ synapses: [Synapse]) throws(BrainLoadError) -> Brain {
        var brain = Brain()
        for synapse in synapses where !brain.append(synapse) {
            let first = brain.synapse(named: synapse.name)?.location
            throw BrainLoadError(
                message: "duplicate synapse name (first defined at \(first?.description ?? "an earlier synapse"))",
                location: synapse.location, synapse: synapse.name)
        }
        return brain
    }
}
