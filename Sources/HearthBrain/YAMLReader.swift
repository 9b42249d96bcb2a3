import Foundation
import Yams

/// Reads YAML into `Value`s with PyYAML's (YAML 1.1) scalar rules, which is
/// what Kalliope users' files were written against, and records the position
/// of every node.
public enum YAMLReader {
    public struct Document: Sendable {
        public var value: Value
        public var sourceMap: SourceMap
    }

    public static func read(file path: String) throws(BrainLoadError) -> Document {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw BrainLoadError(
                message: "cannot read file: \(Self.describe(error))",
                location: SourceLocation(file: path, line: 1, column: 1))
        }
        return try read(text: text, file: path)
    }

    public static func read(text: String, file: String) throws(BrainLoadError) -> Document {
        var map = SourceMap(file: file)
        do {
            // Scalars are typed by `scalarValue`, so Yams needs no tag rules:
            // its default ones run regular expressions over every scalar, most
            // of the time it takes to load a large brain.
            guard let root = try Yams.compose(yaml: text, .basic) else {
                return Document(value: .null, sourceMap: map)
            }
            let value = try convert(root, positions: &map.root, file: file)
            return Document(value: value, sourceMap: map)
        } catch let error as BrainLoadError {
            throw error
        } catch let error as YamlError {
            throw Self.loadError(from: error, file: file)
        } catch {
            throw BrainLoadError(message: Self.describe(error), location: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// Converts `node`, writing its position and its children's into
    /// `positions`.
    private static func convert(_ node: Yams.Node, positions: inout SourceMap.Positions, file: String) throws -> Value {
        if let mark = node.mark, !positions.isKnown {
            positions.line = mark.line
            positions.column = mark.column
        }
        switch node {
        case .scalar(let scalar):
            return scalarValue(scalar)
        case .sequence(let sequence):
            var items: [Value] = []
            items.reserveCapacity(sequence.count)
            positions.children.reserveCapacity(sequence.count)
            for (index, item) in sequence.enumerated() {
                var child = SourceMap.Positions()
                items.append(try convert(item, positions: &child, file: file))
                positions.children[.index(index)] = child
            }
            return .list(items)
        case .mapping(let mapping):
            var entries: [String: Value] = [:]
            entries.reserveCapacity(mapping.count)
            positions.children.reserveCapacity(mapping.count)
            for (keyNode, valueNode) in mapping {
                let key = keyNode.scalar.map { scalarValue($0).displayText } ?? "\(keyNode.any)"
                if entries[key] != nil {
                    let location = keyNode.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
                    throw BrainLoadError(message: "duplicate key '\(key)'", location: location)
                }
                // The key's own mark is more useful than the value's for errors
                // about the entry: the value's position is used only when the
                // key has none.
                var child = SourceMap.Positions()
                if let mark = keyNode.mark {
                    child.line = mark.line
                    child.column = mark.column
                }
                entries[key] = try convert(valueNode, positions: &child, file: file)
                positions.children[.key(key)] = child
            }
            return .map(entries)
        case .alias:
            throw BrainLoadError(message: "unresolved YAML alias", location: node.mark.map {
                SourceLocation(file: file, line: $0.line, column: $0.column)
            })
        }
    }

    private static func scalarValue(_ scalar: Yams.Node.Scalar) -> Value {
        switch scalar.style {
        case .singleQuoted, .doubleQuoted, .literal, .folded:
            return .string(scalar.string)
        default:
            break
        }
        let text = scalar.string
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
        default: break
        }
        if let number = Int(text) { return .int(number) }
        if text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }),
            text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true,
            let number = Double(text)
        {
            return .double(number)
        }
        return .string(text)
    }

    private static func loadError(from error: YamlError, file: String) -> BrainLoadError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text) " } ?? ""
            return BrainLoadError(
                message: "invalid YAML: \(prefix)\(problem)",
                location: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .reader(let problem, _, _, _):
            return BrainLoadError(message: "invalid YAML: \(problem)", location: SourceLocation(file: file, line: 1, column: 1))
        default:
            return BrainLoadError(message: "invalid YAML: \(error)", location: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let reason = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return reason.localizedDescription
        }
        return nsError.localizedDescription
    }
}
