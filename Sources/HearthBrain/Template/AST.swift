/// The parsed form of a template: what the renderer walks on every render.
/// Filters and tests are resolved and their arguments matched to parameters
/// while parsing, so rendering does no name lookups for them.
enum Node: Sendable {
    case text(String)
    /// `{{ expression }}`
    case output(Expr)
    /// `{% if %}…{% elif %}…{% else %}…{% endif %}`
    case conditional([Branch], otherwise: [Node])
    case loop(Loop)
    /// `{% set a = … %}` or `{% set a, b = … %}`
    case assign(targets: [String], value: Expr)
    /// `{% set ns.attribute = … %}`, how Jinja lets a loop body change a
    /// value outside the loop (through `namespace()`).
    case assignAttribute(variable: String, attribute: String, value: Expr, position: SourcePosition)
    /// `{% set name | filters %}…{% endset %}`
    case capture(name: String, body: [Node], filters: [FilterCall])
}

struct Branch: Sendable {
    let condition: Expr
    let body: [Node]
}

/// `{% for targets in iterable if filter %}body{% else %}otherwise{% endfor %}`
struct Loop: Sendable {
    let targets: [String]
    let iterable: Expr
    let filter: Expr?
    let body: [Node]
    let otherwise: [Node]
    let position: SourcePosition
}

struct Expr: Sendable {
    indirect enum Kind: Sendable {
        case literal(Value)
        case name(String)
        /// List and tuple literals (a tuple is a list once evaluated).
        case list([Expr])
        case dict([(key: Expr, value: Expr)])
        /// `a.b`: a key of a map, or an index when `b` is a number.
        case attribute(Expr, String)
        /// `a[b]`
        case item(Expr, Expr)
        /// `a[start:stop:step]`
        case slice(Expr, start: Expr?, stop: Expr?, step: Expr?)
        case not(Expr)
        case negate(Expr)
        case plus(Expr)
        case binary(BinaryOperator, Expr, Expr)
        case and(Expr, Expr)
        case or(Expr, Expr)
        /// A chain such as `a < b <= c`, true when every link holds.
        case comparison(Expr, [ComparisonLink])
        /// `then if condition else otherwise`; without `else` the result is undefined.
        case conditional(condition: Expr, then: Expr, otherwise: Expr?)
        case filter(Expr, FilterCall)
        case test(Expr, TestCall)
        case call(Function, positional: [Expr], keyword: [(name: String, value: Expr)])
        case method(Expr, name: String, positional: [Expr], keyword: [(name: String, value: Expr)])
    }

    let kind: Kind
    /// Where the expression's leading token or operator is, for error messages.
    let position: SourcePosition
    /// Levels of expressions from this one down to its deepest leaf. The
    /// renderer recurses once per level, so the parser bounds it.
    let depth: Int

    init(kind: Kind, position: SourcePosition) {
        self.kind = kind
        self.position = position
        depth = 1 + (kind.children.map(\.depth).max() ?? 0)
    }
}

extension Expr.Kind {
    /// The expressions this one is built from, in evaluation order.
    var children: [Expr] {
        switch self {
        case .literal, .name:
            return []
        case .list(let items):
            return items
        case .dict(let entries):
            return entries.flatMap { [$0.key, $0.value] }
        case .attribute(let base, _), .not(let base), .negate(let base), .plus(let base):
            return [base]
        case .item(let base, let key):
            return [base, key]
        case .slice(let base, let start, let stop, let step):
            return [base] + [start, stop, step].compactMap { $0 }
        case .binary(_, let left, let right), .and(let left, let right), .or(let left, let right):
            return [left, right]
        case .comparison(let first, let links):
            return [first] + links.map(\.operand)
        case .conditional(let condition, let then, let otherwise):
            return [condition, then] + (otherwise.map { [$0] } ?? [])
        case .filter(let input, let call):
            return [input] + call.arguments.compactMap { $0 }
        case .test(let subject, let call):
            return [subject] + call.arguments.compactMap { $0 }
        case .call(_, let positional, let keyword):
            return positional + keyword.map(\.value)
        case .method(let receiver, _, let positional, let keyword):
            return [receiver] + positional + keyword.map(\.value)
        }
    }
}

enum BinaryOperator: String, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case floorDivide = "//"
    case modulo = "%"
    case power = "**"
    case concatenate = "~"
}

enum ComparisonOperator: String, Sendable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case contains = "in"
    case notContains = "not in"
}

struct ComparisonLink: Sendable {
    let op: ComparisonOperator
    let operand: Expr
    let position: SourcePosition
}

/// `value | name(arguments)`, with `arguments` in parameter order (nil for a
/// parameter left at its default).
struct FilterCall: Sendable {
    let filter: Filter
    let arguments: [Expr?]
    let position: SourcePosition
}

/// `value is [not] name(arguments)`
struct TestCall: Sendable {
    let test: TemplateTest
    let arguments: [Expr?]
    let negated: Bool
}
