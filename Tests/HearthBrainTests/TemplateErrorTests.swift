import HearthBrain
import Testing

/// Errors carry a kind, a readable message and the line and column of the
/// offending token, so a brain author can find the mistake.
@Suite struct TemplateErrorTests {
    static let syntaxCases: [ErrorCase] = [
        ErrorCase(
            "{% for x in y %}\nabc", .syntax, at: 2, 4,
            "unexpected end of template, expected 'endfor' (the 'for' on line 1 is not closed)"),
        ErrorCase(
            "{% if a %}{% else %}", .syntax, at: 1, 21,
            "unexpected end of template, expected 'endif' (the 'if' on line 1 is not closed)"),
        ErrorCase("{% if x %}a{% endfor %}", .syntax, at: 1, 15, "unexpected tag 'endfor', expected 'endif'"),
        ErrorCase("{% for x in y %}{% else %}{% else %}", .syntax, at: 1, 30, "unexpected tag 'else', expected 'endfor'"),
        ErrorCase("{% endif %}", .syntax, at: 1, 4, "unexpected tag 'endif'"),
        ErrorCase("line\n  {% foo %}", .syntax, at: 2, 6, "unknown tag 'foo'"),
        ErrorCase("{% macro m() %}{% endmacro %}", .syntax, at: 1, 4, "the 'macro' tag is not supported"),
        ErrorCase("{% %}", .syntax, at: 1, 4, "expected a tag name, got '%}'"),
        ErrorCase("{{ x | nofilter }}", .unknownFilter("nofilter"), at: 1, 8, "unknown filter 'nofilter'"),
        ErrorCase("{% if x %}\n{{ x|upper|shout }}\n{% endif %}", .unknownFilter("shout"), at: 2, 12, "unknown filter 'shout'"),
        ErrorCase("{{ x is nothing }}", .syntax, at: 1, 9, "unknown test 'nothing'"),
        ErrorCase("{{ 1 + }}", .syntax, at: 1, 8, "expected an expression, got '}}'"),
        ErrorCase("{{ }}", .syntax, at: 1, 4, "expected an expression, got '}}'"),
        ErrorCase("{% if %}{% endif %}", .syntax, at: 1, 7, "expected an expression, got '%}'"),
        ErrorCase("{{ x y }}", .syntax, at: 1, 6, "expected '}}', got 'y'"),
        ErrorCase("{{ 'abc }}", .syntax, at: 1, 4, "unterminated string literal"),
        ErrorCase("{{ x", .syntax, at: 1, 5, "unexpected end of template, expected '}}'"),
        ErrorCase("{% if x", .syntax, at: 1, 8, "unexpected end of template, expected '%}'"),
        ErrorCase("a\n{# abc", .syntax, at: 2, 1, "unexpected end of template, expected '#}' to close the comment"),
        ErrorCase("{% raw %} abc", .syntax, at: 1, 1, "unexpected end of template, expected 'endraw'"),
        ErrorCase("{{ (1 }}", .syntax, at: 1, 7, "unexpected '}', expected ')'"),
        ErrorCase("{{ 1) }}", .syntax, at: 1, 5, "unexpected ')'"),
        ErrorCase("{{ 1 $ 2 }}", .syntax, at: 1, 6, "unexpected character '$'"),
        ErrorCase("{{ x[] }}", .syntax, at: 1, 6, "expected an expression, got ']'"),
        ErrorCase("{{ x. }}", .syntax, at: 1, 7, "expected an attribute name after '.', got '}}'"),
        ErrorCase("{{ foo() }}", .syntax, at: 1, 4, "unknown function 'foo'"),
        ErrorCase("{{ 'a'() }}", .syntax, at: 1, 4, "only functions and methods can be called"),
        ErrorCase("{{ range(1, 2, 3, 4) }}", .syntax, at: 1, 4, "range() takes 1 to 3 positional arguments"),
        ErrorCase("{{ dict(1) }}", .syntax, at: 1, 4, "dict() takes keyword arguments only"),
        ErrorCase("{% set true = 1 %}", .syntax, at: 1, 8, "cannot assign to 'true'"),
        ErrorCase("{% set a, b %}{% endset %}", .syntax, at: 1, 13, "expected '=', got '%}'"),
        ErrorCase("{% for x of y %}{% endfor %}", .syntax, at: 1, 10, "expected 'in', got 'of'"),
        ErrorCase("{% for x in [1] recursive %}{% endfor %}", .syntax, at: 1, 17, "recursive loops are not supported"),
        ErrorCase("{% endif x %}", .syntax, at: 1, 4, "unexpected tag 'endif'"),
        ErrorCase("{% if x %}{% endif x %}", .syntax, at: 1, 20, "expected '%}', got 'x'"),
        ErrorCase("{{ 99999999999999999999 }}", .syntax, at: 1, 4, "integer literal 99999999999999999999 is too large"),
        ErrorCase("{{ '\\x4' }}", .syntax, at: 1, 4, "truncated \\x escape in string literal"),
    ]

    @Test(arguments: syntaxCases) func parseError(_ row: ErrorCase) {
        do {
            _ = try Template(source: row.source)
            Issue.record("parsed without error")
        } catch let error as TemplateError {
            #expect(error.kind == row.kind)
            #expect(error.message == row.message)
            #expect(error.line == row.line)
            #expect(error.column == row.column)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    static let renderCases: [ErrorCase] = [
        ErrorCase("{{ 'a' + 1 }}", .type, at: 1, 8, "unsupported operand types for +: 'str' and 'int'"),
        ErrorCase("{{ 1 / 0 }}", .type, at: 1, 6, "division by zero"),
        ErrorCase("{{ 1 // 0 }}", .type, at: 1, 6, "integer division or modulo by zero"),
        ErrorCase("{{ 1 % 0.0 }}", .type, at: 1, 6, "modulo by zero"),
        ErrorCase("{{ 0 ** -1 }}", .type, at: 1, 6, "0 cannot be raised to a negative power"),
        ErrorCase("{{ -'a' }}", .type, at: 1, 4, "bad operand type for unary -: 'str'"),
        ErrorCase("{% for i in 3 %}{% endfor %}", .type, at: 1, 13, "'int' object is not iterable"),
        ErrorCase("{{ 1 < 'a' }}", .type, at: 1, 6, "'<' is not supported between 'int' and 'str'"),
        ErrorCase("{{ 'a' in 1 }}", .type, at: 1, 8, "argument of type 'int' is not iterable"),
        ErrorCase("{{ 1 in 'abc' }}", .type, at: 1, 6, "'in <string>' requires a string as left operand, not 'int'"),
        ErrorCase("line1\n{{ 'x'.nope() }}", .type, at: 2, 8, "'str' object has no method 'nope'"),
        ErrorCase("{{ [1].pop() }}", .type, at: 1, 8, "'list' object has no method 'pop'"),
        ErrorCase("{{ 'a'.split('') }}", .type, at: 1, 8, "split() got an empty separator"),
        ErrorCase("{{ 'a'.startswith(1) }}", .type, at: 1, 8, "startswith() needs a string argument, not 'int'"),
        ErrorCase("{{ 'a'.lower(1) }}", .type, at: 1, 8, "lower() takes no arguments, 1 given"),
        ErrorCase("{{ [1][1:2:0] }}", .type, at: 1, 7, "slice step cannot be zero"),
        ErrorCase("{{ [1]['a':] }}", .type, at: 1, 7, "slice indices must be integers or none, not 'str'"),
        ErrorCase("{{ {[1]: 2} }}", .type, at: 1, 4, "a dict key must be a string or an int, not 'list'"),
        ErrorCase("{{ range('a') }}", .type, at: 1, 4, "range() needs int arguments, not 'str'"),
        ErrorCase("{{ range(1, 2, 0) }}", .type, at: 1, 4, "range() step must not be zero"),
        ErrorCase("{{ x + 1 }}", .undefinedVariable("x"), at: 1, 6, "'x' is undefined"),
    ]

    @Test(arguments: renderCases) func renderError(_ row: ErrorCase) throws {
        let template = try Template(source: row.source)
        do {
            _ = try template.render(row.context)
            Issue.record("rendered without error")
        } catch let error as TemplateError {
            #expect(error.kind == row.kind)
            #expect(error.message == row.message)
            #expect(error.line == row.line)
            #expect(error.column == row.column)
        }
    }

    /// Deep nesting fails to parse instead of exhausting the stack while
    /// rendering; 100 levels is about where Jinja itself gives up.
    @Test func nestingIsBounded() throws {
        func chain(_ terms: Int) -> String { "{{ " + Array(repeating: "x", count: terms).joined(separator: " ~ ") + " }}" }
        func ifs(_ depth: Int, around body: String) -> String {
            String(repeating: "{% if true %}", count: depth) + body + String(repeating: "{% endif %}", count: depth)
        }
        #expect(try render(ifs(99, around: chain(100)), ["x": "a"]) == String(repeating: "a", count: 100))
        #expect(try render("{{ " + String(repeating: "(", count: 99) + "1" + String(repeating: ")", count: 99) + " }}") == "1")

        #expect(templateError(chain(101))?.message == "the expression is nested too deeply")
        #expect(templateError(ifs(100, around: "x"))?.message == "the template is nested too deeply")
        let parentheses = "{{ " + String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000) + " }}"
        #expect(templateError(parentheses)?.message == "the template is nested too deeply")
        #expect(templateError("{{ " + String(repeating: "-", count: 5000) + "1 }}")?.kind == .syntax)
        #expect(templateError("{{ " + String(repeating: "not ", count: 5000) + "1 }}")?.kind == .syntax)
        #expect(templateError("{{ x" + String(repeating: "|upper", count: 150) + " }}")?.kind == .syntax)
    }

    @Test func descriptionNamesTheTemplate() {
        #expect(throws: TemplateError(
            kind: .syntax, message: "unknown tag 'fi'", name: "greeting.j2", line: 2, column: 4)
        ) {
            try Template(source: "Hello\n{% fi %}", name: "greeting.j2")
        }
        let error = TemplateError(kind: .type, message: "division by zero", name: "say.j2", line: 3, column: 9)
        #expect(error.description == "say.j2:3:9: division by zero")
        #expect(templateError("{{ 1 / 0 }}")?.description == "template:1:6: division by zero")
    }
}
