/// How Jinja, and so Python, sees a `Value`: truth, equality, ordering,
/// iteration and type names. Templates written for Kalliope rely on these
/// rules (`0` is false, `1 == 1.0`, a `for` over a map walks its keys).
extension Value {
    /// Python's truth: empty strings, lists and maps, zero, None and False are false.
    var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let flag): return flag
        case .int(let number): return number != 0
        case .double(let number): return number != 0
        case .string(let text): return !text.isEmpty
        case .list(let items): return !items.isEmpty
        case .map(let entries): return !entries.isEmpty
        }
    }

    /// Python's name for the type, so error messages read like Jinja's.
    var typeName: String {
        switch self {
        case .null: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "str"
        case .list: return "list"
        case .map: return "dict"
        }
    }

    /// The value as a number for arithmetic; Python treats `True` as 1.
    /// Strings are not numbers (`"1" + 1` is an error, as in Python).
    var number: Number? {
        switch self {
        case .bool(let flag): return .int(flag ? 1 : 0)
        case .int(let number): return .int(number)
        case .double(let number): return .double(number)
        default: return nil
        }
    }

    /// An int argument such as a list index or a `range` bound.
    var integer: Int? {
        if case .int(let number)? = number { return number }
        return nil
    }

    /// What a `for` loop visits: list items, map keys, or the characters of a
    /// string. `Value.map` keeps no insertion order, so keys come sorted to
    /// make the output stable.
    var iterationItems: [Value]? {
        switch self {
        case .list(let items): return items
        case .map(let entries): return entries.keys.sorted().map(Value.string)
        case .string(let text): return text.unicodeScalars.map { .string(String($0)) }
        default: return nil
        }
    }

    /// Python's `len()`; strings count code points, as Python does.
    var length: Int? {
        switch self {
        case .list(let items): return items.count
        case .map(let entries): return entries.count
        case .string(let text): return text.unicodeScalars.count
        default: return nil
        }
    }

    /// The key a value selects in a map. Maps have string keys, so an int
    /// finds its decimal spelling (`{1: 'a'}[1]` still works).
    var mapKey: String? {
        switch self {
        case .string(let text): return text
        case .int(let number): return String(number)
        default: return nil
        }
    }

    /// Python's `==`: numbers compare by value across int, float and bool.
    func isEqual(to other: Value) -> Bool {
        if let left = number, let right = other.number { return left == right }
        switch (self, other) {
        case (.null, .null): return true
        case (.string(let left), .string(let right)): return left == right
        case (.list(let left), .list(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.isEqual(to: $1) }
        case (.map(let left), .map(let right)):
            return left.count == right.count
                && left.allSatisfy { key, value in right[key].map { value.isEqual(to: $0) } ?? false }
        default: return false
        }
    }

    /// Python's ordering: negative, zero or positive, or nil when Python
    /// would raise a TypeError (for example `'a' < 1` or anything with None).
    func order(comparedTo other: Value) -> Int? {
        if let left = number, let right = other.number { return left.order(comparedTo: right) }
        switch (self, other) {
        case (.string(let left), .string(let right)):
            return left == right ? 0 : left < right ? -1 : 1
        case (.list(let left), .list(let right)):
            for (leftItem, rightItem) in zip(left, right) where !leftItem.isEqual(to: rightItem) {
                return leftItem.order(comparedTo: rightItem)
            }
            return left.count == right.count ? 0 : left.count < right.count ? -1 : 1
        default:
            return nil
        }
    }
}

/// A Python number: ints stay exact, and mixing in a float gives a float.
enum Number: Equatable {
    case int(Int)
    case double(Double)

    var doubleValue: Double {
        switch self {
        case .int(let number): return Double(number)
        case .double(let number): return number
        }
    }

    var value: Value {
        switch self {
        case .int(let number): return .int(number)
        case .double(let number): return .double(number)
        }
    }

    static func == (left: Number, right: Number) -> Bool {
        if case .int(let a) = left, case .int(let b) = right { return a == b }
        return left.doubleValue == right.doubleValue
    }

    func order(comparedTo other: Number) -> Int? {
        if case .int(let a) = self, case .int(let b) = other { return a == b ? 0 : a < b ? -1 : 1 }
        let (a, b) = (doubleValue, other.doubleValue)
        if a.isNaN || b.isNaN { return nil }
        return a == b ? 0 : a < b ? -1 : 1
    }
}

/// Python's string operations work on code points; these helpers do the
/// same on Unicode scalars so lengths, slices and searches agree with Jinja.
extension Array where Element == Unicode.Scalar {
    /// Index of the first occurrence of `needle` at or after `start`.
    func firstIndex(of needle: [Unicode.Scalar], from start: Int = 0) -> Int? {
        guard needle.count <= count - start else { return nil }
        if needle.isEmpty { return start }
        var candidate = start
        while candidate + needle.count <= count {
            if self[candidate] == needle[0] && self[candidate..<(candidate + needle.count)].elementsEqual(needle) {
                return candidate
            }
            candidate += 1
        }
        return nil
    }

    func hasPrefix(_ prefix: [Unicode.Scalar]) -> Bool { starts(with: prefix) }

    func hasSuffix(_ suffix: [Unicode.Scalar]) -> Bool {
        suffix.count <= count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
