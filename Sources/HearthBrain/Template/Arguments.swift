/// The parameters a filter, test or method takes after its input, in
/// Jinja's (Python's) order, so a call may pass them by position or by
/// keyword: `round(2)` and `round(precision=2)` are the same call.
struct Signature: Sendable {
    let parameters: [String]
    /// How many leading parameters have no default.
    let required: Int

    init(_ parameters: String..., required: Int = 0) {
        self.parameters = parameters
        self.required = required
    }

    /// Matches arguments to parameters: one slot per parameter, nil where
    /// the call leaves the default. `callee` names the callee in errors,
    /// such as "filter 'round'".
    func bind<Argument>(
        positional: [Argument], keyword: [(name: String, value: Argument)], callee: String
    ) throws(Failure) -> [Argument?] {
        guard positional.count <= parameters.count else {
            let limit = parameters.isEmpty ? "no arguments" : "at most \(parameters.count) argument(s)"
            throw .type("\(callee) takes \(limit), \(positional.count) given")
        }
        var bound: [Argument?] = positional + Array(repeating: nil, count: parameters.count - positional.count)
        for (name, value) in keyword {
            guard let slot = parameters.firstIndex(of: name) else {
                throw .type("\(callee) has no parameter '\(name)'")
            }
            guard bound[slot] == nil else { throw .type("\(callee) got two values for '\(name)'") }
            bound[slot] = value
        }
        if let missing = (0..<required).first(where: { bound[$0] == nil }) {
            throw .type("\(callee) needs the argument '\(parameters[missing])'")
        }
        return bound
    }
}
