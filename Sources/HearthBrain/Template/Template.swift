/// A Jinja template, parsed once and rendered as often as needed.
///
/// Hearth loads brains written for Kalliope, whose users write Jinja2, so the
/// syntax and the output follow Jinja2's defaults: no autoescaping, no
/// `trim_blocks` or `lstrip_blocks`, and a single trailing newline of the
/// source is dropped. Only a subset of Jinja is understood; anything outside
/// it is rejected when the template is parsed, not when it is rendered.
public struct Template: Sendable {
    /// Names this template reads from its context (see `referencedNames`).
    public let referencedNames: Set<String>

    private let name: String
    private let body: [Node]

    /// Parses once; rendering many times must not re-parse.
    /// - Throws: `TemplateError` for syntax errors and unknown filters.
    public init(source: String, name: String = "template") throws {
        var lexer = Lexer(source: source, templateName: name)
        let tokens = try lexer.tokenize()
        var parser = Parser(tokens: tokens, templateName: name)
        body = try parser.parseTemplate()
        self.name = name
        referencedNames = ReferencedNames.collect(from: body)
    }

    /// Renders the template against `context`.
    /// - Throws: `TemplateError` when an expression cannot be computed, or
    ///   when `undefined` is `.strict` and a missing name is used.
    public func render(_ context: [String: Value], undefined: UndefinedBehavior = .lenient) throws -> String {
        var renderer = Renderer(context: context, undefined: undefined, templateName: name)
        try renderer.render(body)
        return renderer.output
    }

    /// True when the text contains `{{` or `{%` (cheap check used before parsing).
    public static func containsSyntax(_ text: String) -> Bool {
        var previousWasBrace = false
        for byte in text.utf8 {
            if previousWasBrace && (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "%")) { return true }
            previousWasBrace = byte == UInt8(ascii: "{")
        }
        return false
    }
}

/// What happens when a template uses a name its context does not have.
public enum UndefinedBehavior: Sendable {
    /// Jinja's default: the missing value prints as "" and is false. Reading
    /// an attribute or item of it, or a missing key of a map, gives another
    /// missing value rather than an error.
    case lenient
    /// Printing or computing with a missing value throws
    /// `.undefinedVariable`. `default`, `is defined`, `is undefined` and
    /// `is none` still accept it, so templates can guard against it.
    case strict
}

public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case syntax
        case undefinedVariable(String)
        case type
        case unknownFilter(String)
    }

    public let kind: Kind
    public let message: String
    /// The name the template was created with.
    public let name: String
    public let line: Int
    public let column: Int

    public init(kind: Kind, message: String, name: String, line: Int, column: Int) {
        self.kind = kind
        self.message = message
        self.name = name
        self.line = line
        self.column = column
    }

    public var description: String { "\(name):\(line):\(column): \(message)" }
}
