/// Global functions a template may call. Context values are data, never
/// callable, so any other name called is rejected when parsing.
enum Function: String, Sendable {
    case range
    /// `dict(a=1)` builds a map from keyword arguments.
    case dict
    /// `namespace(count=0)`: a map that `{% set ns.count = … %}` may change
    /// from inside a loop, which is how Jinja carries values out of loops.
    case namespace

    /// Checks the shape of a call while parsing.
    func validate(positionalCount: Int, keywordCount: Int) throws(Failure) {
        switch self {
        case .range:
            guard (1...3).contains(positionalCount), keywordCount == 0 else {
                throw .type("range() takes 1 to 3 positional arguments")
            }
        case .dict, .namespace:
            guard positionalCount == 0 else { throw .type("\(rawValue)() takes keyword arguments only") }
        }
    }
}

extension Renderer {
    /// The most items `range()` makes: a template is not the place for
    /// millions of numbers, and a board has little memory to spare.
    static let rangeLimit = 100_000

    func call(_ function: Function, positional: [Value], keyword: [(String, Value)]) throws -> Value {
        switch function {
        case .range:
            let bounds = try positional.map { value in
                guard let bound = value.integer else {
                    throw Failure.type("range() needs int arguments, not '\(value.typeName)'")
                }
                return bound
            }
            let (start, stop) = bounds.count == 1 ? (0, bounds[0]) : (bounds[0], bounds[1])
            let step = bounds.count == 3 ? bounds[2] : 1
            guard step != 0 else { throw Failure.type("range() step must not be zero") }
            let (span, overflowed) = step > 0 ? stop.subtractingReportingOverflow(start) : start.subtractingReportingOverflow(stop)
            let stride = step == .min ? Int.max : Swift.abs(step)
            let count = span <= 0 ? 0 : (span - 1) / stride + 1
            guard !overflowed, count <= Self.rangeLimit else {
                throw Failure.type("range() may make at most \(Self.rangeLimit) items")
            }
            return .list((0..<count).map { .int(start + $0 * step) })
        case .dict, .namespace:
            return .map(Dictionary(keyword) { _, last in last })
        }
    }

    private static let mapMethods: [String: Signature] = [
        "items": Signature(), "keys": Signature(), "values": Signature(),
        "get": Signature("key", "default", required: 1),
    ]

    private static let stringMethods: [String: Signature] = [
        "lower": Signature(), "upper": Signature(), "capitalize": Signature(), "title": Signature(),
        "strip": Signature("chars"), "lstrip": Signature("chars"), "rstrip": Signature("chars"),
        "split": Signature("sep", "maxsplit"),
        "startswith": Signature("prefix", required: 1), "endswith": Signature("suffix", required: 1),
        "replace": Signature("old", "new", "count", required: 2),
        "join": Signature("iterable", required: 1),
    ]

    /// Python's dict and str methods that templates call, such as
    /// `d.items()` or `s.split(',')`. Maps list their entries in key order.
    func callMethod(_ name: String, on receiver: Value, positional: [Value], keyword: [(String, Value)]) throws -> Value {
        func bind(_ signature: Signature) throws -> [Value?] {
            try signature.bind(positional: positional, keyword: keyword.map { ($0.0, $0.1) }, callee: "\(name)()")
        }
        switch receiver {
        case .map(let entries):
            if let signature = Self.mapMethods[name] { return try mapMethod(name, of: entries, bind(signature)) }
        case .string(let text):
            if let signature = Self.stringMethods[name] { return try stringMethod(name, of: text, bind(signature)) }
        default:
            break
        }
        throw Failure.type("'\(receiver.typeName)' object has no method '\(name)'")
    }

    /// `arguments` has a slot per parameter of the method's signature.
    private func mapMethod(_ name: String, of entries: [String: Value], _ arguments: [Value?]) -> Value {
        let keys = entries.keys.sorted()
        switch name {
        case "items": return .list(keys.map { [.string($0), entries[$0]!] })
        case "keys": return .list(keys.map(Value.string))
        case "values": return .list(keys.map { entries[$0]! })
        default:  // get(key, default=None)
            return arguments[0]!.mapKey.flatMap { entries[$0] } ?? arguments[1] ?? .null
        }
    }

    private func stringMethod(_ name: String, of text: String, _ bound: [Value?]) throws -> Value {
        // Required arguments are always bound. Python's None for an optional
        // one means "not given".
        let optional = bound.map { $0?.isNull == true ? nil : $0 }
        func string(_ argument: Value) throws -> String {
            guard case .string(let value) = argument else {
                throw Failure.type("\(name)() needs a string argument, not '\(argument.typeName)'")
            }
            return value
        }
        func optionalString(_ slot: Int) throws -> String? {
            try optional[slot].map(string)
        }
        func optionalInteger(_ slot: Int) throws -> Int? {
            guard let argument = optional[slot] else { return nil }
            guard let value = argument.integer else {
                throw Failure.type("\(name)() needs an int argument, not '\(argument.typeName)'")
            }
            return value
        }
        switch name {
        case "lower": return .string(text.lowercased())
        case "upper": return .string(text.uppercased())
        case "capitalize": return .string(text.pythonCapitalized)
        case "title": return .string(text.pythonTitleCased)
        case "strip": return .string(text.pythonStripped(try optionalString(0)))
        case "lstrip": return .string(text.pythonStripped(try optionalString(0), trailing: false))
        case "rstrip": return .string(text.pythonStripped(try optionalString(0), leading: false))
        case "split":
            let separator = try optionalString(0)
            if separator == "" { throw Failure.type("split() got an empty separator") }
            return .list(text.pythonSplit(separator, maxSplits: try optionalInteger(1) ?? -1).map(Value.string))
        case "startswith", "endswith":
            // Like Python, a tuple (here a list) of candidates is allowed.
            let candidates = bound[0]!.listValue ?? [bound[0]!]
            let scalars = Array(text.unicodeScalars)
            return .bool(try candidates.contains { candidate in
                let affix = Array(try string(candidate).unicodeScalars)
                return name == "startswith" ? scalars.hasPrefix(affix) : scalars.hasSuffix(affix)
            })
        case "replace":
            let replaced = text.pythonReplacing(
                try string(bound[0]!), with: try string(bound[1]!), count: try optionalInteger(2) ?? -1)
            return .string(replaced)
        default:  // join(iterable)
            guard let items = bound[0]!.iterationItems else {
                throw Failure.type("join() needs an iterable, not '\(bound[0]!.typeName)'")
            }
            return .string(try items.map(string).joined(separator: text))
        }
    }
}
