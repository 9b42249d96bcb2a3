import HearthBrain

/// Reads Rasa's `domain.yml`. Errors name the file, line and column.
public enum DomainLoader {
    public static func load(file path: String) throws(BrainLoadError) -> Domain {
        try load(YAMLReader.read(file: path))
    }

    public static func load(text: String, name: String) throws(BrainLoadError) -> Domain {
        try load(YAMLReader.read(text: text, file: name))
    }

    private static func load(_ document: YAMLReader.Document) throws(BrainLoadError) -> Domain {
        let map = document.sourceMap
        func error(_ message: String, _ path: ValuePath) -> BrainLoadError {
            BrainLoadError(message: message, location: map.location(of: path))
        }
        guard let root = document.value.mapValue ?? (document.value.isNull ? [:] : nil) else {
            throw error("a domain must be a map of keys (intents, entities, slots, templates, actions)", [])
        }
        let intents = try names(root["intents"], "intents", error)
        let entities = try names(root["entities"], "entities", error)
        let actions = try names(root["actions"], "actions", error)

        var slots: [Slot] = []
        if let slotValue = root["slots"], !slotValue.isNull {
            guard let entries = slotValue.mapValue else { throw error("'slots' must be a map of slot names", [.key("slots")]) }
            for name in entries.keys.sorted() {
                slots.append(try slot(name, entries[name]!, path: [.key("slots"), .key(name)], error))
            }
        }

        // Rasa 0.9 called them templates; later versions responses.
        var responses: [String: [Response]] = [:]
        for key in ["templates", "responses"] {
            guard let value = root[key], !value.isNull else { continue }
            guard let entries = value.mapValue else { throw error("'\(key)' must be a map of response names", [.key(key)]) }
            for (name, variants) in entries {
                responses[name] = try self.variants(variants, path: [.key(key), .key(name)], error)
            }
        }
        return Domain(intents: intents, entities: entities, slots: slots, responses: responses, actions: actions)
    }

    /// A list of names; Rasa also allows one-key maps (`- greet: {use_entities: true}`).
    private static func names(
        _ value: Value?, _ key: String, _ error: (String, ValuePath) -> BrainLoadError
    ) throws(BrainLoadError) -> [String] {
        guard let value, !value.isNull else { return [] }
        guard let items = value.listValue else { throw error("'\(key)' must be a list of names", [.key(key)]) }
        var names: [String] = []
        for (index, item) in items.enumerated() {
            switch item {
            case .string(let name): names.append(name)
            case .map(let entry) where entry.count == 1: names.append(entry.keys.first!)
            default: throw error("each entry of '\(key)' must be a name", [.key(key), .index(index)])
            }
        }
        return names
    }

    private static func slot(
        _ name: String, _ value: Value, path: ValuePath, _ error: (String, ValuePath) -> BrainLoadError
    ) throws(BrainLoadError) -> Slot {
        let fields = value.mapValue ?? [:]
        guard value.mapValue != nil || value.isNull else { throw error("slot '\(name)' must be a map such as {type: text}", path) }
        let typeName = fields["type"]?.stringValue ?? "unfeaturized"
        guard let kind = Slot.Kind(rawValue: typeName) else {
            let known = Slot.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("slot '\(name)' has unknown type '\(typeName)' (one of \(known))", path + [.key("type")])
        }
        var slot = Slot(name: name, kind: kind, initialValue: fields["initial_value"] ?? .null)
        if let values = fields["values"], !values.isNull {
            guard let list = values.listValue else { throw error("'values' of slot '\(name)' must be a list", path + [.key("values")]) }
            slot.values = list
        }
        slot.minValue = try number(fields["min_value"], default: slot.minValue, "min_value", of: name, path, error)
        slot.maxValue = try number(fields["max_value"], default: slot.maxValue, "max_value", of: name, path, error)
        if kind == .categorical, case .string(let initial) = slot.initialValue, !slot.values.isEmpty,
            !slot.values.contains(.string(initial))
        {
            throw error("initial value '\(initial)' of slot '\(name)' is not one of its values", path + [.key("initial_value")])
        }
        return slot
    }

    private static func number(
        _ value: Value?, default fallback: Double, _ key: String, of slot: String, _ path: ValuePath,
        _ error: (String, ValuePath) -> BrainLoadError
    ) throws(BrainLoadError) -> Double {
        switch value {
        case nil, .null?: return fallback
        case .int(let number)?: return Double(number)
        case .double(let number)?: return number
        default: throw error("'\(key)' of slot '\(slot)' must be a number", path + [.key(key)])
        }
    }

    private static func variants(
        _ value: Value, path: ValuePath, _ error: (String, ValuePath) -> BrainLoadError
    ) throws(BrainLoadError) -> [Response] {
        let items: [Value]
        switch value {
        case .list(let list): items = list
        case .string, .map: items = [value]
        default: throw error("response '\(path.last!)' must be a list of variants", path)
        }
        var variants: [Response] = []
        for (index, item) in items.enumerated() {
            let here = path + [.index(index)]
            switch item {
            case .string(let text):
                variants.append(Response(text: text))
            case .map(let fields):
                var response = Response(text: fields["text"].flatMap { $0.isNull ? nil : $0.displayText }, image: fields["image"]?.stringValue)
                if let buttons = fields["buttons"], !buttons.isNull {
                    guard let list = buttons.listValue else { throw error("'buttons' must be a list of {title, payload}", here + [.key("buttons")]) }
                    for (buttonIndex, button) in list.enumerated() {
                        guard let title = button.mapValue?["title"].map(\.displayText),
                            let payload = button.mapValue?["payload"].map(\.displayText)
                        else {
                            throw error("a button needs a title and a payload", here + [.key("buttons"), .index(buttonIndex)])
                        }
                        response.buttons.append(.init(title: title, payload: payload))
                    }
                }
                guard response.text != nil || response.image != nil else {
                    throw error("a response variant needs a text or an image", here)
                }
                variants.append(response)
            default:
                throw error("a response variant is a text or a map with text, buttons and image", here)
            }
        }
        return variants
    }
}
