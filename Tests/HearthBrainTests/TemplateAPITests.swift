import HearthBrain
import Testing

/// The parts of `Template` the rest of Hearth relies on besides rendering.
@Suite struct TemplateAPITests {
    static let referencedNameCases: [(source: String, names: Set<String>)] = [
        ("{{ a }}{{ b.c }}{{ d['e'] }}{{ f|default(g) }}{{ h.m(i) }}", ["a", "b", "d", "f", "g", "h", "i"]),
        ("{{ 'literal' }}{{ true }}{{ none }}{{ range(3)|list }}", []),
        ("{% set x = 1 %}{{ x }}{{ y }}", ["y"]),
        ("{{ x }}{% set x = 1 %}{{ x }}", ["x"]),
        ("{% set a, b = pair %}{{ a }}{{ b }}", ["pair"]),
        ("{% for i in items %}{{ i }}{{ loop.index }}{{ outer }}{% endfor %}{{ i }}", ["items", "outer", "i"]),
        ("{% for k, v in d.items() if v > limit %}{{ k }}{% endfor %}", ["d", "limit"]),
        ("{% for x in xs %}{% else %}{{ x }}{% endfor %}", ["xs", "x"]),
        ("{% for x in xs %}{% set t = x %}{% endfor %}{{ t }}", ["xs", "t"]),
        ("{% if a %}{% set x = 1 %}{% endif %}{{ x }}", ["a", "x"]),
        ("{% if a %}{% set x = 1 %}{% elif b %}{% set x = 2 %}{% else %}{% set x = 3 %}{% endif %}{{ x }}", ["a", "b"]),
        ("{% set ns = namespace(n=0) %}{% set ns.n = ns.n + step %}", ["step"]),
        ("{% set n.a = 1 %}", ["n"]),
        ("{% set s | replace(old, 'x') %}{{ inner }}{% endset %}{{ s }}", ["inner", "old"]),
        ("{% raw %}{{ not_a_name }}{% endraw %}{# {{ nor_this }} #}", []),
    ]

    @Test(arguments: referencedNameCases) func referencedNames(source: String, names: Set<String>) throws {
        #expect(try Template(source: source).referencedNames == names)
    }

    @Test(arguments: [
        ("{{ x }}", true), ("{% if x %}", true), ("text {{", true), ("{%", true), ("a{{b", true),
        ("plain text", false), ("", false), ("{# comment #}", false), ("{ {", false), ("}}", false),
        ("100% sure", false), ("{x}", false),
    ])
    func containsSyntax(text: String, expected: Bool) {
        #expect(Template.containsSyntax(text) == expected)
    }

    /// Parsed once, a template is a value any task may render.
    @Test func rendersConcurrentlyFromOneParse() async throws {
        let template = try Template(source: "{% for i in range(n) %}{{ i }}{% endfor %}")
        let outputs = try await withThrowingTaskGroup(of: String.self) { group in
            for n in 0..<8 { group.addTask { try template.render(["n": .int(n)]) } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(outputs == ["", "0", "01", "012", "0123", "01234", "012345", "0123456"])
    }

    @Test func renderingDoesNotChangeTheTemplate() throws {
        let template = try Template(source: "{% set x = (x or 0) + 1 %}{{ x }}")
        #expect(try template.render([:]) == "1")
        #expect(try template.render([:]) == "1")
        #expect(try template.render(["x": 5]) == "6")
    }
}
