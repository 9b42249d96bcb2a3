import Foundation

/// Turns one synapse definition (from a brain file or an API body) into a
/// `Synapse`, checking it the way Kalliope does and reporting the path of
/// anything wrong so the caller can name the file, line and column.
public struct SynapseParser: Sendable {
    /// A definition problem, located by its path inside the definition.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var path: ValuePath
        public var synapse: String?
        public var description: String { (synapse.map { "synapse '\($0)': " } ?? "") + message }
    }

    public static let knownSignals: Set<String> = ["order", "event", "mqtt_subscriber", "geolocation"]
    public static let namePattern = try! NSRegularExpression(pattern: "^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$")

    /// Reads `stt-correction-file`s relative to this folder.
    public var baseDirectory: String?
    /// Signal types Hearth does not know: an error (API) or a warning (brain files,
    /// so a user's existing brain still loads).
    public var rejectUnknownSignals: Bool

    public init(baseDirectory: String? = nil, rejectUnknownSignals: Bool) {
        self.baseDirectory = baseDirectory
        self.rejectUnknownSignals = rejectUnknownSignals
    }

    public static func isValidName(_ name: String) -> Bool {
        guard (4...100).contains(name.count) else { return false }
        let range = NSRange(name.startIndex..., in: name)
        return namePattern.firstMatch(in: name, range: range) != nil
    }

    /// Parses a definition; `warnings` collects what is accepted but inert.
    public func parse(_ definition: Value, warnings: inout [(String, ValuePath)]) throws(Problem) -> Synapse {
        guard let entries = definition.mapValue else {
            throw Problem(message: "a synapse must be a map with 'name', 'signals' and 'neurons'", path: [])
        }
        guard let nameValue = entries["name"] else {
            throw Problem(message: "missing 'name'", path: [])
        }
        guard case .string(let name) = nameValue else {
            throw Problem(message: "'name' must be a string", path: [.key("name")])
        }
        guard Self.isValidName(name) else {
            throw Problem(
                message: "invalid name '\(name)': 4 to 100 letters or digits, words separated by single dashes",
                path: [.key("name")], synapse: name)
        }
        for key in entries.keys where !["name", "signals", "neurons", "enabled"].contains(key) {
            warnings.append(("synapse '\(name)': unknown key '\(key)' ignored", [.key(key)]))
        }
        var enabled = true
        if let flag = entries["enabled"] {
            guard case .bool(let value) = flag else {
                throw Problem(message: "'enabled' must be true or false", path: [.key("enabled")], synapse: name)
            }
            enabled = value
        }

        guard let signalsValue = entries["signals"] else {
            throw Problem(message: "missing 'signals' (use an empty list for a synapse run only by name)", path: [], synapse: name)
        }
        let signalItems: [Value]
        switch signalsValue {
        case .list(let items): signalItems = items
        case .null: signalItems = []
        default: throw Problem(message: "'signals' must be a list", path: [.key("signals")], synapse: name)
        }
        var signals: [Signal] = []
        for (index, item) in signalItems.enumerated() {
            let path: ValuePath = [.key("signals"), .index(index)]
            do throws(Problem) {
                signals.append(try parseSignal(item, path: path, warnings: &warnings, synapse: name))
            } catch {
                var located = error
                located.synapse = name
                throw located
            }
        }

        guard let neuronsValue = entries["neurons"], case .list(let neuronItems) = neuronsValue, !neuronItems.isEmpty else {
            throw Problem(message: "a synapse needs a non-empty 'neurons' list", path: entries["neurons"] == nil ? [] : [.key("neurons")], synapse: name)
        }
        var neurons: [NeuronCall] = []
        for (index, item) in neuronItems.enumerated() {
            let path: ValuePath = [.key("neurons"), .index(index)]
            switch item {
            case .string(let neuronName) where !neuronName.isEmpty:
                neurons.append(NeuronCall(name: neuronName, parameters: .null))
            case .map(let neuronEntry) where neuronEntry.count == 1:
                let (neuronName, parameters) = neuronEntry.first!
                switch parameters {
                case .map, .null:
                    neurons.append(NeuronCall(name: neuronName, parameters: parameters))
                default:
                    throw Problem(message: "parameters of neuron '\(neuronName)' must be a map", path: path + [.key(neuronName)], synapse: name)
                }
            default:
                throw Problem(message: "a neuron is a name or a one-key map {neuron_name: {parameters}}", path: path, synapse: name)
            }
        }
        return Synapse(name: name, enabled: enabled, signals: signals, neurons: neurons)
    }

    private func parseSignal(_ item: Value, path: ValuePath, warnings: inout [(String, ValuePath)], synapse: String) throws(Problem) -> Signal {
        guard case .map(let entry) = item, entry.count == 1, let (signalName, parameters) = entry.first else {
            throw Problem(message: "a signal is a one-key map such as {order: \"text\"}", path: path)
        }
        let here = path + [.key(signalName)]
        switch signalName {
        case "order":
            return Signal(name: signalName, parameters: parameters, kind: .order(try parseOrder(parameters, path: here)))
        case "event":
            guard case .map(let fields) = parameters else {
                throw Problem(message: "an event signal needs cron fields such as {hour: 8, minute: 30}", path: here)
            }
            do {
                return Signal(name: signalName, parameters: parameters, kind: .event(try EventSchedule(fields: fields)))
            } catch {
                throw Problem(message: "event: \(error.message)", path: here)
            }
        case "geolocation":
            guard case .map(let fields) = parameters,
                let latitude = fields["latitude"]?.doubleValue, let longitude = fields["longitude"]?.doubleValue,
                let radius = fields["radius"]?.doubleValue
            else {
                throw Problem(message: "geolocation needs numeric 'latitude', 'longitude' and 'radius'", path: here)
            }
            return Signal(name: signalName, parameters: parameters, kind: .geolocation(latitude: latitude, longitude: longitude, radius: radius))
        case "mqtt_subscriber":
            guard case .map(let fields) = parameters, fields["broker_ip"] != nil, fields["topic"] != nil else {
                throw Problem(message: "mqtt_subscriber needs 'broker_ip' and 'topic'", path: here)
            }
            warnings.append(("synapse '\(synapse)': the mqtt_subscriber signal is not available in Hearth; the synapse still runs by name", here))
            return Signal(name: signalName, parameters: parameters, kind: .mqttSubscriber)
        default:
            if rejectUnknownSignals {
                throw Problem(message: "unknown signal '\(signalName)' (known: \(Self.knownSignals.sorted().joined(separator: ", ")))", path: here)
            }
            warnings.append(("synapse '\(synapse)': unknown signal '\(signalName)' ignored", here))
            return Signal(name: signalName, parameters: parameters, kind: .unsupported)
        }
    }

    private func parseOrder(_ parameters: Value, path: ValuePath) throws(Problem) -> OrderSignal {
        switch parameters {
        case .string(let text):
            return OrderSignal(text: text)
        case .map(let fields):
            guard case .string(let text)? = fields["text"] else {
                throw Problem(message: "the long form of an order needs a 'text' string", path: path)
            }
            var matching = OrderSignal.MatchingType.normal
            if let typeValue = fields["matching-type"] {
                guard case .string(let typeName) = typeValue else {
                    throw Problem(message: "'matching-type' must be a string", path: path + [.key("matching-type")])
                }
                // Kalliope falls back to normal matching for an unknown type.
                matching = OrderSignal.MatchingType(rawValue: typeName.lowercased()) ?? .normal
            }
            var excluded: [String] = []
            if let words = fields["excluded-words"] {
                switch words {
                case .string(let word): excluded = [word]
                case .list(let items): excluded = items.map(\.displayText)
                default: throw Problem(message: "'excluded-words' must be a list of words", path: path + [.key("excluded-words")])
                }
            }
            var corrections: [OrderSignal.Correction] = []
            if let list = fields["stt-correction"] {
                corrections += try parseCorrections(list, path: path + [.key("stt-correction")])
            }
            if let file = fields["stt-correction-file"] {
                guard case .string(let filePath) = file else {
                    throw Problem(message: "'stt-correction-file' must be a path", path: path + [.key("stt-correction-file")])
                }
                corrections += try loadCorrectionFile(filePath, path: path + [.key("stt-correction-file")])
            }
            return OrderSignal(text: text, matchingType: matching, excludedWords: excluded, sttCorrections: corrections)
        default:
            throw Problem(message: "an order is a string or {text, matching-type, ...}", path: path)
        }
    }

    private func parseCorrections(_ value: Value, path: ValuePath) throws(Problem) -> [OrderSignal.Correction] {
        guard case .list(let items) = value else {
            throw Problem(message: "'stt-correction' must be a list of {input, output}", path: path)
        }
        var corrections: [OrderSignal.Correction] = []
        for (index, item) in items.enumerated() {
            guard let fields = item.mapValue, let input = fields["input"], let output = fields["output"], !input.isNull else {
                throw Problem(message: "each stt-correction needs 'input' and 'output'", path: path + [.index(index)])
            }
            corrections.append(.init(input: input.displayText, output: output.isNull ? "" : output.displayText))
        }
        return corrections
    }

    private func loadCorrectionFile(_ filePath: String, path: ValuePath) throws(Problem) -> [OrderSignal.Correction] {
        let resolved = filePath.hasPrefix("/") || baseDirectory == nil ? filePath : baseDirectory! + "/" + filePath
        let document: YAMLReader.Document
        do {
            document = try YAMLReader.read(file: resolved)
        } catch {
            throw Problem(message: "stt-correction-file: \(error.description)", path: path)
        }
        return try parseCorrections(document.value, path: path)
    }
}
