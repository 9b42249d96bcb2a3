import Foundation

/// Reads soul files: one YAML map per file, the file name (without `.yml`)
/// its id.
///
/// ```yaml
/// name: Comedian
/// description: Funny and quick
/// nsfw: false
/// voice: m3        # espeak-ng variant
/// rate: 185
/// pitch: 60
/// model: null      # for a future language-model back end
/// responses:
///   greeting: "Hello! Did you hear the one about the toaster?"
/// ```
public enum SoulLoader {
    /// Every `*.yml` / `*.yaml` file in `directory`, sorted by id.
    public static func load(directory: String) throws(BrainLoadError) -> [Soul] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw BrainLoadError(
                message: "cannot read the soul folder: \(error.localizedDescription)",
                location: SourceLocation(file: directory, line: 1, column: 1))
        }
        var souls: [Soul] = []
        for name in names.sorted() where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
            let path = (directory as NSString).appendingPathComponent(name)
            let id = (name as NSString).deletingPathExtension
            souls.append(try parse(try YAMLReader.read(file: path), id: id))
        }
        return souls
    }

    public static func load(text: String, id: String) throws(BrainLoadError) -> Soul {
        try parse(try YAMLReader.read(text: text, file: id + ".yml"), id: id)
    }

    private static func parse(_ document: YAMLReader.Document, id: String) throws(BrainLoadError) -> Soul {
        let map = document.sourceMap
        func failure(_ message: String, _ path: ValuePath) -> BrainLoadError {
            BrainLoadError(message: "soul '\(id)': \(message)", location: map.location(of: path))
        }
        guard let entries = document.value.mapValue else { throw failure("a soul file is a map of keys", []) }
        func text(_ key: String) throws(BrainLoadError) -> String? {
            switch entries[key] {
            case nil, .null?: return nil
            case .string(let value)?: return value
            default: throw failure("'\(key)' must be text", [.key(key)])
            }
        }
        func number(_ key: String, in range: ClosedRange<Int>) throws(BrainLoadError) -> Int? {
            switch entries[key] {
            case nil, .null?: return nil
            case .int(let value)? where range.contains(value): return value
            default: throw failure("'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)", [.key(key)])
            }
        }
        let known: Set<String> = ["name", "description", "nsfw", "voice", "rate", "pitch", "model", "responses"]
        if let unknown = entries.keys.sorted().first(where: { !known.contains($0) }) {
            throw failure("unknown key '\(unknown)' (known: \(known.sorted().joined(separator: ", ")))", [.key(unknown)])
        }
        var nsfw = false
        switch entries["nsfw"] {
        case nil, .null?: break
        case .bool(let flag)?: nsfw = flag
        default: throw failure("'nsfw' must be true or false", [.key("nsfw")])
        }
        var responses: [String: Value] = [:]
        switch entries["responses"] {
        case nil, .null?: break
        case .map(let given)?: responses = given
        default: throw failure("'responses' must be a map of names to texts", [.key("responses")])
        }
        return Soul(
            id: id, name: try text("name") ?? id, description: try text("description") ?? "", nsfw: nsfw,
            voice: try text("voice"), rate: try number("rate", in: 80...450), pitch: try number("pitch", in: 0...100),
            model: try text("model"), responses: responses)
    }
}
