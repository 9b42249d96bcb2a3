import HearthBrain

/// A neuron's parameters are wrong; the message names the parameter.
public struct NeuronParameterError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension Dictionary where Key == String, Value == HearthBrain.Value {
    func requiredString(_ key: String) throws -> String {
        guard let value = self[key], !value.isNull else { throw NeuronParameterError("missing parameter '\(key)'") }
        switch value {
        case .string(let text): return text
        case .int, .double, .bool: return value.displayText
        default: throw NeuronParameterError("'\(key)' must be text")
        }
    }

    func optionalString(_ key: String) throws -> String? {
        guard let value = self[key], !value.isNull else { return nil }
        return try requiredString(key)
    }

    func optionalNumber(_ key: String) throws -> Double? {
        guard let value = self[key], !value.isNull else { return nil }
        guard let number = value.doubleValue, number.isFinite else { throw NeuronParameterError("'\(key)' must be a number") }
        return number
    }

    func flag(_ key: String, default fallback: Bool = false) -> Bool {
        guard let value = self[key], !value.isNull else { return fallback }
        return value.isTruthyFlag
    }
}
