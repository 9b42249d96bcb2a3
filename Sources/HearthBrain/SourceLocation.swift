/// Where something was written: a file, a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One step into a nested value: a map key or a list index.
public enum PathComponent: Sendable, Hashable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let key): return key
        case .index(let index): return "[\(index)]"
        }
    }
}

public typealias ValuePath = [PathComponent]

/// Positions of every node of a parsed YAML document, by path, so errors found
/// after conversion to `Value` can still point at the line that caused them.
public struct SourceMap: Sendable {
    public var file: String
    var positions: [ValuePath: SourceLocation] = [:]

    public init(file: String) { self.file = file }

    mutating func record(_ path: ValuePath, line: Int, column: Int) {
        positions[path] = SourceLocation(file: file, line: line, column: column)
    }

    /// The position of `path`, or of its nearest ancestor that has one.
    public func location(of path: ValuePath) -> SourceLocation? {
        var probe = path
        while true {
            if let found = positions[probe] { return found }
            if probe.isEmpty { return nil }
            probe.removeLast()
        }
    }

    /// A copy whose paths all start below `prefix` (used when a sub-document
    /// is parsed on its own, e.g. one synapse of a brain file).
    public func scoped(to prefix: ValuePath) -> SourceMap {
        var copy = SourceMap(file: file)
        for (path, location) in positions where path.starts(with: prefix) {
            copy.positions[Array(path.dropFirst(prefix.count))] = location
        }
        return copy
    }
}
