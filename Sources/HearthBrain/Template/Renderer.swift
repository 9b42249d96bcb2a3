/// What an expression evaluates to: a value, or Jinja's "undefined" for a
/// name the context lacks, a missing key, or an empty `first`. Undefined is
/// kept apart from `Value.null` because Jinja treats them differently:
/// `none` prints "None" while undefined prints "", and only undefined
/// triggers `default`.
enum Operand: Sendable {
    case value(Value)
    case undefined(Undefined)
}

struct Undefined: Sendable {
    /// The missing name, or a path such as `user.name` for a missing key;
    /// strict rendering reports it in `TemplateError.Kind.undefinedVariable`.
    let name: String
    let message: String

    init(name: String, message: String? = nil) {
        self.name = name
        self.message = message ?? "'\(name)' is undefined"
    }
}

/// An error raised while computing a value, before the renderer knows where
/// in the template it happened; `Renderer.located` adds the position.
struct Failure: Error {
    let kind: TemplateError.Kind
    let message: String

    static func type(_ message: String) -> Failure { Failure(kind: .type, message: message) }

    static func undefined(_ undefined: Undefined) -> Failure {
        Failure(kind: .undefinedVariable(undefined.name), message: undefined.message)
    }
}

/// Walks a parsed template and writes its output.
struct Renderer {
    private let context: [String: Value]
    private let strict: Bool
    private let templateName: String
    private(set) var output = ""
    /// Variables the template sets: its own top-level ones first, then one
    /// frame per loop iteration or `set` block being rendered. Lookups go
    /// innermost first, then to the context, which is never written to.
    private var frames: [[String: Operand]] = [[:]]

    init(context: [String: Value], undefined: UndefinedBehavior, templateName: String) {
        self.context = context
        self.strict = undefined == .strict
        self.templateName = templateName
    }

    // MARK: Statements

    mutating func render(_ nodes: [Node]) throws {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .output(let expression):
                let printed = try located(expression.position) { try text(evaluate(expression)) }
                output += printed
            case .conditional(let branches, let otherwise):
                let chosen = try branches.first { try condition($0.condition) }
                try render(chosen?.body ?? otherwise)
            case .loop(let loop):
                try render(loop)
            case .assign(let targets, let value):
                let result = try evaluate(value)
                if targets.count == 1 {
                    frames[frames.count - 1][targets[0]] = result
                } else {
                    let bindings = try located(value.position) { try unpack(defined(result), into: targets) }
                    frames[frames.count - 1].merge(bindings) { _, new in new }
                }
            case .assignAttribute(let variable, let attribute, let value, let position):
                let result = try located(value.position) { try storable(evaluate(value)) }
                try assign(result, to: variable, attribute: attribute, at: position)
            case .capture(let name, let body, let filters):
                let outerOutput = output
                output = ""
                frames.append([:])
                try render(body)
                frames.removeLast()
                var result = Operand.value(.string(output))
                output = outerOutput
                for call in filters {
                    let arguments = try evaluate(call.arguments)
                    result = try located(call.position) { try apply(call.filter, to: result, arguments) }
                }
                frames[frames.count - 1][name] = result
            }
        }
    }

    /// Jinja's loop scoping: every iteration gets a fresh frame, so a `set`
    /// in the body is gone by the next iteration and after the loop.
    private mutating func render(_ loop: Loop) throws {
        let items = try located(loop.iterable.position) { try sequence(evaluate(loop.iterable)) }
        var iterations: [[String: Operand]] = []
        for item in items {
            let bindings = try located(loop.position) { try unpack(item, into: loop.targets) }
            if let filter = loop.filter {
                frames.append(bindings)
                let keep = try condition(filter)
                frames.removeLast()
                if !keep { continue }
            }
            iterations.append(bindings)
        }
        guard !iterations.isEmpty else {
            frames.append([:])
            try render(loop.otherwise)
            frames.removeLast()
            return
        }
        for (index, bindings) in iterations.enumerated() {
            var frame = bindings
            frame["loop"] = .value([
                "index": .int(index + 1), "index0": .int(index),
                "revindex": .int(iterations.count - index), "revindex0": .int(iterations.count - index - 1),
                "first": .bool(index == 0), "last": .bool(index == iterations.count - 1),
                "length": .int(iterations.count),
            ])
            frames.append(frame)
            try render(loop.body)
            frames.removeLast()
        }
    }

    /// `{% set ns.attribute = value %}`: changes the map in the frame that
    /// holds it, so a loop body can update a `namespace()` made outside.
    private mutating func assign(_ value: Value, to variable: String, attribute: String, at position: SourcePosition) throws {
        let frameIndex = frames.lastIndex { $0[variable] != nil }
        let holder = frameIndex.map { frames[$0][variable]! } ?? lookup(variable)
        var entries = try located(position) { () throws -> [String: Value] in
            let holderValue = try defined(holder)
            guard case .map(let entries) = holderValue else {
                throw Failure.type("cannot set an attribute on '\(holderValue.typeName)', only on a namespace")
            }
            return entries
        }
        entries[attribute] = value
        frames[frameIndex ?? 0][variable] = .value(.map(entries))
    }

    private func unpack(_ item: Value, into targets: [String]) throws -> [String: Operand] {
        if targets.count == 1 { return [targets[0]: .value(item)] }
        guard let values = item.iterationItems else {
            throw Failure.type("cannot unpack '\(item.typeName)' into \(targets.count) names")
        }
        guard values.count == targets.count else {
            throw Failure.type("cannot unpack \(values.count) values into \(targets.count) names")
        }
        return Dictionary(uniqueKeysWithValues: zip(targets, values.map(Operand.value)))
    }

    // MARK: Expressions

    func evaluate(_ expression: Expr) throws -> Operand {
        // The same as `located`, written out: this runs once per expression,
        // and a closure would add stack frames to every level of nesting.
        do {
            return try evaluateKind(expression)
        } catch let failure as Failure {
            throw templateError(failure, at: expression.position)
        }
    }

    func evaluate(_ expressions: [Expr?]) throws -> [Operand?] {
        try expressions.map { try $0.map(evaluate) }
    }

    private func condition(_ expression: Expr) throws -> Bool {
        try located(expression.position) { try truthy(evaluate(expression)) }
    }

    /// One case per kind of expression; anything longer than a line lives
    /// in its own function to keep this frame small, since it recurses once
    /// per level of nesting.
    private func evaluateKind(_ expression: Expr) throws -> Operand {
        switch expression.kind {
        case .literal(let value):
            return .value(value)
        case .name(let name):
            return lookup(name)
        case .list(let items):
            return .value(.list(try items.map { try storable(evaluate($0)) }))
        case .dict(let entries):
            return .value(.map(try map(entries)))
        case .attribute(let base, let name):
            return try attribute(name, of: base, in: expression)
        case .item(let base, let key):
            return try item(key, of: base, in: expression)
        case .slice(let base, let start, let stop, let step):
            return try slice(base, start, stop, step)
        case .not(let operand):
            return .value(.bool(!(try truthy(evaluate(operand)))))
        case .negate(let operand):
            return .value(try negate(defined(evaluate(operand))))
        case .plus(let operand):
            return .value(try plus(defined(evaluate(operand))))
        case .binary(let op, let left, let right):
            return .value(try binary(op, left, right))
        case .and(let left, let right):
            let first = try evaluate(left)
            return try truthy(first) ? try evaluate(right) : first
        case .or(let left, let right):
            let first = try evaluate(left)
            return try truthy(first) ? first : try evaluate(right)
        case .conditional(let condition, let then, let otherwise):
            return try conditional(condition, then, otherwise)
        case .comparison(let first, let links):
            return .value(.bool(try comparisonHolds(first, links)))
        case .filter(let input, let call):
            return try apply(call.filter, to: evaluate(input), evaluate(call.arguments))
        case .test(let subject, let call):
            return .value(.bool(try check(call.test, evaluate(subject), evaluate(call.arguments)) != call.negated))
        case .call(let function, let positional, let keyword):
            return .value(try call(function, positional: values(positional), keyword: values(keyword)))
        case .method(let receiver, let name, let positional, let keyword):
            let target = try evaluate(receiver)
            // A method of undefined is undefined, like any access into it.
            guard case .value(let value) = target else { return target }
            return .value(try callMethod(name, on: value, positional: values(positional), keyword: values(keyword)))
        }
    }

    private func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr) throws -> Value {
        if op == .concatenate { return .string(try text(evaluate(left)) + text(evaluate(right))) }
        let leftValue = try defined(evaluate(left))
        return try op.apply(leftValue, defined(evaluate(right)))
    }

    /// `then if condition else otherwise`; only the chosen side is evaluated.
    private func conditional(_ condition: Expr, _ then: Expr, _ otherwise: Expr?) throws -> Operand {
        if try truthy(evaluate(condition)) { return try evaluate(then) }
        if let otherwise { return try evaluate(otherwise) }
        return .undefined(Undefined(name: "if", message: "the inline 'if' was false and has no 'else'"))
    }

    /// Arguments of a function or method call, which must be defined.
    private func values(_ expressions: [Expr]) throws -> [Value] {
        try expressions.map { try defined(evaluate($0)) }
    }

    private func values(_ keywords: [(name: String, value: Expr)]) throws -> [(String, Value)] {
        try keywords.map { ($0.name, try defined(evaluate($0.value))) }
    }

    private func map(_ entries: [(key: Expr, value: Expr)]) throws -> [String: Value] {
        var map: [String: Value] = [:]
        for entry in entries {
            let key = try defined(evaluate(entry.key))
            guard let text = key.mapKey else {
                throw Failure.type("a dict key must be a string or an int, not '\(key.typeName)'")
            }
            map[text] = try storable(evaluate(entry.value))
        }
        return map
    }

    /// `a.b`. Access into undefined gives undefined, and so does a missing
    /// key; `whole` names it in strict mode's error.
    private func attribute(_ name: String, of base: Expr, in whole: Expr) throws -> Operand {
        let container = try evaluate(base)
        guard case .value(let containerValue) = container else { return container }
        if let found = attribute(name, of: containerValue) { return .value(found) }
        return .undefined(Undefined(name: Self.path(of: whole) ?? name))
    }

    /// `a[key]`, undefined like `a.b` when anything is missing.
    private func item(_ key: Expr, of base: Expr, in whole: Expr) throws -> Operand {
        let container = try evaluate(base)
        guard case .value(let containerValue) = container else { return container }
        let keyOperand = try evaluate(key)
        guard case .value(let keyValue) = keyOperand else { return keyOperand }
        if let found = item(keyValue, of: containerValue) { return .value(found) }
        return .undefined(Undefined(name: Self.path(of: whole) ?? keyValue.displayText))
    }

    private func plus(_ value: Value) throws -> Value {
        guard let number = value.number else { throw Failure.type("bad operand type for unary +: '\(value.typeName)'") }
        return number.value
    }

    private func negate(_ value: Value) throws -> Value {
        switch value.number {
        case .int(let number)?:
            let (negated, overflowed) = (0).subtractingReportingOverflow(number)
            if overflowed { throw Failure.type("the result of '-' is too large for an integer") }
            return .int(negated)
        case .double(let number)?:
            return .double(-number)
        case nil:
            throw Failure.type("bad operand type for unary -: '\(value.typeName)'")
        }
    }

    /// `a < b <= c`: each operand is evaluated once, and evaluation stops
    /// at the first link that does not hold, as in Python.
    private func comparisonHolds(_ first: Expr, _ links: [ComparisonLink]) throws -> Bool {
        var left = try evaluate(first)
        for link in links {
            let right = try evaluate(link.operand)
            guard try located(link.position, { try compare(link.op, left, right) }) else { return false }
            left = right
        }
        return true
    }

    private func lookup(_ name: String) -> Operand {
        for frame in frames.reversed() {
            if let operand = frame[name] { return operand }
        }
        if let value = context[name] { return .value(value) }
        return .undefined(Undefined(name: name))
    }

    /// A readable path for a missing key, such as `user.name` or `items[3]`,
    /// when the expression is a plain chain of names and constant keys.
    private static func path(of expression: Expr) -> String? {
        switch expression.kind {
        case .name(let name):
            return name
        case .attribute(let base, let name):
            return path(of: base).map { "\($0).\(name)" }
        case .item(let base, let key):
            guard case .literal(let constant) = key.kind else { return nil }
            return path(of: base).map { "\($0)[\(constant.reprText)]" }
        default:
            return nil
        }
    }

    /// `a.b` is the key "b" of a map; `a.0` is an index, as in Jinja.
    private func attribute(_ name: String, of container: Value) -> Value? {
        if case .map(let entries) = container { return entries[name] }
        return Int(name).flatMap { item(.int($0), of: container) }
    }

    /// `a[key]`; nil (undefined) when there is no such key or index.
    func item(_ key: Value, of container: Value) -> Value? {
        switch container {
        case .map(let entries):
            return key.mapKey.flatMap { entries[$0] }
        case .list(let items):
            return key.integer.flatMap { Self.resolve(index: $0, count: items.count) }.map { items[$0] }
        case .string(let text):
            let scalars = Array(text.unicodeScalars)
            return key.integer.flatMap { Self.resolve(index: $0, count: scalars.count) }.map { .string(String(scalars[$0])) }
        default:
            return nil
        }
    }

    /// Python indexing: negative indexes count from the end.
    private static func resolve(index: Int, count: Int) -> Int? {
        let resolved = index < 0 ? index + count : index
        return (0..<count).contains(resolved) ? resolved : nil
    }

    private func sliceBound(_ expression: Expr?) throws -> Int? {
        guard let expression else { return nil }
        let value = try defined(evaluate(expression))
        if value.isNull { return nil }
        guard let bound = value.integer else {
            throw Failure.type("slice indices must be integers or none, not '\(value.typeName)'")
        }
        return bound
    }

    /// Python's `sequence[start:stop:step]`, out-of-range bounds clamped.
    private func slice(_ base: Expr, _ start: Expr?, _ stop: Expr?, _ step: Expr?) throws -> Operand {
        let operand = try evaluate(base)
        guard case .value(let container) = operand else { return operand }
        let (start, stop, step) = (try sliceBound(start), try sliceBound(stop), try sliceBound(step) ?? 1)
        guard step != 0 else { throw Failure.type("slice step cannot be zero") }
        let elements: [Value]
        switch container {
        case .list(let items): elements = items
        case .string(let text): elements = text.unicodeScalars.map { .string(String($0)) }
        default: return .undefined(Undefined(name: "slice", message: "a '\(container.typeName)' cannot be sliced"))
        }
        let count = elements.count
        func clamp(_ bound: Int?, _ fallback: Int) -> Int {
            guard var bound else { return fallback }
            if bound < 0 { bound += count }
            return step > 0 ? min(max(bound, 0), count) : min(max(bound, -1), count - 1)
        }
        var selected: [Value] = []
        var position = clamp(start, step > 0 ? 0 : count - 1)
        let end = clamp(stop, step > 0 ? count : -1)
        while step > 0 ? position < end : position > end {
            selected.append(elements[position])
            position += step
        }
        if case .string = container {
            return .value(.string(selected.map(\.displayText).joined()))
        }
        return .value(.list(selected))
    }

    /// A comparison where either side may be undefined. Leniently, undefined
    /// equals only undefined and contains nothing, as in Jinja; ordering it
    /// is an error in both modes.
    func compare(_ op: ComparisonOperator, _ left: Operand, _ right: Operand) throws -> Bool {
        switch (left, right) {
        case (.value(let a), .value(let b)):
            return try op.holds(a, b)
        case (.undefined(let missing), _), (_, .undefined(let missing)):
            guard !strict else { throw Failure.undefined(missing) }
            let bothUndefined = if case .undefined = left, case .undefined = right { true } else { false }
            switch op {
            case .equal: return bothUndefined
            case .notEqual: return !bothUndefined
            case .contains: return false
            case .notContains: return true
            default: throw Failure.undefined(missing)
            }
        }
    }

    // MARK: Undefined handling

    /// A value for computing with: undefined fails in both modes, as
    /// arithmetic on Jinja's Undefined does.
    func defined(_ operand: Operand) throws -> Value {
        switch operand {
        case .value(let value): return value
        case .undefined(let undefined): throw Failure.undefined(undefined)
        }
    }

    /// Truth for `if`, `not`, `and` and `or`; undefined is false unless strict.
    func truthy(_ operand: Operand) throws -> Bool {
        switch operand {
        case .value(let value): return value.isTruthy
        case .undefined(let undefined):
            if strict { throw Failure.undefined(undefined) }
            return false
        }
    }

    /// Text for printing and string filters (Python's `str()`); undefined is
    /// "" unless strict.
    func text(_ operand: Operand) throws -> String {
        switch operand {
        case .value(let value): return value.displayText
        case .undefined(let undefined):
            if strict { throw Failure.undefined(undefined) }
            return ""
        }
    }

    /// Items for loops and sequence filters; undefined is empty unless strict.
    func sequence(_ operand: Operand) throws -> [Value] {
        switch operand {
        case .value(let value):
            guard let items = value.iterationItems else { throw Failure.type("'\(value.typeName)' object is not iterable") }
            return items
        case .undefined(let undefined):
            if strict { throw Failure.undefined(undefined) }
            return []
        }
    }

    /// A value to store inside a list or map literal, which cannot hold
    /// undefined: leniently it becomes "", which prints as Jinja would.
    private func storable(_ operand: Operand) throws -> Value {
        if case .value(let value) = operand { return value }
        return .string(try text(operand))
    }

    /// Runs `body`, giving any `Failure` it throws the template position.
    func located<Result>(_ position: SourcePosition, _ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let failure as Failure {
            throw templateError(failure, at: position)
        }
    }

    private func templateError(_ failure: Failure, at position: SourcePosition) -> TemplateError {
        TemplateError(
            kind: failure.kind, message: failure.message, name: templateName, line: position.line,
            column: position.column)
    }
}
