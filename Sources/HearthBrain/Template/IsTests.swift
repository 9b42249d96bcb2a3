/// The tests of `value is name` that Hearth supports.
enum TemplateTest: String, Sendable {
    case defined, undefined, none, number, string, mapping, iterable, sequence, boolean, integer, float
    case `true`, `false`, even, odd, divisibleby, lower, upper
    case eq, ne, lt, le, gt, ge, `in`

    /// Resolves a test name, including Jinja's longer aliases.
    static func named(_ name: String) -> TemplateTest? {
        switch name {
        case "equalto": return .eq
        case "lessthan": return .lt
        case "greaterthan": return .gt
        default: return TemplateTest(rawValue: name)
        }
    }

    var signature: Signature {
        switch self {
        case .divisibleby: return Signature("num", required: 1)
        case .eq, .ne, .lt, .le, .gt, .ge: return Signature("other", required: 1)
        case .in: return Signature("seq", required: 1)
        default: return Signature()
        }
    }

    private static let comparisons: [TemplateTest: ComparisonOperator] = [
        .eq: .equal, .ne: .notEqual, .lt: .less, .le: .lessOrEqual, .gt: .greater, .ge: .greaterOrEqual,
    ]

    var comparison: ComparisonOperator? { Self.comparisons[self] }
}

extension Renderer {
    /// Runs a test. `defined`, `undefined`, `none` and the type tests accept
    /// undefined even in strict mode, since templates use them to guard
    /// against missing values.
    func check(_ test: TemplateTest, _ subject: Operand, _ arguments: [Operand?]) throws -> Bool {
        if let op = test.comparison { return try compare(op, subject, arguments[0]!) }
        switch test {
        case .defined, .undefined:
            let isDefined = if case .value = subject { true } else { false }
            return isDefined == (test == .defined)
        case .iterable, .sequence:
            switch subject {
            case .value(let value): return value.iterationItems != nil
            // Jinja's lenient undefined can be iterated (it is empty).
            case .undefined: return try sequence(subject).isEmpty
            }
        case .even, .odd, .divisibleby:
            let divisor = test == .divisibleby ? try defined(arguments[0]!) : .int(2)
            let remainder = try BinaryOperator.modulo.apply(defined(subject), divisor)
            return remainder.isEqual(to: .int(test == .odd ? 1 : 0))
        case .lower, .upper:
            return try text(subject).hasOnlyCase(upper: test == .upper)
        case .in:
            return try compare(.contains, subject, arguments[0]!)
        default:
            guard case .value(let value) = subject else { return false }
            switch (test, value) {
            case (.none, .null), (.string, .string), (.mapping, .map), (.boolean, .bool), (.integer, .int),
                (.float, .double), (.true, .bool(true)), (.false, .bool(false)):
                return true
            case (.number, _):
                return value.number != nil
            default:
                return false
            }
        }
    }
}
