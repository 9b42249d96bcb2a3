import Foundation

/// A JSON-like value: what YAML parameters, template contexts, neuron outputs
/// and API bodies are made of. One type for all of them, so a value read from
/// a brain file can be rendered, stored and served without conversion.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([Value])
    case map([String: Value])
}

extension Value {
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var listValue: [Value]? {
        if case .list(let items) = self { return items }
        return nil
    }

    public var mapValue: [String: Value]? {
        if case .map(let entries) = self { return entries }
        return nil
    }

    public var intValue: Int? {
        switch self {
        case .int(let number): return number
        case .double(let number) where number.rounded() == number && abs(number) < 1e18: return Int(number)
        case .string(let text): return Int(text.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    public var doubleValue: Double? {
        switch self {
        case .int(let number): return Double(number)
        case .double(let number): return number
        case .string(let text): return Double(text.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// Kalliope's flag parsing: `true`, `"true"`, `"True"`, `1` and `"1"` are
    /// true; everything else is false.
    public var isTruthyFlag: Bool {
        switch self {
        case .bool(let flag): return flag
        case .int(let number): return number == 1
        case .double(let number): return number == 1
        case .string(let text): return text == "true" || text == "True" || text == "1"
        default: return false
        }
    }

    /// Text as a template or a spoken message shows it (Python's `str()` for
    /// scalars, so `{{ 3 }}` reads "3" and `{{ true }}` reads "True").
    public var displayText: String {
        switch self {
        case .null: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .int(let number): return String(number)
        case .double(let number):
            if number.rounded() == number && abs(number) < 1e16 { return String(format: "%.1f", number) }
            return String(number)
        case .string(let text): return text
        case .list(let items): return "[" + items.map(\.reprText).joined(separator: ", ") + "]"
        case .map(let entries):
            let body = entries.keys.sorted().map { "'\($0)': \(entries[$0]!.reprText)" }
            return "{" + body.joined(separator: ", ") + "}"
        }
    }

    /// Python's `repr()`, used inside list and dict display.
    var reprText: String {
        if case .string(let text) = self { return "'" + text + "'" }
        return displayText
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}
