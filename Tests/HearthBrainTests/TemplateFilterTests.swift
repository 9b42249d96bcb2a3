import HearthBrain
import Testing

/// Filters (`value | name(arguments)`) and tests (`value is name`).
@Suite struct TemplateFilterTests {
    static let filterCases: [RenderCase] = [
        // default / d
        RenderCase("{{ missing|default('fallback') }}|{{ missing|d('short') }}|{{ missing|default }}|{{ ''|default('x') }}|{{ ''|default('x', true) }}|{{ 0|d('zero', boolean=true) }}|{{ none|default('x') }}|{{ 'set'|default('x', true) }}", "fallback|short|||x|zero|None|set"),
        RenderCase("{{ missing|default(other)|default('both') }}", "both"),
        // int and float
        RenderCase("{{ '08'|int }}|{{ ' 42 '|int }}|{{ '-12'|int }}|{{ '+5'|int }}|{{ '1_000'|int }}|{{ '3.9'|int }}|{{ '1e3'|int }}|{{ 'abc'|int }}|{{ ''|int }}|{{ 'x'|int(7) }}|{{ 'x'|int(default=-1) }}", "8|42|-12|5|1000|3|1000|0|0|7|-1"),
        RenderCase("{{ 3.9|int }}|{{ -3.9|int }}|{{ true|int }}|{{ none|int }}|{{ [1]|int }}|{{ 'ff'|int(base=16) }}|{{ '0xff'|int(0, 16) }}|{{ '101'|int(base=2) }}", "3|-3|1|0|0|255|255|5"),
        RenderCase("{{ '1.5'|float }}|{{ ' 2 '|float }}|{{ '-1e-3'|float }}|{{ '.5'|float }}|{{ '1_0.5'|float }}|{{ 'inf'|float }}|{{ 'a'|float }}|{{ '0x10'|float }}|{{ 'a'|float(1.5) }}|{{ 3|float }}|{{ none|float }}", "1.5|2.0|-0.001|0.5|10.5|inf|0.0|0.0|1.5|3.0|0.0"),
        // strings
        RenderCase("{{ 5|string }}|{{ none|string }}|{{ [1, 'a']|string }}|{{ 2.50|string }}", "5|None|[1, 'a']|2.5"),
        RenderCase("{{ 'MiXed ÉTÉ'|lower }}|{{ 'MiXed été'|upper }}|{{ 5|upper }}|{{ 'hELLO wORLD'|capitalize }}|{{ ''|capitalize }}", "mixed été|MIXED ÉTÉ|5|Hello world|"),
        RenderCase("{{ \"they're bill's 2nd-best (ok) [x] <y> {z}\"|title }}|{{ 'hello   world'|title }}", "They're Bill's 2nd-Best (Ok) [X] <Y> {Z}|Hello   World"),
        RenderCase("{{ '  pad \\n'|trim }}|{{ 'xxpadxx'|trim('x') }}|{{ ''|trim }}", "pad|pad|"),
        RenderCase("{{ 'aaa'|replace('a', 'b') }}|{{ 'aaa'|replace('a', 'b', 2) }}|{{ 'abc'|replace('', '-') }}|{{ 'a1a'|replace(1, 2) }}|{{ 'None'|replace(none, 'x') }}", "bbb|bba|-a-b-c-|a2a|x"),
        RenderCase("{{ 'Hello World'|truncate(5) }}|{{ 'Hello World foo bar baz'|truncate(9) }}|{{ 'Hello World foo bar baz'|truncate(9, true) }}|{{ 'Hello World'|truncate(9) }}|{{ 'Hello World foo'|truncate(9, end='~') }}|{{ 'Hello World foo'|truncate(12, leeway=0) }}|{{ 'short'|truncate }}", "He...|Hello...|Hello ...|Hello World|Hello~|Hello...|short"),
        RenderCase("{{ 'one two  three'|wordcount }}|{{ \"it's-a_b c3\"|wordcount }}|{{ ''|wordcount }}|{{ 'élan vital'|wordcount }}", "3|4|0|2"),
        RenderCase("{{ '<a href=\"x\">Tom & Jerry\\'s</a>'|e }}|{{ '<b>'|escape }}|{{ '<b>'|safe }}|{{ none|e }}|{{ 1|safe }}", "&lt;a href=&#34;x&#34;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;|&lt;b&gt;|<b>|None|1"),
        // sequences
        RenderCase("{{ 'héllo'|length }}|{{ [1, 2]|count }}|{{ {'a': 1}|length }}|{{ ''|length }}", "5|2|1|0"),
        RenderCase("{{ [1, 2, 3]|join }}|{{ [1, 'a', none]|join(', ') }}|{{ 'abc'|join('-') }}|{{ [{'n': 'x'}, {'n': 'y'}]|join(',', attribute='n') }}", "123|1, a, None|a-b-c|x,y"),
        RenderCase("{{ [3, 1, 2]|first }}|{{ [3, 1, 2]|last }}|{{ 'abc'|first }}|{{ 'abc'|last }}|{{ []|first }}|{{ []|last }}", "3|2|a|c||"),
        RenderCase("{{ 'abc'|list }}|{{ {'b': 1}|list }}|{{ [1]|list }}", "['a', 'b', 'c']|['b']|[1]"),
        RenderCase("{{ [3, 1, 2]|sort }}|{{ [3, 1, 2]|sort(reverse=true) }}|{{ ['b', 'A', 'a', 'B']|sort }}|{{ ['b', 'A', 'a', 'B']|sort(case_sensitive=true) }}|{{ [2.5, 1, true]|sort }}", "[1, 2, 3]|[3, 2, 1]|['A', 'a', 'b', 'B']|['A', 'B', 'a', 'b']|[1, True, 2.5]"),
        RenderCase("{{ [{'n': 2, 'k': 'b'}, {'n': 1, 'k': 'a'}, {'n': 2, 'k': 'c'}]|sort(attribute='n')|join(attribute='k') }}|{{ [{'n': 2, 'k': 'b'}, {'n': 1, 'k': 'a'}, {'n': 2, 'k': 'c'}]|sort(attribute='n', reverse=true)|join(attribute='k') }}", "abc|bca"),
        RenderCase("{{ 'abc'|reverse }}|{{ [1, 2, 3]|reverse|list }}", "cba|[3, 2, 1]"),
        RenderCase("{{ ['a', 'A', 'b', 'a']|unique|list }}|{{ ['a', 'A', 'b']|unique(case_sensitive=true)|list }}|{{ [1, 1.0, 2]|unique|list }}", "['a', 'b']|['a', 'A', 'b']|[1, 2]"),
        RenderCase("{{ [1, 3, 2]|max }}|{{ [1, 3, 2]|min }}|{{ ['a', 'B', 'c']|max }}|{{ ['a', 'B', 'c']|min }}|{{ ['a', 'B']|max(case_sensitive=true) }}|{{ []|max }}|{{ [{'n': 1}, {'n': 5}]|max(attribute='n') }}", "3|1|c|a|a||{'n': 5}"),
        RenderCase("{{ [1, 2.5]|sum }}|{{ [1, 2]|sum(start=10) }}|{{ []|sum }}|{{ [{'n': 2}, {'n': 3}]|sum(attribute='n') }}|{{ [[1], [2]]|sum(start=[]) }}", "3.5|13|0|5|[1, 2]"),
        // numbers
        RenderCase("{{ 2.5|round }}|{{ 3.5|round }}|{{ -2.5|round }}|{{ 3|round }}|{{ 2.675|round(2) }}|{{ 0.125|round(2) }}|{{ 1234.5|round(-2) }}|{{ 1250|round(-2) }}", "2.0|4.0|-2.0|3|2.67|0.12|1200.0|1200"),
        RenderCase("{{ 2.1|round(0, 'ceil') }}|{{ 2.9|round(method='floor') }}|{{ -2.1|round(0, 'floor') }}|{{ 3|round(0, 'floor') }}|{{ 1.234|round(2, 'ceil') }}", "3.0|2.0|-3.0|3.0|1.24"),
        RenderCase("{{ -3|abs }}|{{ -3.5|abs }}|{{ 2|abs }}|{{ true|abs }}", "3|3.5|2|1"),
        // json
        RenderCase("{{ {'b': [1, 2.0, none, true], 'a': 'é<\\'>&\\n'}|tojson }}|{{ [1, {'a': 2}]|tojson(2) }}|{{ []|tojson(2) }}|{{ '😀'|tojson }}", "{\"a\": \"\\u00e9\\u003c\\u0027\\u003e\\u0026\\n\", \"b\": [1, 2.0, null, true]}|[\n  1,\n  {\n    \"a\": 2\n  }\n]|[]|\"\\ud83d\\ude00\""),
        // chains
        RenderCase("{{ ' Hello '|trim|lower|replace('l', 'L')|length }}|{{ [3, 1, 2]|sort|first }}|{{ hours|int() + 1 }}", "5|1|17", ["hours": "16"]),
    ]

    @Test(arguments: filterCases) func filter(_ row: RenderCase) throws {
        #expect(try render(row.source, row.context) == row.expected)
    }

    static let testCases: [RenderCase] = [
        RenderCase("{{ none is none }}|{{ 0 is none }}|{{ none is not none }}|{{ missing is none }}", "True|False|False|False"),
        RenderCase("{{ missing is defined }}|{{ missing is undefined }}|{{ 0 is defined }}|{{ none is defined }}|{{ missing is not defined }}", "False|True|True|True|True"),
        RenderCase("{{ 1 is number }}|{{ 1.5 is number }}|{{ true is number }}|{{ '1' is number }}|{{ 1 is integer }}|{{ true is integer }}|{{ 1.0 is float }}|{{ true is boolean }}|{{ 1 is boolean }}", "True|True|True|False|True|False|True|True|False"),
        RenderCase("{{ 'a' is string }}|{{ 1 is string }}|{{ {} is mapping }}|{{ [] is mapping }}|{{ [] is iterable }}|{{ 'a' is iterable }}|{{ {} is iterable }}|{{ 1 is iterable }}|{{ 'a' is sequence }}|{{ 1 is sequence }}", "True|False|True|False|True|True|True|False|True|False"),
        RenderCase("{{ 2 is even }}|{{ 3 is even }}|{{ 3 is odd }}|{{ -3 is odd }}|{{ 4.0 is even }}|{{ 9 is divisibleby 3 }}|{{ 9 is divisibleby(4) }}|{{ 9 is not divisibleby 2 }}", "True|False|True|True|True|True|False|True"),
        RenderCase("{{ 'ab' is lower }}|{{ 'aB' is lower }}|{{ 'AB' is upper }}|{{ '12' is lower }}|{{ 'a1' is lower }}", "True|False|True|False|True"),
        RenderCase("{{ true is true }}|{{ 1 is true }}|{{ false is false }}|{{ 0 is false }}", "True|False|True|False"),
        RenderCase("{{ 1 is eq 1 }}|{{ 1 is equalto(1.0) }}|{{ 1 is ne 2 }}|{{ 1 is lt 2 }}|{{ 2 is le 2 }}|{{ 3 is gt 2 }}|{{ 3 is greaterthan 4 }}|{{ 2 is ge 2 }}|{{ 'a' is in 'abc' }}|{{ 'x' is in ['a'] }}", "True|True|True|True|True|True|False|True|True|False"),
        RenderCase("{{ missing is iterable }}|{{ missing is not number }}", "True|True"),
    ]

    @Test(arguments: testCases) func test(_ row: RenderCase) throws {
        #expect(try render(row.source, row.context) == row.expected)
    }

    @Test func filterArgumentsAreCheckedWhenParsing() {
        let cases: [(source: String, message: String)] = [
            ("{{ x|round(1, 'common', 3) }}", "filter 'round' takes at most 2 argument(s), 3 given"),
            ("{{ x|round(digits=1) }}", "filter 'round' has no parameter 'digits'"),
            ("{{ x|default(1, boolean=true, boolean=false) }}", "filter 'default' got two values for 'boolean'"),
            ("{{ x|default(1, 2, boolean=true) }}", "filter 'default' got two values for 'boolean'"),
            ("{{ x|replace('a') }}", "filter 'replace' needs the argument 'new'"),
            ("{{ x|upper(1) }}", "filter 'upper' takes no arguments, 1 given"),
            ("{{ x is divisibleby }}", "test 'divisibleby' needs the argument 'num'"),
            ("{{ x|default(a=1, 2) }}", "a positional argument cannot follow keyword arguments"),
        ]
        for (source, message) in cases {
            #expect(throws: TemplateError.self) { try Template(source: source) }
            let error = templateError(source)
            #expect(error?.kind == .syntax, "\(source)")
            #expect(error?.message == message, "\(source)")
        }
    }

    @Test func filterFailuresAreTypeErrors() {
        let cases: [(source: String, message: String)] = [
            ("{{ 'a'|round }}", "filter 'round' needs a number, not 'str'"),
            ("{{ 1.5|round(0, 'up') }}", "filter 'round' takes the method 'common', 'ceil' or 'floor', not 'up'"),
            ("{{ 'a'|abs }}", "bad operand type for abs(): 'str'"),
            ("{{ 5|length }}", "object of type 'int' has no len()"),
            ("{{ 5|join }}", "'int' object is not iterable"),
            ("{{ [1, 'a']|sort }}", "'<' is not supported between 'str' and 'int'"),
            ("{{ ['a', 1]|sum }}", "unsupported operand types for +: 'int' and 'str'"),
            ("{{ 'abc'|truncate(2) }}", "filter 'truncate' needs a length of at least 3 and a leeway of at least 0"),
            ("{{ 'a'|int(base='x') }}", "filter 'int' needs an int for 'base', not 'str'"),
            ("{{ 1|tojson(indent='x') }}", "filter 'tojson' needs an int for 'indent', not 'str'"),
        ]
        for (source, message) in cases {
            let error = templateError(source)
            #expect(error?.kind == .type, "\(source)")
            #expect(error?.message == message, "\(source)")
        }
    }

    /// Jinja fails on an attribute of an undefined value; Hearth gives
    /// another undefined value, so `default` still applies.
    @Test func defaultCoversAttributesOfMissingValues() throws {
        #expect(try render("{{ missing.deeper|default('kind') }}") == "kind")
        #expect(try render("{{ user.missing.deeper|default('kind') }}", ["user": ["name": "Ann"]]) == "kind")
        #expect(try render("{{ missing.deeper|default('kind') }}", undefined: .strict) == "kind")
    }
}
