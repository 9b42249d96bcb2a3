import HearthBrain
import Testing

/// Lenient and strict handling of names the context lacks. Lenient output
/// matches Jinja's default Undefined, except that reading an attribute or
/// item of a missing value gives another missing value instead of failing.
/// Strict mode fails where the missing value is used, naming it, so Hearth
/// can skip a neuron whose parameters need a value that is not there.
@Suite struct TemplateUndefinedTests {
    enum Outcome: Sendable, Equatable {
        case renders(String)
        /// Fails with `.undefinedVariable(name)`.
        case fails(String)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let source: String
        let context: [String: Value]
        let lenient: Outcome
        let strict: Outcome
        var testDescription: String { source }
    }

    static let rows: [Row] = [
        Row(source: "[{{ x }}]", context: [:], lenient: .renders("[]"), strict: .fails("x")),
        Row(source: "[{{ user.name }}]", context: [:], lenient: .renders("[]"), strict: .fails("user")),
        Row(source: "[{{ user.name }}]", context: ["user": [:]], lenient: .renders("[]"), strict: .fails("user.name")),
        Row(source: "[{{ items[3] }}]", context: ["items": [1]], lenient: .renders("[]"), strict: .fails("items[3]")),
        Row(source: "[{{ d[k] }}]", context: ["d": ["a": 1]], lenient: .renders("[]"), strict: .fails("k")),
        Row(source: "[{{ x.lower() }}]", context: [:], lenient: .renders("[]"), strict: .fails("x")),
        Row(source: "{{ x|default('d') }}", context: [:], lenient: .renders("d"), strict: .renders("d")),
        Row(source: "{{ x.y[0]|default('d') }}", context: [:], lenient: .renders("d"), strict: .renders("d")),
        Row(source: "{{ x|d(y)|d('last') }}", context: [:], lenient: .renders("last"), strict: .renders("last")),
        Row(
            source: "{{ x is defined }}|{{ x is undefined }}|{{ x is none }}|{{ x is not none }}", context: [:],
            lenient: .renders("False|True|False|True"), strict: .renders("False|True|False|True")),
        Row(
            source: "{{ 'yes' if x is defined else 'no' }}", context: [:], lenient: .renders("no"),
            strict: .renders("no")),
        Row(
            source: "{% set y = x %}{{ y is defined }}", context: [:], lenient: .renders("False"),
            strict: .renders("False")),
        Row(source: "{% if x %}a{% else %}b{% endif %}", context: [:], lenient: .renders("b"), strict: .fails("x")),
        Row(
            source: "{% for i in x %}a{% else %}b{% endfor %}", context: [:], lenient: .renders("b"),
            strict: .fails("x")),
        Row(source: "{{ x ~ '!' }}", context: [:], lenient: .renders("!"), strict: .fails("x")),
        Row(source: "{{ x == none }}|{{ x != 1 }}", context: [:], lenient: .renders("False|True"), strict: .fails("x")),
        Row(source: "{{ 'a' in x }}", context: [:], lenient: .renders("False"), strict: .fails("x")),
        Row(source: "{{ x or 'fallback' }}", context: [:], lenient: .renders("fallback"), strict: .fails("x")),
        Row(source: "{{ x|length }}", context: [:], lenient: .renders("0"), strict: .fails("x")),
        Row(source: "[{{ x|upper }}]", context: [:], lenient: .renders("[]"), strict: .fails("x")),
        // A list cannot hold undefined; "" prints as Jinja's Undefined would
        // on its own (Jinja shows the list as "[Undefined]").
        Row(source: "{{ [x] }}", context: [:], lenient: .renders("['']"), strict: .fails("x")),
        Row(source: "[{{ []|first }}]", context: [:], lenient: .renders("[]"), strict: .fails("first")),
        // Arithmetic on a missing value fails in both modes, as in Jinja.
        Row(source: "{{ x + 1 }}", context: [:], lenient: .fails("x"), strict: .fails("x")),
        Row(source: "{{ -x }}", context: [:], lenient: .fails("x"), strict: .fails("x")),
        Row(source: "{{ x < 1 }}", context: [:], lenient: .fails("x"), strict: .fails("x")),
        Row(source: "{{ x|int }}", context: [:], lenient: .fails("x"), strict: .fails("x")),
        Row(source: "{{ range(x) }}", context: [:], lenient: .fails("x"), strict: .fails("x")),
        Row(source: "{{ x }}", context: ["x": nil], lenient: .renders("None"), strict: .renders("None")),
    ]

    @Test(arguments: rows) func lenient(_ row: Row) {
        #expect(Self.outcome(row, .lenient) == row.lenient)
    }

    @Test(arguments: rows) func strict(_ row: Row) {
        #expect(Self.outcome(row, .strict) == row.strict)
    }

    static func outcome(_ row: Row, _ behavior: UndefinedBehavior) -> Outcome? {
        do {
            return .renders(try render(row.source, row.context, undefined: behavior))
        } catch let error as TemplateError {
            guard case .undefinedVariable(let name) = error.kind else { return nil }
            return .fails(name)
        } catch {
            return nil
        }
    }

    @Test func strictErrorsPointAtTheUse() {
        let error = templateError("Hello\n  {{ name }}!", undefined: .strict)
        #expect(error?.kind == .undefinedVariable("name"))
        #expect(error?.message == "'name' is undefined")
        #expect(error?.line == 2)
        #expect(error?.column == 6)
    }
}
