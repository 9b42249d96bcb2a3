import Foundation

/// The filters Hearth supports, named as templates write them.
enum Filter: String, Sendable {
    case `default`, int, float, string, lower, upper, capitalize, title, trim, length, join, first, last
    case replace, round, abs, list, sort, reverse, unique, max, min, sum, truncate, wordcount
    case safe, escape, tojson

    /// Resolves a filter name, including Jinja's short aliases.
    static func named(_ name: String) -> Filter? {
        switch name {
        case "d": return .default
        case "count": return .length
        case "e": return .escape
        default: return Filter(rawValue: name)
        }
    }

    /// Jinja's parameter names, so keyword arguments written for Jinja work.
    var signature: Signature {
        switch self {
        case .default: return Signature("default_value", "boolean")
        case .int: return Signature("default", "base")
        case .float: return Signature("default")
        case .trim: return Signature("chars")
        case .join: return Signature("d", "attribute")
        case .replace: return Signature("old", "new", "count", required: 2)
        case .round: return Signature("precision", "method")
        case .sort: return Signature("reverse", "case_sensitive", "attribute")
        case .unique, .max, .min: return Signature("case_sensitive", "attribute")
        case .sum: return Signature("attribute", "start")
        case .truncate: return Signature("length", "killwords", "end", "leeway")
        case .tojson: return Signature("indent")
        default: return Signature()
        }
    }
}

extension Renderer {
    /// Applies a filter to its input; `arguments` has one slot per
    /// parameter of `filter.signature`, nil where the default applies.
    func apply(_ filter: Filter, to input: Operand, _ arguments: [Operand?]) throws -> Operand {
        switch filter {
        case .default:
            if case .value(let value) = input, try !flag(arguments, 1) || value.isTruthy { return input }
            return arguments[0] ?? .value("")
        case .int:
            let base = try integer(arguments, 1, "base", of: filter) ?? 10
            if let number = Self.pythonInt(try defined(input), base: base) { return .value(.int(number)) }
            return .value(try value(arguments, 0) ?? .int(0))
        case .float:
            if let number = Self.pythonFloat(try defined(input)) { return .value(.double(number)) }
            return .value(try value(arguments, 0) ?? .double(0))
        case .string, .safe:
            // Without autoescaping, marking text safe changes nothing.
            return .value(.string(try text(input)))
        case .lower:
            return .value(.string(try text(input).lowercased()))
        case .upper:
            return .value(.string(try text(input).uppercased()))
        case .capitalize:
            return .value(.string(try text(input).pythonCapitalized))
        case .title:
            return .value(.string(try text(input).jinjaTitleCased))
        case .trim:
            return .value(.string(try text(input).pythonStripped(try string(arguments, 0))))
        case .length:
            guard case .value(let value) = input else { return .value(.int(try sequence(input).count)) }
            guard let length = value.length else { throw Failure.type("object of type '\(value.typeName)' has no len()") }
            return .value(.int(length))
        case .join:
            let separator = try string(arguments, 0) ?? ""
            let attribute = try string(arguments, 1)
            let parts = try sequence(input).map { try text(select(attribute, of: $0)) }
            return .value(.string(parts.joined(separator: separator)))
        case .first, .last:
            let items = try sequence(input)
            if let item = filter == .first ? items.first : items.last { return .value(item) }
            return .undefined(Undefined(name: filter.rawValue, message: "'\(filter.rawValue)' was given an empty sequence"))
        case .replace:
            let count = try integer(arguments, 2, "count", of: filter) ?? -1
            // Both are required, so present; Python's str() spells None "None".
            let old = try value(arguments, 0)!.displayText
            let new = try value(arguments, 1)!.displayText
            let replaced = try text(input).pythonReplacing(old, with: new, count: count)
            return .value(.string(replaced))
        case .round:
            return .value(try round(defined(input), arguments))
        case .abs:
            let value = try defined(input)
            switch value.number {
            case .int(let number)?:
                guard number != .min else { throw Failure.type("the result of 'abs' is too large for an integer") }
                return .value(.int(Swift.abs(number)))
            case .double(let number)?:
                return .value(.double(Swift.abs(number)))
            case nil:
                throw Failure.type("bad operand type for abs(): '\(value.typeName)'")
            }
        case .list:
            return .value(.list(try sequence(input)))
        case .sort:
            let items = try sequence(input)
            let keys = try sortKeys(items, caseSensitive: flag(arguments, 1), attribute: string(arguments, 2))
            let descending = try flag(arguments, 0)
            // Ties keep their original order, as Python's sort is stable.
            let order = try items.indices.sorted { a, b in
                let comparison = try compare(keys[a], keys[b])
                return comparison == 0 ? a < b : descending ? comparison > 0 : comparison < 0
            }
            return .value(.list(order.map { items[$0] }))
        case .reverse:
            if case .value(.string(let text)) = input { return .value(.string(String(scalars: text.unicodeScalars.reversed()))) }
            return .value(.list(try sequence(input).reversed()))
        case .unique:
            let items = try sequence(input)
            let keys = try sortKeys(items, caseSensitive: flag(arguments, 0), attribute: string(arguments, 1))
            var seen: [Value] = []
            var unique: [Value] = []
            for (item, key) in zip(items, keys) where !seen.contains(where: { $0.isEqual(to: key) }) {
                seen.append(key)
                unique.append(item)
            }
            return .value(.list(unique))
        case .max, .min:
            let items = try sequence(input)
            let keys = try sortKeys(items, caseSensitive: flag(arguments, 0), attribute: string(arguments, 1))
            guard var best = items.indices.first else {
                return .undefined(Undefined(name: filter.rawValue, message: "'\(filter.rawValue)' was given an empty sequence"))
            }
            // Like Python's max() and min(), the first of equal items wins.
            for index in items.indices.dropFirst() {
                let comparison = try compare(keys[index], keys[best])
                if filter == .max ? comparison > 0 : comparison < 0 { best = index }
            }
            return .value(items[best])
        case .sum:
            let attribute = try string(arguments, 0)
            var total = try value(arguments, 1) ?? .int(0)
            for item in try sequence(input) {
                total = try BinaryOperator.add.apply(total, defined(select(attribute, of: item)))
            }
            return .value(total)
        case .truncate:
            return .value(.string(try truncate(text(input), arguments)))
        case .wordcount:
            return .value(.int(try text(input).wordCount))
        case .escape:
            return .value(.string(try text(input).htmlEscaped))
        case .tojson:
            let indent = try integer(arguments, 0, "indent", of: filter)
            return .value(.string(try defined(input).json(indent: indent)))
        }
    }

    // MARK: Arguments

    /// The argument in `slot`, nil when not given; undefined is an error.
    private func value(_ arguments: [Operand?], _ slot: Int) throws -> Value? {
        try arguments[slot].map(defined)
    }

    /// A text argument; Python's None counts as not given.
    private func string(_ arguments: [Operand?], _ slot: Int) throws -> String? {
        guard let value = try value(arguments, slot), !value.isNull else { return nil }
        return value.displayText
    }

    private func flag(_ arguments: [Operand?], _ slot: Int) throws -> Bool {
        try value(arguments, slot)?.isTruthy ?? false
    }

    private func integer(_ arguments: [Operand?], _ slot: Int, _ parameter: String, of filter: Filter) throws -> Int? {
        guard let value = try value(arguments, slot), !value.isNull else { return nil }
        guard let number = value.integer else {
            throw Failure.type("filter '\(filter.rawValue)' needs an int for '\(parameter)', not '\(value.typeName)'")
        }
        return number
    }

    /// The item itself, or with `attribute=` the value at a dotted path
    /// inside it (`"user.name"`, or `"0"` for an index), as Jinja reads it.
    private func select(_ attribute: String?, of item: Value) -> Operand {
        guard let attribute else { return .value(item) }
        var current = item
        for part in attribute.split(separator: ".", omittingEmptySubsequences: false) {
            let key = Int(part).map(Value.int) ?? .string(String(part))
            guard let next = self.item(key, of: current) else { return .undefined(Undefined(name: attribute)) }
            current = next
        }
        return .value(current)
    }

    /// What `sort`, `unique`, `min` and `max` compare: strings fold case
    /// unless `case_sensitive` is set, as in Jinja.
    private func sortKeys(_ items: [Value], caseSensitive: Bool, attribute: String?) throws -> [Value] {
        try items.map { item in
            let key = try defined(select(attribute, of: item))
            if !caseSensitive, case .string(let text) = key { return .string(text.lowercased()) }
            return key
        }
    }

    private func compare(_ left: Value, _ right: Value) throws -> Int {
        guard let order = left.order(comparedTo: right) else {
            throw Failure.type("'<' is not supported between '\(left.typeName)' and '\(right.typeName)'")
        }
        return order
    }

    // MARK: Filters with more to them

    /// Jinja's `round`: "common" is Python's `round()`, which rounds half
    /// to even on the exact binary value (`2.5` → `2.0`, `2.675` → `2.67`);
    /// "floor" and "ceil" always give a float.
    private func round(_ input: Value, _ arguments: [Operand?]) throws -> Value {
        guard let number = input.number else {
            throw Failure.type("filter 'round' needs a number, not '\(input.typeName)'")
        }
        let precision = try integer(arguments, 0, "precision", of: .round) ?? 0
        let method = try string(arguments, 1) ?? "common"
        let scale = pow(10, Double(precision))
        switch (method, number) {
        case ("common", .int(let whole)):
            guard precision < 0 else { return .int(whole) }
            // Dividing by an exact power of ten keeps ties exact (1250 → 12.5).
            let unit = pow(10, Double(-precision))
            let rounded = (Double(whole) / unit).rounded(.toNearestOrEven) * unit
            guard let result = Int(exactly: rounded) else { throw Failure.type("the result of 'round' is too large for an integer") }
            return .int(result)
        case ("common", .double(let fraction)):
            guard fraction.isFinite else { return .double(fraction) }
            if precision < 0 {
                let unit = pow(10, Double(-precision))
                return .double((fraction / unit).rounded(.toNearestOrEven) * unit)
            }
            // printf rounds the exact binary value half to even, as Python does.
            return .double(Double(String(format: "%.\(Swift.min(precision, 340))f", fraction)) ?? fraction)
        case ("floor", _), ("ceil", _):
            let rounded = (number.doubleValue * scale).rounded(method == "floor" ? .down : .up)
            return .double(rounded / scale)
        default:
            throw Failure.type("filter 'round' takes the method 'common', 'ceil' or 'floor', not '\(method)'")
        }
    }

    /// Jinja's `truncate`: text up to `length + leeway` characters is kept
    /// whole; longer text is cut to `length` including `end`, at a word
    /// boundary unless `killwords`.
    private func truncate(_ text: String, _ arguments: [Operand?]) throws -> String {
        let scalars = Array(text.unicodeScalars)
        let length = try integer(arguments, 0, "length", of: .truncate) ?? 255
        let end = Array((try string(arguments, 2) ?? "...").unicodeScalars)
        let leeway = try integer(arguments, 3, "leeway", of: .truncate) ?? 5
        guard length >= end.count, leeway >= 0 else {
            throw Failure.type("filter 'truncate' needs a length of at least \(end.count) and a leeway of at least 0")
        }
        if scalars.count <= length + leeway { return text }
        var kept = scalars[..<(length - end.count)]
        if try !flag(arguments, 1), let space = kept.lastIndex(of: " ") { kept = kept[..<space] }
        return String(scalars: kept + end)
    }

    /// Python's `int()` as Jinja's `int` filter uses it: text may have
    /// spaces, a sign, `_` separators, leading zeros ("08" is 8), or be a
    /// float ("3.9" is 3); floats truncate toward zero. Nil means "use the
    /// filter's default".
    static func pythonInt(_ value: Value, base: Int) -> Int? {
        switch value {
        case .bool(let flag): return flag ? 1 : 0
        case .int(let number): return number
        case .double(let number): return Int(exactly: number.rounded(.towardZero))
        case .string(let text):
            if (2...36).contains(base), let number = integer(parsing: text, base: base) { return number }
            return pythonFloat(parsing: text).flatMap { Int(exactly: $0.rounded(.towardZero)) }
        default: return nil
        }
    }

    private static func integer(parsing text: String, base: Int) -> Int? {
        var digits = Substring(text.pythonStripped(nil))
        var sign = ""
        if let first = digits.first, first == "-" || first == "+" {
            sign = String(first)
            digits = digits.dropFirst()
        }
        let prefixes = [16: "0x", 8: "0o", 2: "0b"]
        if let prefix = prefixes[base], digits.lowercased().hasPrefix(prefix) { digits = digits.dropFirst(2) }
        guard let cleaned = removingDigitSeparators(String(digits)) else { return nil }
        return Int(sign + cleaned, radix: base)
    }

    /// Python's `float()`: spaces, `_` separators, "inf" and "nan" are fine.
    static func pythonFloat(_ value: Value) -> Double? {
        switch value {
        case .bool(let flag): return flag ? 1 : 0
        case .int(let number): return Double(number)
        case .double(let number): return number
        case .string(let text): return pythonFloat(parsing: text)
        default: return nil
        }
    }

    private static func pythonFloat(parsing text: String) -> Double? {
        guard let cleaned = removingDigitSeparators(text.pythonStripped(nil)) else { return nil }
        // Swift also reads hexadecimal floats ("0x1p3"), which Python does not.
        if cleaned.contains(where: { $0 == "x" || $0 == "X" }) { return nil }
        return Double(cleaned)
    }

    /// Drops `_` between two digits, as Python's number parsing allows;
    /// nil when an underscore is anywhere else.
    private static func removingDigitSeparators(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            guard scalar == "_" else {
                result.append(scalar)
                continue
            }
            guard index > 0, index + 1 < scalars.count,
                scalars[index - 1].properties.isASCIIHexDigit, scalars[index + 1].properties.isASCIIHexDigit
            else { return nil }
        }
        return String(result)
    }
}

extension Value {
    /// JSON as Jinja's `tojson` writes it: Python's `json.dumps` with sorted
    /// keys and ASCII-only output, with `<`, `>`, `&` and `'` escaped so
    /// the result is safe inside HTML.
    func json(indent: Int?, depth: Int = 0) -> String {
        let newline = indent.map { "\n" + String(repeating: " ", count: $0 * (depth + 1)) }
        let closing = indent.map { "\n" + String(repeating: " ", count: $0 * depth) } ?? ""
        let separator = newline.map { "," + $0 } ?? ", "
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number):
            if number.isNaN { return "NaN" }
            if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
            return displayText
        case .string(let text): return Self.jsonString(text)
        case .list(let items):
            guard !items.isEmpty else { return "[]" }
            let body = items.map { $0.json(indent: indent, depth: depth + 1) }.joined(separator: separator)
            return "[" + (newline ?? "") + body + closing + "]"
        case .map(let entries):
            guard !entries.isEmpty else { return "{}" }
            let body = entries.keys.sorted().map {
                Self.jsonString($0) + ": " + entries[$0]!.json(indent: indent, depth: depth + 1)
            }
            return "{" + (newline ?? "") + body.joined(separator: separator) + closing + "}"
        }
    }

    private static func jsonString(_ text: String) -> String {
        var result = "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: result += "\\\""
            case 0x5C: result += "\\\\"
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0x08: result += "\\b"
            case 0x0C: result += "\\f"
            case 0x20..<0x7F where !"<>&'".utf16.contains(unit):
                result.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return result + "\""
    }
}
