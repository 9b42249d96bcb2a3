import Testing
import HearthBrain

/// One row of a rendering table: a template, the context it renders with,
/// and the exact output. Unless a test says otherwise, every expected
/// output was checked once against Jinja2 3.1 with its default settings.
struct RenderCase: Sendable, CustomTestStringConvertible {
    let source: String
    let expected: String
    let context: [String: Value]

    init(_ source: String, _ expected: String, _ context: [String: Value] = [:]) {
        self.source = source
        self.expected = expected
        self.context = context
    }

    var testDescription: String { source }
}

/// One row of an error table: the error a template must raise, when parsed
/// or rendered, and where.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    let source: String
    let kind: TemplateError.Kind
    let line: Int
    let column: Int
    let message: String
    let context: [String: Value]

    init(
        _ source: String, _ kind: TemplateError.Kind, at line: Int, _ column: Int, _ message: String,
        _ context: [String: Value] = [:]
    ) {
        self.source = source
        self.kind = kind
        self.line = line
        self.column = column
        self.message = message
        self.context = context
    }

    var testDescription: String { source }
}

func render(
    _ source: String, _ context: [String: Value] = [:], undefined: UndefinedBehavior = .lenient
) throws -> String {
    try Template(source: source).render(context, undefined: undefined)
}

/// The error thrown by parsing and then rendering `source`, or nil.
func templateError(
    _ source: String, _ context: [String: Value] = [:], undefined: UndefinedBehavior = .lenient
) -> TemplateError? {
    do {
        _ = try render(source, context, undefined: undefined)
        return nil
    } catch let error as TemplateError {
        return error
    } catch {
        return nil
    }
}
