/// A 1-based line and column in the template source, counted in Unicode
/// scalars so positions agree with what editors show for ordinary text.
struct SourcePosition: Sendable, Equatable {
    var line: Int
    var column: Int
}

enum TokenKind: Sendable, Equatable {
    /// Literal template text, already trimmed by whitespace control.
    case text(String)
    case printBegin, printEnd, blockBegin, blockEnd
    case name(String)
    case string(String)
    case integer(Int)
    case float(Double)
    /// Operators and punctuation, such as `+`, `//`, `(` or `|`.
    case symbol(String)
    case endOfTemplate

    /// How error messages show the token.
    var display: String {
        switch self {
        case .text: return "template text"
        case .printBegin: return "'{{'"
        case .printEnd: return "'}}'"
        case .blockBegin: return "'{%'"
        case .blockEnd: return "'%}'"
        case .name(let name): return "'\(name)'"
        case .string(let text): return "string '\(text)'"
        case .integer(let number): return "'\(number)'"
        case .float(let number): return "'\(Value.double(number).displayText)'"
        case .symbol(let symbol): return "'\(symbol)'"
        case .endOfTemplate: return "end of template"
        }
    }
}

struct Token: Sendable {
    let kind: TokenKind
    let position: SourcePosition
}

/// Splits template source into text and tag tokens, the way Jinja's lexer
/// does: tags are tokenized as expressions (so `%}` inside a string literal
/// does not end a tag), and whitespace control is applied to the neighbouring
/// text here so the parser never sees it.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private let templateName: String
    private var index = 0
    private var line = 1
    private var column = 1
    private var tokens: [Token] = []
    /// Set by a tag ending in `-%}`, `-}}` or `-#}`: the next text loses its
    /// leading whitespace.
    private var stripNextText = false

    private static let twoCharacterSymbols: Set<String> = ["**", "//", "==", "!=", "<=", ">="]
    private static let oneCharacterSymbols: Set<Unicode.Scalar> = [
        "+", "-", "*", "/", "%", "~", "(", ")", "[", "]", "{", "}", ",", ".", ":", "|", "=", "<", ">",
    ]
    private static let closingBrackets: [Unicode.Scalar: Unicode.Scalar] = [")": "(", "]": "[", "}": "{"]

    init(source: String, templateName: String) {
        // Jinja renders every newline as "\n" and drops one trailing newline
        // (keep_trailing_newline=False); doing both up front keeps the rest
        // of the lexer simple.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(source.unicodeScalars.count)
        var previousWasCarriageReturn = false
        for scalar in source.unicodeScalars {
            if scalar == "\n" && previousWasCarriageReturn {
                previousWasCarriageReturn = false
                continue
            }
            previousWasCarriageReturn = scalar == "\r"
            scalars.append(scalar == "\r" ? "\n" : scalar)
        }
        if scalars.last == "\n" { scalars.removeLast() }
        self.scalars = scalars
        self.templateName = templateName
    }

    mutating func tokenize() throws -> [Token] {
        while index < scalars.count {
            let textStart = index
            let textPosition = position
            while index < scalars.count && !isAtTagOpener { advance() }
            let stripsPrecedingText = isAtTagOpener && peek(2) == "-"
            emitText(scalars[textStart..<index], at: textPosition, stripTrailing: stripsPrecedingText)
            if index < scalars.count { try lexTag() }
        }
        tokens.append(Token(kind: .endOfTemplate, position: position))
        return tokens
    }

    // MARK: Text and tags

    private var position: SourcePosition { SourcePosition(line: line, column: column) }

    private var isAtTagOpener: Bool {
        guard index < scalars.count, scalars[index] == "{", let next = peek(1) else { return false }
        return next == "{" || next == "%" || next == "#"
    }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private func matches(_ text: String, at offset: Int = 0) -> Bool {
        var cursor = index + offset
        for scalar in text.unicodeScalars {
            guard cursor < scalars.count, scalars[cursor] == scalar else { return false }
            cursor += 1
        }
        return true
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count {
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
    }

    private mutating func skipWhitespace() {
        while index < scalars.count && scalars[index].properties.isWhitespace { advance() }
    }

    private mutating func emitText(_ text: ArraySlice<Unicode.Scalar>, at position: SourcePosition, stripTrailing: Bool) {
        var text = text
        if stripNextText {
            while let first = text.first, first.properties.isWhitespace { text.removeFirst() }
            stripNextText = false
        }
        if stripTrailing {
            while let last = text.last, last.properties.isWhitespace { text.removeLast() }
        }
        guard !text.isEmpty else { return }
        tokens.append(Token(kind: .text(String(scalars: text)), position: position))
    }

    private mutating func lexTag() throws {
        let tagPosition = position
        let kind = scalars[index + 1]
        advance(2)
        // "-" asks to strip the text before the tag (already done by the
        // caller); "+" only matters with lstrip_blocks, which Jinja leaves
        // off by default, so it is accepted and has no effect.
        if peek(0) == "-" || peek(0) == "+" { advance() }
        switch kind {
        case "#":
            try lexComment(openedAt: tagPosition)
        case "{":
            tokens.append(Token(kind: .printBegin, position: tagPosition))
            try lexTagBody(closer: "}", endKind: .printEnd)
        default:
            if try lexRawBlockIfPresent(openedAt: tagPosition) { return }
            tokens.append(Token(kind: .blockBegin, position: tagPosition))
            try lexTagBody(closer: "%", endKind: .blockEnd)
        }
    }

    private mutating func lexComment(openedAt tagPosition: SourcePosition) throws {
        let bodyStart = index
        while index < scalars.count {
            if matches("#}") {
                stripNextText = index > bodyStart && scalars[index - 1] == "-"
                advance(2)
                return
            }
            advance()
        }
        throw syntaxError("unexpected end of template, expected '#}' to close the comment", at: tagPosition)
    }

    /// `{% raw %}…{% endraw %}` is handled here because its content must not
    /// be tokenized at all. Returns false, consuming nothing, for other tags.
    private mutating func lexRawBlockIfPresent(openedAt tagPosition: SourcePosition) throws -> Bool {
        guard let openerLength = rawTagLength(keyword: "raw") else { return false }
        let stripsContentStart = scalars[index + openerLength - 3] == "-"
        advance(openerLength)
        let contentStart = index
        let contentPosition = position
        while index < scalars.count {
            if scalars[index] == "{" && peek(1) == "%" {
                let stripsContentEnd = peek(2) == "-"
                let prefixLength = (stripsContentEnd || peek(2) == "+") ? 3 : 2
                let tagStart = index
                advance(prefixLength)
                if let closerLength = rawTagLength(keyword: "endraw") {
                    stripNextText = stripsContentStart
                    emitText(scalars[contentStart..<tagStart], at: contentPosition, stripTrailing: stripsContentEnd)
                    stripNextText = scalars[index + closerLength - 3] == "-"
                    advance(closerLength)
                    return true
                }
                continue
            }
            advance()
        }
        throw syntaxError("unexpected end of template, expected 'endraw'", at: tagPosition)
    }

    /// Length of `<spaces>keyword<spaces>%}` (or `-%}`/`+%}`) at the cursor,
    /// or nil when the cursor is not at such a tag body.
    private func rawTagLength(keyword: String) -> Int? {
        var offset = 0
        while let scalar = peek(offset), scalar.properties.isWhitespace { offset += 1 }
        guard matches(keyword, at: offset) else { return nil }
        offset += keyword.unicodeScalars.count
        if let scalar = peek(offset), scalar.properties.isXIDContinue { return nil }
        while let scalar = peek(offset), scalar.properties.isWhitespace { offset += 1 }
        if matches("%}", at: offset) { return offset + 2 }
        if matches("-%}", at: offset) || matches("+%}", at: offset) { return offset + 3 }
        return nil
    }

    // MARK: Expressions inside tags

    /// Tokenizes up to the closing `}}` (closer "}") or `%}` (closer "%"),
    /// which becomes an `endKind` token.
    /// Like Jinja, a closer inside open brackets belongs to the expression,
    /// so `{{ {'a': {'b': 1}} }}` works.
    private mutating func lexTagBody(closer: Unicode.Scalar, endKind: TokenKind) throws {
        var openBrackets: [Unicode.Scalar] = []
        while true {
            skipWhitespace()
            guard index < scalars.count else {
                let expected = closer == "}" ? "'}}'" : "'%}'"
                throw syntaxError("unexpected end of template, expected \(expected)", at: position)
            }
            if openBrackets.isEmpty {
                if scalars[index] == closer && peek(1) == "}" {
                    tokens.append(Token(kind: endKind, position: position))
                    advance(2)
                    return
                }
                if (scalars[index] == "-" || (scalars[index] == "+" && closer == "%"))
                    && peek(1) == closer && peek(2) == "}"
                {
                    tokens.append(Token(kind: endKind, position: position))
                    stripNextText = scalars[index] == "-"
                    advance(3)
                    return
                }
            }
            let scalar = scalars[index]
            if ("0"..."9").contains(scalar) {
                try lexNumber()
            } else if scalar == "_" || scalar.properties.isXIDStart {
                lexName()
            } else if scalar == "'" || scalar == "\"" {
                try lexString()
            } else {
                try lexSymbol(openBrackets: &openBrackets)
            }
        }
    }

    private mutating func lexSymbol(openBrackets: inout [Unicode.Scalar]) throws {
        let start = position
        let scalar = scalars[index]
        if let next = peek(1) {
            let pair = String(String.UnicodeScalarView([scalar, next]))
            if Self.twoCharacterSymbols.contains(pair) {
                advance(2)
                tokens.append(Token(kind: .symbol(pair), position: start))
                return
            }
        }
        guard Self.oneCharacterSymbols.contains(scalar) else {
            throw syntaxError("unexpected character '\(scalar)'", at: start)
        }
        if scalar == "(" || scalar == "[" || scalar == "{" {
            openBrackets.append(scalar)
        } else if let opener = Self.closingBrackets[scalar] {
            guard let last = openBrackets.popLast() else {
                throw syntaxError("unexpected '\(scalar)'", at: start)
            }
            guard last == opener else {
                let expected = Self.closingBrackets.first { $0.value == last }!.key
                throw syntaxError("unexpected '\(scalar)', expected '\(expected)'", at: start)
            }
        }
        advance()
        tokens.append(Token(kind: .symbol(String(scalar)), position: start))
    }

    private mutating func lexName() {
        let start = position
        var name = String.UnicodeScalarView()
        while index < scalars.count && (scalars[index] == "_" || scalars[index].properties.isXIDContinue) {
            name.append(scalars[index])
            advance()
        }
        tokens.append(Token(kind: .name(String(name)), position: start))
    }

    /// Decimal integers and floats, with `_` allowed between digits as in
    /// Python (`1_000`).
    private mutating func lexNumber() throws {
        let start = position
        var text = ""
        var isFloat = false
        appendDigits(to: &text)
        if peek(0) == ".", let next = peek(1), ("0"..."9").contains(next) {
            isFloat = true
            text.append(".")
            advance()
            appendDigits(to: &text)
        }
        if let marker = peek(0), marker == "e" || marker == "E" {
            var offset = 1
            if peek(1) == "+" || peek(1) == "-" { offset = 2 }
            if let digit = peek(offset), ("0"..."9").contains(digit) {
                isFloat = true
                text.append("e")
                if offset == 2 { text.unicodeScalars.append(scalars[index + 1]) }
                advance(offset)
                appendDigits(to: &text)
            }
        }
        if isFloat {
            tokens.append(Token(kind: .float(Double(text) ?? .infinity), position: start))
        } else {
            guard let number = Int(text) else { throw syntaxError("integer literal \(text) is too large", at: start) }
            tokens.append(Token(kind: .integer(number), position: start))
        }
    }

    private mutating func appendDigits(to text: inout String) {
        while let scalar = peek(0) {
            if ("0"..."9").contains(scalar) {
                text.unicodeScalars.append(scalar)
            } else if scalar == "_", let next = peek(1), ("0"..."9").contains(next) {
                // A separator only, as in Python.
            } else {
                return
            }
            advance()
        }
    }

    /// String literals take Python's escapes; an unknown escape such as `\d`
    /// keeps its backslash, as in Python.
    private mutating func lexString() throws {
        let start = position
        let quote = scalars[index]
        advance()
        var value = String.UnicodeScalarView()
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == quote {
                advance()
                tokens.append(Token(kind: .string(String(value)), position: start))
                return
            }
            if scalar == "\\", let escaped = peek(1) {
                advance(2)
                try appendEscape(escaped, to: &value, at: start)
                continue
            }
            value.append(scalar)
            advance()
        }
        throw syntaxError("unterminated string literal", at: start)
    }

    private mutating func appendEscape(
        _ escaped: Unicode.Scalar, to value: inout String.UnicodeScalarView, at start: SourcePosition
    ) throws {
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "n": "\n", "t": "\t", "r": "\r", "\\": "\\", "'": "'", "\"": "\"",
            "a": "\u{07}", "b": "\u{08}", "f": "\u{0C}", "v": "\u{0B}",
        ]
        if let replacement = simple[escaped] {
            value.append(replacement)
            return
        }
        switch escaped {
        case "\n":
            // A backslash before a newline continues the line, as in Python.
            break
        case "x", "u", "U":
            let width = escaped == "x" ? 2 : escaped == "u" ? 4 : 8
            var digits = ""
            for _ in 0..<width {
                guard let digit = peek(0), digit.properties.isASCIIHexDigit else {
                    throw syntaxError("truncated \\\(escaped) escape in string literal", at: start)
                }
                digits.unicodeScalars.append(digit)
                advance()
            }
            guard let code = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(code) else {
                throw syntaxError("invalid \\\(escaped) escape in string literal", at: start)
            }
            value.append(scalar)
        case "0"..."7":
            var code = escaped.value - 48
            for _ in 0..<2 {
                guard let digit = peek(0), ("0"..."7").contains(digit) else { break }
                code = code * 8 + digit.value - 48
                advance()
            }
            value.append(Unicode.Scalar(code)!)
        default:
            value.append("\\")
            value.append(escaped)
        }
    }

    private func syntaxError(_ message: String, at position: SourcePosition) -> TemplateError {
        TemplateError(kind: .syntax, message: message, name: templateName, line: position.line, column: position.column)
    }
}
