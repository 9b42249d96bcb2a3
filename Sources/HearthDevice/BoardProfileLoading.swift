import Foundation
import Yams

/// A profile that cannot be used, with where and what: "board/x.yml:12:9:
/// gpio.button.line: expected a line number, got 'seventeen'".
public struct BoardProfileError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// Dotted path of the offending key ("" for the whole file).
    public var key: String
    public var message: String

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return key.isEmpty ? "\(location): \(message)" : "\(location): \(key): \(message)"
    }
}

extension BoardProfile {
    public static let fileExtensions = ["yml", "yaml"]

    /// Loads the profile file `name`.yml (or .yaml) from `directory`.
    public static func named(_ name: String, in directory: URL) throws -> BoardProfile {
        for fileExtension in fileExtensions {
            let url = directory.appendingPathComponent("\(name).\(fileExtension)")
            if FileManager.default.fileExists(atPath: url.path) { return try load(from: url) }
        }
        let known = availableNames(in: directory)
        throw BoardProfileError(
            file: directory.path, key: "",
            message: "no board profile '\(name)'"
                + (known.isEmpty ? " (the directory has none)" : "; known boards: \(known.joined(separator: ", "))"))
    }

    /// Names of the profiles in `directory`, sorted.
    public static func availableNames(in directory: URL) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { fileExtensions.contains(($0 as NSString).pathExtension) }
            .map { ($0 as NSString).deletingPathExtension }
            .sorted()
    }

    public static func load(from url: URL) throws -> BoardProfile {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw BoardProfileError(file: url.path, key: "", message: "cannot read: \(error.localizedDescription)")
        }
        let profile = try parse(text, file: url.path)
        let stem = url.deletingPathExtension().lastPathComponent
        guard profile.name == stem else {
            throw BoardProfileError(file: url.path, key: "name",
                                    message: "'\(profile.name)' does not match the file name '\(stem)'")
        }
        return profile
    }

    /// Parses profile YAML; `file` only names the source in errors.
    public static func parse(_ yaml: String, file: String) throws -> BoardProfile {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw BoardProfileError(file: file, key: "", message: "the file is empty")
            }
            root = node
        } catch let error as BoardProfileError {
            throw error
        } catch let error as YamlError {
            throw ProfileReader.yamlError(error, file: file)
        }
        return try ProfileReader(file: file).profile(root)
    }
}

/// Walks the YAML node tree, so every error can name its key and mark.
private struct ProfileReader {
    let file: String

    static func yamlError(_ error: YamlError, file: String) -> BoardProfileError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return BoardProfileError(file: file, line: mark.line, column: mark.column, key: "",
                                     message: "invalid YAML: \(problem)")
        default:
            return BoardProfileError(file: file, key: "", message: "invalid YAML: \(error)")
        }
    }

    func fail(_ node: Node?, _ key: String, _ message: String) -> BoardProfileError {
        BoardProfileError(file: file, line: node?.mark?.line, column: node?.mark?.column, key: key,
                          message: message)
    }

    /// A mapping's entries by key, refusing keys it does not know (a typo
    /// such as `long_pres_ms` would otherwise be silently ignored).
    func mapping(_ node: Node, _ path: String, allowed: Set<String>) throws -> [String: Node] {
        guard let mapping = node.mapping else {
            throw fail(node, path, "expected a mapping of keys")
        }
        var entries: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            let keyPath = path.isEmpty ? name : "\(path).\(name)"
            guard allowed.contains(name) else {
                throw fail(key, keyPath, "unknown key; expected one of \(allowed.sorted().joined(separator: ", "))")
            }
            entries[name] = value
        }
        return entries
    }

    func string(_ entries: [String: Node], _ key: String, _ path: String, default fallback: String? = nil) throws -> String {
        let keyPath = path.isEmpty ? key : "\(path).\(key)"
        guard let node = entries[key] else {
            if let fallback { return fallback }
            throw fail(nil, keyPath, "missing")
        }
        guard let scalar = node.scalar, !scalar.string.isEmpty else {
            throw fail(node, keyPath, "expected a non-empty string")
        }
        return scalar.string
    }

    func integer(_ entries: [String: Node], _ key: String, _ path: String, range: ClosedRange<Int>,
                 default fallback: Int? = nil) throws -> Int {
        let keyPath = path.isEmpty ? key : "\(path).\(key)"
        guard let node = entries[key] else {
            if let fallback { return fallback }
            throw fail(nil, keyPath, "missing")
        }
        guard let scalar = node.scalar, let value = Int.construct(from: scalar) else {
            throw fail(node, keyPath, "expected an integer, got '\(node.scalar?.string ?? "a collection")'")
        }
        guard range.contains(value) else {
            throw fail(node, keyPath, "\(value) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    func boolean(_ entries: [String: Node], _ key: String, _ path: String, default fallback: Bool) throws -> Bool {
        let keyPath = path.isEmpty ? key : "\(path).\(key)"
        guard let node = entries[key] else { return fallback }
        guard let scalar = node.scalar, let value = Bool.construct(from: scalar) else {
            throw fail(node, keyPath, "expected true or false, got '\(node.scalar?.string ?? "a collection")'")
        }
        return value
    }

    func profile(_ root: Node) throws -> BoardProfile {
        let top = try mapping(root, "", allowed: ["name", "description", "audio", "gpio"])
        guard let audioNode = top["audio"] else { throw fail(nil, "audio", "missing") }
        let gpio = try top["gpio"].flatMap { $0.null == nil ? try self.gpio($0) : nil }
        return BoardProfile(
            name: try string(top, "name", ""),
            description: try string(top, "description", "", default: ""),
            audio: try audio(audioNode),
            gpio: gpio)
    }

    func audio(_ node: Node) throws -> BoardProfile.Audio {
        let entries = try mapping(node, "audio", allowed: ["capture", "playback", "rate", "channels"])
        return BoardProfile.Audio(
            captureDevice: try string(entries, "capture", "audio"),
            playbackDevice: try string(entries, "playback", "audio"),
            sampleRate: try integer(entries, "rate", "audio", range: 8000...48000, default: 16000),
            captureChannels: try integer(entries, "channels", "audio", range: 1...2, default: 1))
    }

    func gpio(_ node: Node) throws -> BoardProfile.GPIO {
        let entries = try mapping(node, "gpio", allowed: ["chip", "leds", "button"])
        var leds: [BoardProfile.LED] = []
        if let ledsNode = entries["leds"] {
            guard let sequence = ledsNode.sequence else {
                throw fail(ledsNode, "gpio.leds", "expected a list of LEDs")
            }
            for (index, ledNode) in sequence.enumerated() {
                let path = "gpio.leds[\(index)]"
                let led = try mapping(ledNode, path, allowed: ["name", "line", "active_low"])
                leds.append(BoardProfile.LED(
                    name: try string(led, "name", path, default: "status"),
                    line: try integer(led, "line", path, range: 0...511),
                    activeLow: try boolean(led, "active_low", path, default: false)))
            }
        }
        let button = try entries["button"].map(button)
        var used: [Int: String] = [:]
        for (index, led) in leds.enumerated() {
            if let other = used[led.line] {
                throw fail(entries["leds"], "gpio.leds[\(index)].line", "line \(led.line) is already used by \(other)")
            }
            used[led.line] = "gpio.leds[\(index)]"
        }
        if let button, let other = used[button.line] {
            throw fail(entries["button"], "gpio.button.line", "line \(button.line) is already used by \(other)")
        }
        return BoardProfile.GPIO(chip: try string(entries, "chip", "gpio"), leds: leds, button: button)
    }

    func button(_ node: Node) throws -> BoardProfile.Button {
        let path = "gpio.button"
        let entries = try mapping(node, path, allowed: ["line", "active_low", "bias", "debounce_ms", "long_press_ms"])
        let biasName = try string(entries, "bias", path, default: GPIOBias.asIs.rawValue)
        guard let bias = GPIOBias(rawValue: biasName) else {
            throw fail(entries["bias"], "\(path).bias",
                       "'\(biasName)' is not one of \(GPIOBias.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let debounce = try integer(entries, "debounce_ms", path, range: 0...500, default: 30)
        let longPress = try integer(entries, "long_press_ms", path, range: 100...30000, default: 1000)
        guard longPress > debounce else {
            throw fail(entries["long_press_ms"], "\(path).long_press_ms",
                       "must be longer than debounce_ms (\(debounce))")
        }
        return BoardProfile.Button(
            line: try integer(entries, "line", path, range: 0...511),
            activeLow: try boolean(entries, "active_low", path, default: true),
            bias: bias,
            debounce: .milliseconds(debounce),
            longPress: .milliseconds(longPress))
    }
}
