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
///
/// Kept as a tree shaped like the document: building it costs one small
/// dictionary entry per node, where a table keyed by whole paths hashed and
/// copied every path (a fifth of the time a 1,000-synapse brain took to load).
public struct SourceMap: Sendable {
    public var file: String
    var root = Positions()

    /// One node's position and its children's.
    struct Positions: Sendable {
        var line = 0
        var column = 0
        var children: [PathComponent: Positions] = [:]
        var isKnown: Bool { line > 0 }
    }

    public init(file: String) { self.file = file }

    /// The position of `path`, or of its nearest ancestor that has one.
    public func location(of path: ValuePath) -> SourceLocation? {
        var node = root
        var found = root.isKnown ? root : nil
        for component in path {
            guard let child = node.children[component] else { break }
            node = child
            if child.isKnown { found = child }
        }
        return found.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
    }
}
