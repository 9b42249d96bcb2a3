import Foundation

/// Python's arithmetic, which Jinja inherits: `/` always gives a float, `//`
/// and `%` round toward negative infinity, `+` joins strings and lists, and
/// `*` repeats them. Ints do not silently wrap: an overflow is an error,
/// where Python would switch to a big integer.
extension BinaryOperator {
    func apply(_ left: Value, _ right: Value) throws(Failure) -> Value {
        switch self {
        case .concatenate:
            return .string(left.displayText + right.displayText)
        case .add:
            switch (left, right) {
            case (.string(let a), .string(let b)): return .string(a + b)
            case (.list(let a), .list(let b)): return .list(a + b)
            default: return try arithmetic(left, right, Int.addingReportingOverflow, +)
            }
        case .subtract:
            return try arithmetic(left, right, Int.subtractingReportingOverflow, -)
        case .multiply:
            if let repeated = repetition(left, right) ?? repetition(right, left) { return repeated }
            return try arithmetic(left, right, Int.multipliedReportingOverflow, *)
        case .divide:
            let (a, b) = try operands(left, right)
            guard b.doubleValue != 0 else { throw .type("division by zero") }
            return .double(a.doubleValue / b.doubleValue)
        case .floorDivide, .modulo:
            if self == .modulo, case .string = left { throw .type("string formatting with '%' is not supported") }
            let (a, b) = try operands(left, right)
            guard b.doubleValue != 0 else {
                throw .type(self == .modulo ? "modulo by zero" : "integer division or modulo by zero")
            }
            if case .int(let x) = a, case .int(let y) = b {
                guard let (quotient, remainder) = flooredDivision(x, y) else { throw overflow }
                return .int(self == .modulo ? remainder : quotient)
            }
            let (quotient, remainder) = flooredDivision(a.doubleValue, b.doubleValue)
            return .double(self == .modulo ? remainder : quotient)
        case .power:
            let (a, b) = try operands(left, right)
            if case .int(let base) = a, case .int(let exponent) = b {
                if exponent >= 0 {
                    guard let result = integerPower(base, exponent) else { throw overflow }
                    return .int(result)
                }
                guard base != 0 else { throw .type("0 cannot be raised to a negative power") }
            }
            let (x, y) = (a.doubleValue, b.doubleValue)
            if x == 0 && y < 0 { throw .type("0.0 cannot be raised to a negative power") }
            if x < 0 && y.rounded() != y { throw .type("a negative number cannot be raised to a fractional power") }
            return .double(pow(x, y))
        }
    }

    private var overflow: Failure { .type("the result of '\(rawValue)' is too large for an integer") }

    private func operands(_ left: Value, _ right: Value) throws(Failure) -> (Number, Number) {
        guard let a = left.number, let b = right.number else {
            throw .type("unsupported operand types for \(rawValue): '\(left.typeName)' and '\(right.typeName)'")
        }
        return (a, b)
    }

    private func arithmetic(
        _ left: Value, _ right: Value,
        _ intOperation: (Int) -> (Int) -> (partialValue: Int, overflow: Bool),
        _ doubleOperation: (Double, Double) -> Double
    ) throws(Failure) -> Value {
        let (a, b) = try operands(left, right)
        if case .int(let x) = a, case .int(let y) = b {
            let (result, overflowed) = intOperation(x)(y)
            if overflowed { throw overflow }
            return .int(result)
        }
        return .double(doubleOperation(a.doubleValue, b.doubleValue))
    }

    /// `'ab' * 2` and `[1] * 2`; nil when `sequence` is not a string or list
    /// or `count` is not an int.
    private func repetition(_ sequence: Value, _ count: Value) -> Value? {
        guard case .int(let times)? = count.number else { return nil }
        switch sequence {
        case .string(let text): return .string(String(repeating: text, count: Swift.max(times, 0)))
        case .list(let items): return .list(Array((0..<Swift.max(times, 0)).map { _ in items }.joined()))
        default: return nil
        }
    }

    /// Python's `divmod` for ints; nil on overflow (`Int.min // -1`).
    private func flooredDivision(_ x: Int, _ y: Int) -> (Int, Int)? {
        let (quotient, overflowed) = x.dividedReportingOverflow(by: y)
        if overflowed { return nil }
        let remainder = x - quotient * y
        if remainder != 0 && (remainder < 0) != (y < 0) { return (quotient - 1, remainder + y) }
        return (quotient, remainder)
    }

    /// Python's `divmod` for floats: the remainder takes the divisor's sign.
    private func flooredDivision(_ x: Double, _ y: Double) -> (Double, Double) {
        var remainder = fmod(x, y)
        var quotient = (x - remainder) / y
        if remainder != 0 {
            if (y < 0) != (remainder < 0) {
                remainder += y
                quotient -= 1
            }
        } else {
            remainder = y.sign == .minus ? -0.0 : 0.0
        }
        if quotient == 0 { return ((x / y).sign == .minus ? -0.0 : 0.0, remainder) }
        var floored = quotient.rounded(.down)
        // (x - remainder) / y can land just below an integer; snap it back.
        if quotient - floored > 0.5 { floored += 1 }
        return (floored, remainder)
    }

    private func integerPower(_ base: Int, _ exponent: Int) -> Int? {
        var result = 1
        var factor = base
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 {
                let (product, overflowed) = result.multipliedReportingOverflow(by: factor)
                if overflowed { return nil }
                result = product
            }
            remaining >>= 1
            if remaining > 0 {
                let (square, overflowed) = factor.multipliedReportingOverflow(by: factor)
                if overflowed { return nil }
                factor = square
            }
        }
        return result
    }
}

extension ComparisonOperator {
    /// Compares two defined values the way Python does.
    func holds(_ left: Value, _ right: Value) throws(Failure) -> Bool {
        switch self {
        case .equal: return left.isEqual(to: right)
        case .notEqual: return !left.isEqual(to: right)
        case .contains: return try Self.contains(right, left)
        case .notContains: return try !Self.contains(right, left)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let order = left.order(comparedTo: right) else {
                throw .type("'\(rawValue)' is not supported between '\(left.typeName)' and '\(right.typeName)'")
            }
            switch self {
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            default: return order >= 0
            }
        }
    }

    /// Python's `item in container`: a substring, a list element or a map key.
    static func contains(_ container: Value, _ item: Value) throws(Failure) -> Bool {
        switch container {
        case .string(let text):
            guard case .string(let needle) = item else {
                throw .type("'in <string>' requires a string as left operand, not '\(item.typeName)'")
            }
            return Array(text.unicodeScalars).firstIndex(of: Array(needle.unicodeScalars)) != nil
        case .list(let items):
            return items.contains { $0.isEqual(to: item) }
        case .map(let entries):
            return item.mapKey.map { entries[$0] != nil } ?? false
        default:
            throw .type("argument of type '\(container.typeName)' is not iterable")
        }
    }
}
