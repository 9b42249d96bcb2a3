import HearthBrain
import Testing

/// Tags (`if`, `for`, `set`, `raw`), comments, whitespace control and
/// Jinja's scoping rules.
@Suite struct TemplateStatementTests {
    static let conditionalCases: [RenderCase] = [
        RenderCase("{% if true %}yes{% endif %}|{% if 0 %}no{% endif %}|{% if [] %}no{% else %}empty{% endif %}", "yes||empty"),
        RenderCase("{% if false %}a{% elif 0 %}b{% elif 'x' %}c{% else %}d{% endif %}|{% if none %}a{% elif 1 %}b{% endif %}", "c|b"),
        RenderCase("{% if user and user.admin %}admin{% elif user %}user{% else %}guest{% endif %}", "user", ["user": ["admin": false]]),
        RenderCase("{% if n > 1 %}{{ n }} items{% elif n == 1 %}one item{% else %}nothing{% endif %}", "3 items", ["n": 3]),
        RenderCase("{% if true %}{% if false %}a{% else %}b{% endif %}{% endif %}", "b"),
    ]

    @Test(arguments: conditionalCases) func conditional(_ row: RenderCase) throws {
        #expect(try render(row.source, row.context) == row.expected)
    }

    static let loopCases: [RenderCase] = [
        RenderCase("{% for i in [1, 2, 3] %}{{ i }}{% endfor %}|{% for c in 'abc' %}{{ c }}.{% endfor %}|{% for k in {'a': 1, 'b': 2} %}{{ k }}{% endfor %}", "123|a.b.c.|ab"),
        RenderCase("{% for i in 'ab' %}{{ loop.index }}{{ loop.index0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }}{{ loop.revindex }}{{ loop.revindex0 }};{% endfor %}", "10TrueFalse221;21FalseTrue210;"),
        RenderCase("{% for i in [] %}x{% else %}empty{% endfor %}|{% for i in [1] %}x{% else %}empty{% endfor %}", "empty|x"),
        RenderCase("{% for i in range(1, 7) if i is even %}{{ i }}/{{ loop.index }}/{{ loop.length }};{% endfor %}|{% for i in [1, 3] if i is even %}x{% else %}none even{% endfor %}", "2/1/3;4/2/3;6/3/3;|none even"),
        RenderCase("{% for k, v in {'a': 1, 'b': 2}.items() %}{{ k }}={{ v }};{% endfor %}|{% for a, b in [[1, 2], [3, 4]] %}{{ a + b }};{% endfor %}|{% for a, b in ['xy'] %}{{ b }}{{ a }}{% endfor %}", "a=1;b=2;|3;7;|yx"),
        RenderCase("{% for row in [[1, 2], [3]] %}{% for x in row %}{{ loop.index }}:{{ x }} {% endfor %}/{{ loop.index }};{% endfor %}", "1:1 2:2 /1;1:3 /2;"),
        RenderCase("{% for page in pages %}{{ page.title }}{% if not loop.last %}, {% endif %}{% endfor %}", "A, B, C", ["pages": [["title": "A"], ["title": "B"], ["title": "C"]]]),
        RenderCase("{% for x in [1, 2] %}{{ x }}{% endfor %}{{ x }}", "12"),
    ]

    @Test(arguments: loopCases) func loop(_ row: RenderCase) throws {
        #expect(try render(row.source, row.context) == row.expected)
    }

    static let assignmentCases: [RenderCase] = [
        RenderCase("{% set x = 1 %}{{ x }}|{% set x = x + 1 %}{{ x }}|{% set a, b = 1, 2 %}{{ a }}{{ b }}|{% set c = 1, 2 %}{{ c|length }}|{% set d, e = [3, 4] %}{{ d }}{{ e }}", "1|2|12|2|34"),
        RenderCase("{% set greeting = 'Hello' %}{% set name = greeting ~ ' ' ~ 'Ann' %}{{ name }}", "Hello Ann"),
        RenderCase("{% set d = {\n    'k': 'v',\n    'n': {'m': 1},\n} %}{{ d.n.m }}{{ d['k'] }}", "1v"),
        RenderCase("{% set x %}hello {{ 1 + 1 }}{% endset %}[{{ x }}]|{% set y | upper %}abc{% endset %}{{ y }}|{% set z | trim | title %}  two words {% endset %}{{ z }}", "[hello 2]|ABC|Two Words"),
        RenderCase("{% set shown = name %}{{ shown }}", "context value", ["name": "context value"]),
        RenderCase("{% set name = 'template value' %}{{ name }}", "template value", ["name": "context value"]),
    ]

    @Test(arguments: assignmentCases) func assignment(_ row: RenderCase) throws {
        #expect(try render(row.source, row.context) == row.expected)
    }

    /// A `set` inside a loop body (or a `set` block, or a loop's `else`)
    /// stays there; `if` has no scope of its own; `namespace()` is the way
    /// out of a loop.
    static let scopingCases: [RenderCase] = [
        RenderCase("{% set x = 1 %}{% for i in [1, 2] %}{% set x = x + 10 %}{{ x }};{% endfor %}{{ x }}", "11;11;1"),
        RenderCase("{% set x = 1 %}{% for i in [1, 2] %}{{ x }}{% set x = 2 %}{{ x }};{% endfor %}{{ x }}", "12;12;1"),
        RenderCase("{% set x = 1 %}{% if true %}{% set x = 2 %}{% endif %}{{ x }}", "2"),
        RenderCase("{% for i in [1] %}{% set z = 5 %}{% for j in [1] %}{{ z }}{% set z = 6 %}{{ z }}{% endfor %}{{ z }}{% endfor %}", "565"),
        RenderCase("{% for i in [] %}{% else %}{% set x = 1 %}{% endfor %}[{{ x }}]", "[]"),
        RenderCase("{% set y %}{% set z = 5 %}{{ z }}{% endset %}[{{ y }}][{{ z }}]", "[5][]"),
        RenderCase("{% set ns = namespace(count=0, seen='') %}{% for i in [1, 2, 3] %}{% set ns.count = ns.count + i %}{% set ns.seen = ns.seen ~ i %}{% endfor %}{{ ns.count }} {{ ns.seen }}", "6 123"),
        RenderCase("{% set ns = namespace(found=false) %}{% for i in [1, 2] %}{% for j in [3, 4] %}{% if i * j == 8 %}{% set ns.found = true %}{% endif %}{% endfor %}{% endfor %}{{ ns.found }}", "True"),
        RenderCase("{% for i in [1, 2] %}{% set ns = namespace(n=i) %}{% set ns.n = ns.n * 10 %}{{ ns.n }};{% endfor %}", "10;20;"),
    ]

    @Test(arguments: scopingCases) func scoping(_ row: RenderCase) throws {
        #expect(try render(row.source, row.context) == row.expected)
    }

    /// Whitespace control, raw blocks, comments, plain braces in text, and
    /// newline handling (one trailing newline dropped, CRLF read as LF).
    static let textCases: [RenderCase] = [
        RenderCase("a  {%- if true -%}  b  {%- endif -%}  c", "abc"),
        RenderCase("a\n  {%- if true %}\nb\n  {%+ endif -%}\nc", "a\nb\n  c"),
        RenderCase("x {#- comment -#} y {# kept spaces #} z", "xy  z"),
        RenderCase("{{- 'a' -}}  {{ 'b' }}  {{- 'c' }}|{{-1}}", "abc|1"),
        RenderCase("line1\n{% if true %}\nline2\n{% endif %}\nline3", "line1\n\nline2\n\nline3"),
        RenderCase("  {%- for i in [1, 2] -%}\n  {{ i }}\n  {%- endfor -%}\n  end", "12end"),
        RenderCase("{% for i in [1, 2] %}\n- {{ i }}\n{% endfor %}\n", "\n- 1\n\n- 2\n"),
        RenderCase("{% if true -%}\n\n   \t yes   \n{%- endif %}", "yes"),
        RenderCase("a {% raw %} {{ x }} {% if %} {# #} {% endraw %} b", "a  {{ x }} {% if %} {# #}  b"),
        RenderCase("a {%- raw -%}  {{ x }}  {%- endraw -%} b|{% raw %}{% endraw %}", "a{{ x }}b|"),
        RenderCase("{# {{ never }} {% rendered %} #}shown", "shown"),
        RenderCase("{# a\nmulti-line\ncomment #}after", "after"),
        RenderCase("text with { braces } and {single} and % signs %} and }}", "text with { braces } and {single} and % signs %} and }}"),
        RenderCase("{% if true -%}{{ 'a' }}  b{% endif %}|{{ 'a' -}}\n\n{#- c -#}\n\n{{- 'b' }}", "a  b|ab"),
        RenderCase("  {%- if true %}x{% endif -%}  ", "x"),
        RenderCase("a {{- ' ' -}} b|{{ ' x ' }}", "a b| x "),
        RenderCase("{% for i in [1, 2, 3] -%}\n  {{ i }}\n{%- endfor %}", "123"),
        RenderCase("x\n{%- raw %} y {% endraw -%}\nz", "x y z"),
        RenderCase("{% set s -%}\n  padded  \n{%- endset %}[{{ s }}]", "[padded]"),
        RenderCase("{{ '}}' }}|{% set x = '%}' %}{{ x }}|{{ \"{{ '{%' }}\" }}", "}}|%}|{{ '{%' }}"),
        RenderCase("{{ 5 - 1 }}|{{ 5 -}} x|{{ -1 }}", "4|5x|-1"),
        RenderCase("trailing newline\n", "trailing newline"),
        RenderCase("two trailing newlines\n\n", "two trailing newlines\n"),
        RenderCase("crlf\r\nlines\r\n{{ 'x' }}\r\n", "crlf\nlines\nx"),
    ]

    @Test(arguments: textCases) func text(_ row: RenderCase) throws {
        #expect(try render(row.source, row.context) == row.expected)
    }

    /// Jinja fixes scopes when it compiles: inside a loop, a name that the
    /// template sets at top level later on already means the template's
    /// own, still unset, variable, so Jinja prints "" here. Hearth looks
    /// names up as it renders and finds the context's value.
    @Test func aLaterTopLevelSetDoesNotHideTheContextInsideALoop() throws {
        #expect(try render("{% for i in [1] %}{{ n }}{% endfor %}{% set n = 5 %}{{ n }}", ["n": 3]) == "35")
    }

    @Test func loopOverAMissingValueRendersElse() throws {
        #expect(try render("{% for x in missing %}x{% else %}none{% endfor %}") == "none")
    }

    @Test func namespaceAttributesNeedAMap() {
        let error = templateError("{% set n = 1 %}{% set n.a = 2 %}")
        #expect(error?.kind == .type)
        #expect(error?.message == "cannot set an attribute on 'int', only on a namespace")
        #expect(error?.column == 25)
        #expect(templateError("{% set ns.a = 2 %}")?.kind == .undefinedVariable("ns"))
    }

    @Test func unpackingNeedsMatchingLengths() {
        let error = templateError("{% for a, b in [[1, 2, 3]] %}{% endfor %}")
        #expect(error?.kind == .type)
        #expect(error?.message == "cannot unpack 3 values into 2 names")
        #expect(templateError("{% set a, b = 1 %}")?.message == "cannot unpack 'int' into 2 names")
    }
}
