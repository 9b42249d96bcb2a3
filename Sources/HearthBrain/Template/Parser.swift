/// Builds the template's tree from tokens with recursive descent.
///
/// Operator precedence follows Jinja's parser, which differs from Python in
/// two ways templates can notice: filters and `is` tests bind tighter than
/// any binary operator (`1 + 2 is odd` is `1 + (2 is odd)`), and `**` groups
/// to the left (`2 ** 3 ** 2` is 64).
struct Parser {
    private let tokens: [Token]
    private let templateName: String
    private var index = 0
    /// How many tags and enclosing expressions surround the token being parsed.
    private var nesting = 0

    /// How deep tags and expressions may nest. Parsing and rendering
    /// recurse once per level, and a runaway template must fail to parse
    /// rather than exhaust the stack; Jinja gives up at a similar depth
    /// when Python's recursion limit is reached.
    static let maximumDepth = 100

    /// A block being parsed: the tags that may end its current body, and
    /// what to report when the template ends before it is closed.
    private struct OpenBlock {
        let tag: String
        let endTags: Set<String>
        let position: SourcePosition
        var closer: String { "end" + tag }
    }

    private static let comparisonSymbols: [String: ComparisonOperator] = [
        "==": .equal, "!=": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual,
    ]
    private static let productSymbols: [String: BinaryOperator] = [
        "*": .multiply, "/": .divide, "//": .floorDivide, "%": .modulo,
    ]
    /// Jinja tags outside Hearth's subset, named so the error says so
    /// rather than calling them unknown.
    private static let unsupportedTags: Set<String> = [
        "block", "extends", "include", "import", "from", "macro", "call", "filter", "with", "autoescape",
        "do", "break", "continue", "print", "trans", "endblock", "endmacro", "endcall", "endfilter", "endwith",
        "endautoescape", "endtrans",
    ]
    private static let literalNames: [String: Value] = [
        "true": true, "True": true, "false": false, "False": false, "none": nil, "None": nil,
    ]

    init(tokens: [Token], templateName: String) {
        self.tokens = tokens
        self.templateName = templateName
    }

    mutating func parseTemplate() throws -> [Node] {
        try parseBody(in: nil).nodes
    }

    // MARK: Statements

    /// Parses nodes until one of the block's end tags, which is consumed
    /// (its `%}` is left for the caller, which may expect more after the tag name).
    private mutating func parseBody(in block: OpenBlock?) throws -> (nodes: [Node], endTag: String) {
        var nodes: [Node] = []
        while true {
            let token = current
            switch token.kind {
            case .text(let text):
                advance()
                nodes.append(.text(text))
            case .printBegin:
                advance()
                let expression = try parseTuple()
                try expect(.printEnd)
                nodes.append(.output(expression))
            case .blockBegin:
                advance()
                guard case .name(let tag) = current.kind else {
                    throw syntaxError("expected a tag name, got \(current.kind.display)", at: current.position)
                }
                let tagPosition = current.position
                advance()
                if let block, block.endTags.contains(tag) { return (nodes, tag) }
                nodes.append(try parseStatement(tag, at: tagPosition, inside: block))
            case .endOfTemplate:
                if let block {
                    throw syntaxError(
                        "unexpected end of template, expected '\(block.closer)' "
                            + "(the '\(block.tag)' on line \(block.position.line) is not closed)",
                        at: token.position)
                }
                return (nodes, "")
            default:
                throw syntaxError("unexpected \(token.kind.display)", at: token.position)
            }
        }
    }

    private mutating func parseStatement(_ tag: String, at position: SourcePosition, inside block: OpenBlock?) throws -> Node {
        try enterNesting(at: position)
        defer { nesting -= 1 }
        switch tag {
        case "if": return try parseIf(at: position)
        case "for": return try parseFor(at: position)
        case "set": return try parseSet(at: position)
        case "elif", "else", "endif", "endfor", "endset", "endraw":
            let expectation = block.map { ", expected '\($0.closer)'" } ?? ""
            throw syntaxError("unexpected tag '\(tag)'\(expectation)", at: position)
        default:
            if Self.unsupportedTags.contains(tag) {
                throw syntaxError("the '\(tag)' tag is not supported", at: position)
            }
            throw syntaxError("unknown tag '\(tag)'", at: position)
        }
    }

    private mutating func parseIf(at position: SourcePosition) throws -> Node {
        var branches: [Branch] = []
        var condition = try parseExpression()
        try expect(.blockEnd)
        let block = OpenBlock(tag: "if", endTags: ["elif", "else", "endif"], position: position)
        while true {
            let (body, endTag) = try parseBody(in: block)
            branches.append(Branch(condition: condition, body: body))
            switch endTag {
            case "elif":
                condition = try parseExpression()
                try expect(.blockEnd)
            case "else":
                try expect(.blockEnd)
                let otherwise = try parseBody(in: OpenBlock(tag: "if", endTags: ["endif"], position: position)).nodes
                try expect(.blockEnd)
                return .conditional(branches, otherwise: otherwise)
            default:
                try expect(.blockEnd)
                return .conditional(branches, otherwise: [])
            }
        }
    }

    private mutating func parseFor(at position: SourcePosition) throws -> Node {
        var targets = [try parseTargetName()]
        while isSymbol(",") {
            advance()
            targets.append(try parseTargetName())
        }
        guard isName("in") else { throw syntaxError("expected 'in', got \(current.kind.display)", at: current.position) }
        advance()
        // The iterable cannot be a conditional expression: a trailing `if`
        // filters the loop instead, as in Jinja.
        let iterable = try parseTuple(allowConditional: false)
        var filter: Expr?
        if isName("if") {
            advance()
            filter = try parseExpression()
        }
        if isName("recursive") {
            throw syntaxError("recursive loops are not supported", at: current.position)
        }
        try expect(.blockEnd)
        let (body, endTag) = try parseBody(in: OpenBlock(tag: "for", endTags: ["else", "endfor"], position: position))
        try expect(.blockEnd)
        var otherwise: [Node] = []
        if endTag == "else" {
            otherwise = try parseBody(in: OpenBlock(tag: "for", endTags: ["endfor"], position: position)).nodes
            try expect(.blockEnd)
        }
        return .loop(Loop(
            targets: targets, iterable: iterable, filter: filter, body: body, otherwise: otherwise, position: position))
    }

    private mutating func parseSet(at position: SourcePosition) throws -> Node {
        let first = try parseTargetName()
        if isSymbol(".") {
            advance()
            let attributePosition = current.position
            guard case .name(let attribute) = current.kind else {
                throw syntaxError("expected an attribute name, got \(current.kind.display)", at: current.position)
            }
            advance()
            try expectSymbol("=")
            let value = try parseTuple()
            try expect(.blockEnd)
            return .assignAttribute(variable: first, attribute: attribute, value: value, position: attributePosition)
        }
        var targets = [first]
        while isSymbol(",") {
            advance()
            targets.append(try parseTargetName())
        }
        if isSymbol("=") {
            advance()
            let value = try parseTuple()
            try expect(.blockEnd)
            return .assign(targets: targets, value: value)
        }
        guard targets.count == 1 else { throw syntaxError("expected '=', got \(current.kind.display)", at: current.position) }
        var filters: [FilterCall] = []
        while isSymbol("|") {
            advance()
            filters.append(try parseFilterCall())
        }
        try expect(.blockEnd)
        let body = try parseBody(in: OpenBlock(tag: "set", endTags: ["endset"], position: position)).nodes
        try expect(.blockEnd)
        return .capture(name: first, body: body, filters: filters)
    }

    private mutating func parseTargetName() throws -> String {
        guard case .name(let name) = current.kind else {
            throw syntaxError("expected a variable name, got \(current.kind.display)", at: current.position)
        }
        guard Self.literalNames[name] == nil else { throw syntaxError("cannot assign to '\(name)'", at: current.position) }
        advance()
        return name
    }

    // MARK: Expressions, loosest binding first

    /// An expression, or several separated by commas, which make a tuple
    /// (`{% set a, b = 1, 2 %}`).
    private mutating func parseTuple(allowConditional: Bool = true) throws -> Expr {
        let first = try parseExpression(allowConditional: allowConditional)
        guard isSymbol(",") else { return first }
        var items = [first]
        while isSymbol(",") {
            advance()
            if current.kind == .printEnd || current.kind == .blockEnd { break }
            items.append(try parseExpression(allowConditional: allowConditional))
        }
        return try node(.list(items), at: first.position)
    }

    private mutating func parseExpression(allowConditional: Bool = true) throws -> Expr {
        try enterNesting(at: current.position)
        defer { nesting -= 1 }
        return allowConditional ? try parseConditional() : try parseOr()
    }

    private mutating func parseConditional() throws -> Expr {
        var expression = try parseOr()
        while isName("if") {
            let position = current.position
            advance()
            let condition = try parseOr()
            var otherwise: Expr?
            if isName("else") {
                advance()
                otherwise = try parseConditional()
            }
            expression = try node(.conditional(condition: condition, then: expression, otherwise: otherwise), at: position)
        }
        return expression
    }

    private mutating func parseOr() throws -> Expr {
        var left = try parseAnd()
        while isName("or") {
            let position = current.position
            advance()
            left = try node(.or(left, try parseAnd()), at: position)
        }
        return left
    }

    private mutating func parseAnd() throws -> Expr {
        var left = try parseNot()
        while isName("and") {
            let position = current.position
            advance()
            left = try node(.and(left, try parseNot()), at: position)
        }
        return left
    }

    private mutating func parseNot() throws -> Expr {
        guard isName("not") else { return try parseComparison() }
        let position = current.position
        advance()
        try enterNesting(at: position)
        defer { nesting -= 1 }
        return try node(.not(try parseNot()), at: position)
    }

    private mutating func parseComparison() throws -> Expr {
        let first = try parseSum()
        var links: [ComparisonLink] = []
        while true {
            let position = current.position
            let op: ComparisonOperator
            if case .symbol(let symbol) = current.kind, let comparison = Self.comparisonSymbols[symbol] {
                op = comparison
                advance()
            } else if isName("in") {
                op = .contains
                advance()
            } else if isName("not"), case .name("in") = peek.kind {
                op = .notContains
                advance()
                advance()
            } else {
                break
            }
            links.append(ComparisonLink(op: op, operand: try parseSum(), position: position))
        }
        return links.isEmpty ? first : try node(.comparison(first, links), at: first.position)
    }

    private mutating func parseSum() throws -> Expr {
        var left = try parseConcatenation()
        while isSymbol("+") || isSymbol("-") {
            let op: BinaryOperator = isSymbol("+") ? .add : .subtract
            let position = current.position
            advance()
            left = try node(.binary(op, left, try parseConcatenation()), at: position)
        }
        return left
    }

    private mutating func parseConcatenation() throws -> Expr {
        var left = try parseProduct()
        while isSymbol("~") {
            let position = current.position
            advance()
            left = try node(.binary(.concatenate, left, try parseProduct()), at: position)
        }
        return left
    }

    private mutating func parseProduct() throws -> Expr {
        var left = try parsePower()
        while case .symbol(let symbol) = current.kind, let op = Self.productSymbols[symbol] {
            let position = current.position
            advance()
            left = try node(.binary(op, left, try parsePower()), at: position)
        }
        return left
    }

    private mutating func parsePower() throws -> Expr {
        var left = try parseUnary()
        while isSymbol("**") {
            let position = current.position
            advance()
            left = try node(.binary(.power, left, try parseUnary()), at: position)
        }
        return left
    }

    /// Unary minus binds tighter than filters and `**`, as in Jinja:
    /// `-2 ** 2` is 4 and `-x | abs` is `abs(-x)`.
    private mutating func parseUnary(withFilters: Bool = true) throws -> Expr {
        let position = current.position
        var expression: Expr
        if isSymbol("-") || isSymbol("+") {
            let negative = isSymbol("-")
            advance()
            try enterNesting(at: position)
            defer { nesting -= 1 }
            let operand = try parseUnary(withFilters: false)
            expression = try node(negative ? .negate(operand) : .plus(operand), at: position)
        } else {
            expression = try parsePrimary()
        }
        expression = try parsePostfix(expression)
        return withFilters ? try parseFiltersAndTests(expression) : expression
    }

    private mutating func parsePrimary() throws -> Expr {
        let token = current
        switch token.kind {
        case .name(let name):
            advance()
            if let literal = Self.literalNames[name] { return try node(.literal(literal), at: token.position) }
            return try node(.name(name), at: token.position)
        case .string(var text):
            advance()
            // Adjacent literals join, as in Python: 'a' 'b' is 'ab'.
            while case .string(let more) = current.kind {
                text += more
                advance()
            }
            return try node(.literal(.string(text)), at: token.position)
        case .integer(let number):
            advance()
            return try node(.literal(.int(number)), at: token.position)
        case .float(let number):
            advance()
            return try node(.literal(.double(number)), at: token.position)
        case .symbol("("):
            advance()
            if isSymbol(")") {
                advance()
                return try node(.list([]), at: token.position)
            }
            let first = try parseExpression()
            guard isSymbol(",") else {
                try expectSymbol(")")
                return first
            }
            var items = [first]
            while isSymbol(",") {
                advance()
                if isSymbol(")") { break }
                items.append(try parseExpression())
            }
            try expectSymbol(")")
            return try node(.list(items), at: token.position)
        case .symbol("["):
            advance()
            var items: [Expr] = []
            while !isSymbol("]") {
                items.append(try parseExpression())
                guard isSymbol(",") else { break }
                advance()
            }
            try expectSymbol("]")
            return try node(.list(items), at: token.position)
        case .symbol("{"):
            advance()
            var entries: [(key: Expr, value: Expr)] = []
            while !isSymbol("}") {
                let key = try parseExpression()
                try expectSymbol(":")
                entries.append((key, try parseExpression()))
                guard isSymbol(",") else { break }
                advance()
            }
            try expectSymbol("}")
            return try node(.dict(entries), at: token.position)
        default:
            throw syntaxError("expected an expression, got \(token.kind.display)", at: token.position)
        }
    }

    /// `.name`, `.0`, `[…]` and `(…)` after a primary expression.
    private mutating func parsePostfix(_ base: Expr) throws -> Expr {
        var expression = base
        while true {
            if isSymbol(".") {
                advance()
                let token = current
                switch token.kind {
                case .name(let name):
                    expression = try node(.attribute(expression, name), at: token.position)
                case .integer(let number):
                    let index = try node(.literal(.int(number)), at: token.position)
                    expression = try node(.item(expression, index), at: token.position)
                default:
                    throw syntaxError("expected an attribute name after '.', got \(token.kind.display)", at: token.position)
                }
                advance()
            } else if isSymbol("[") {
                expression = try parseSubscript(expression)
            } else if isSymbol("(") {
                expression = try parseCall(expression)
            } else {
                return expression
            }
        }
    }

    private mutating func parseSubscript(_ base: Expr) throws -> Expr {
        let position = current.position
        advance()
        if isSymbol("]") { throw syntaxError("expected an expression, got ']'", at: current.position) }
        var start: Expr?
        if !isSymbol(":") {
            let key = try parseExpression()
            if isSymbol("]") {
                advance()
                return try node(.item(base, key), at: position)
            }
            start = key
        }
        try expectSymbol(":")
        var stop: Expr?
        var step: Expr?
        if !isSymbol("]") && !isSymbol(":") { stop = try parseExpression() }
        if isSymbol(":") {
            advance()
            if !isSymbol("]") { step = try parseExpression() }
        }
        try expectSymbol("]")
        return try node(.slice(base, start: start, stop: stop, step: step), at: position)
    }

    private mutating func parseCall(_ callee: Expr) throws -> Expr {
        let (positional, keyword) = try parseArguments()
        switch callee.kind {
        case .name(let name):
            guard let function = Function(rawValue: name) else {
                throw syntaxError("unknown function '\(name)'", at: callee.position)
            }
            do {
                try function.validate(positionalCount: positional.count, keywordCount: keyword.count)
            } catch {
                throw syntaxError(error.message, at: callee.position)
            }
            return try node(.call(function, positional: positional, keyword: keyword), at: callee.position)
        case .attribute(let receiver, let name):
            return try node(.method(receiver, name: name, positional: positional, keyword: keyword), at: callee.position)
        default:
            throw syntaxError("only functions and methods can be called", at: callee.position)
        }
    }

    /// `( … )` after a callee, filter or test: positional arguments, then
    /// `name=value` keyword arguments.
    private mutating func parseArguments() throws -> (positional: [Expr], keyword: [(name: String, value: Expr)]) {
        try expectSymbol("(")
        var positional: [Expr] = []
        var keyword: [(name: String, value: Expr)] = []
        while !isSymbol(")") {
            if case .name(let name) = current.kind, case .symbol("=") = peek.kind {
                advance()
                advance()
                keyword.append((name, try parseExpression()))
            } else {
                guard keyword.isEmpty else {
                    throw syntaxError("a positional argument cannot follow keyword arguments", at: current.position)
                }
                positional.append(try parseExpression())
            }
            guard isSymbol(",") else { break }
            advance()
        }
        try expectSymbol(")")
        return (positional, keyword)
    }

    private mutating func parseFiltersAndTests(_ base: Expr) throws -> Expr {
        var expression = base
        while true {
            if isSymbol("|") {
                advance()
                let call = try parseFilterCall()
                expression = try node(.filter(expression, call), at: call.position)
            } else if isName("is") {
                advance()
                expression = try parseTest(expression)
            } else {
                return expression
            }
        }
    }

    /// The part of `value | name(arguments)` after the bar. An unknown
    /// filter fails here, at parse time, as it does in Jinja.
    private mutating func parseFilterCall() throws -> FilterCall {
        guard case .name(let name) = current.kind else {
            throw syntaxError("expected a filter name after '|', got \(current.kind.display)", at: current.position)
        }
        let position = current.position
        advance()
        guard let filter = Filter.named(name) else {
            throw TemplateError(
                kind: .unknownFilter(name), message: "unknown filter '\(name)'", name: templateName,
                line: position.line, column: position.column)
        }
        let arguments = isSymbol("(") ? try parseArguments() : ([], [])
        let bound = try bind(filter.signature, arguments, callee: "filter '\(name)'", at: position)
        return FilterCall(filter: filter, arguments: bound, position: position)
    }

    private mutating func parseTest(_ subject: Expr) throws -> Expr {
        var negated = false
        if isName("not") {
            advance()
            negated = true
        }
        guard case .name(let name) = current.kind else {
            throw syntaxError("expected a test name after 'is', got \(current.kind.display)", at: current.position)
        }
        let position = current.position
        advance()
        guard let test = TemplateTest.named(name) else { throw syntaxError("unknown test '\(name)'", at: position) }
        var arguments: (positional: [Expr], keyword: [(name: String, value: Expr)]) = ([], [])
        if isSymbol("(") {
            arguments = try parseArguments()
        } else if !test.signature.parameters.isEmpty && startsBareTestArgument {
            // Jinja's `x is divisibleby 3`: one argument without parentheses.
            arguments.positional = [try parsePostfix(try parsePrimary())]
        }
        let bound = try bind(test.signature, arguments, callee: "test '\(name)'", at: position)
        return try node(.test(subject, TestCall(test: test, arguments: bound, negated: negated)), at: position)
    }

    private var startsBareTestArgument: Bool {
        switch current.kind {
        case .name(let name): return name != "else" && name != "or" && name != "and"
        case .string, .integer, .float: return true
        case .symbol(let symbol): return symbol == "(" || symbol == "[" || symbol == "{"
        default: return false
        }
    }

    private func bind(
        _ signature: Signature, _ arguments: (positional: [Expr], keyword: [(name: String, value: Expr)]),
        callee: String, at position: SourcePosition
    ) throws -> [Expr?] {
        do {
            return try signature.bind(positional: arguments.positional, keyword: arguments.keyword, callee: callee)
        } catch {
            throw syntaxError(error.message, at: position)
        }
    }

    private func node(_ kind: Expr.Kind, at position: SourcePosition) throws -> Expr {
        let expression = Expr(kind: kind, position: position)
        guard expression.depth <= Self.maximumDepth else {
            throw syntaxError("the expression is nested too deeply", at: position)
        }
        return expression
    }

    private mutating func enterNesting(at position: SourcePosition) throws {
        nesting += 1
        guard nesting <= Self.maximumDepth else { throw syntaxError("the template is nested too deeply", at: position) }
    }

    // MARK: Tokens

    private var current: Token { tokens[index] }

    private var peek: Token { tokens[min(index + 1, tokens.count - 1)] }

    /// Moves on, staying on the final end-of-template token.
    private mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    private func isName(_ name: String) -> Bool { current.kind == .name(name) }

    private mutating func expectSymbol(_ symbol: String) throws {
        guard isSymbol(symbol) else {
            throw syntaxError("expected '\(symbol)', got \(current.kind.display)", at: current.position)
        }
        advance()
    }

    private mutating func expect(_ kind: TokenKind) throws {
        guard current.kind == kind else {
            throw syntaxError("expected \(kind.display), got \(current.kind.display)", at: current.position)
        }
        advance()
    }

    private func syntaxError(_ message: String, at position: SourcePosition) -> TemplateError {
        TemplateError(kind: .syntax, message: message, name: templateName, line: position.line, column: position.column)
    }
}
