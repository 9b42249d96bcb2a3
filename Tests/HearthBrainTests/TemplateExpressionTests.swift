import HearthBrain
import Testing

/// Expressions inside `{{ }}`: literals, access, operators and calls,
/// with Python's semantics as Jinja has them.
@Suite struct TemplateExpressionTests {
    static let literalsCases: [RenderCase] = [
        RenderCase("{{ 'single' }}|{{ \"double\" }}|{{ 'a' 'b' }}", "single|double|ab"),
        RenderCase("{{ 'tab\\there' }}|{{ 'it\\'s' }}|{{ \"say \\\"hi\\\"\" }}|{{ 'back\\\\slash' }}|{{ '\\d' }}", "tab\there|it's|say \"hi\"|back\\slash|\\d"),
        RenderCase("{{ '\\u00e9' }}|{{ '\\x41' }}|{{ '\\101' }}|{{ 'two\\nlines' }}", "é|A|A|two\nlines"),
        RenderCase("{{ 1 }}|{{ -7 }}|{{ 1_000 }}|{{ 1.0 }}|{{ 2.50 }}|{{ 1e3 }}|{{ 1.5e-7 }}|{{ 0.1 + 0.2 }}", "1|-7|1000|1.0|2.5|1000.0|1.5e-07|0.30000000000000004"),
        RenderCase("{{ true }}|{{ True }}|{{ false }}|{{ False }}|{{ none }}|{{ None }}", "True|True|False|False|None|None"),
        RenderCase("{{ [] }}|{{ [1, 'a', none, true, 2.5] }}|{{ [[1], [2, [3]]] }}|{{ [1, 2,] }}", "[]|[1, 'a', None, True, 2.5]|[[1], [2, [3]]]|[1, 2]"),
        RenderCase("{{ {} }}|{{ {'a': 1} }}|{{ {'a': {'b': [1, 'x']}} }}", "{}|{'a': 1}|{'a': {'b': [1, 'x']}}"),
        RenderCase("{{ {\n  'a': 1,\n  'b': 2,\n}['b'] }}", "2"),
        RenderCase("{{ (1, 2)|list }}|{{ (1,)|length }}|{{ ()|length }}|{{ (1) }}", "[1, 2]|1|0|1"),
        RenderCase("{{ {1: 'one'}[1] }}", "one"),
    ]

    @Test(arguments: literalsCases) func literal(_ row: RenderCase) throws {
        #expect(try render(row.source, row.context) == row.expected)
    }

    /// Attribute and item access, slices, and (leniently) missing keys.
    static let accessCases: [RenderCase] = [
        RenderCase("{{ user.name }}|{{ user['name'] }}|{{ user.address.city }}", "Ann|Ann|Lyon", ["user": ["name": "Ann", "address": ["city": "Lyon"]]]),
        RenderCase("{{ items.0 }}|{{ items[1] }}|{{ items[-1] }}|{{ items[-3] }}", "a|b|c|a", ["items": ["a", "b", "c"]]),
        RenderCase("{{ rows[1].t }}|{{ rows[0]['t'] }}|{{ rows.1.t }}", "y|x|y", ["rows": [["t": "x"], ["t": "y"]]]),
        RenderCase("{{ d[key] }}|{{ d['k' ~ 'ey'] }}", "v2|v1", ["d": ["key": "v1", "other": "v2"], "key": "other"]),
        RenderCase("{{ [1, 2, 3, 4, 5][1:3] }}|{{ [1, 2, 3][1:] }}|{{ [1, 2, 3][:-1] }}|{{ [1, 2, 3][::-1] }}|{{ [1, 2, 3, 4, 5][-2:0:-1] }}|{{ [1, 2, 3][5:] }}|{{ [1, 2, 3][::2] }}", "[2, 3]|[2, 3]|[1, 2]|[3, 2, 1]|[4, 3, 2]|[]|[1, 3]"),
        RenderCase("{{ 'hello'[1:3] }}|{{ 'hello'[::-1] }}|{{ 'hello'[-1] }}|{{ 'hello'.1 }}|{{ 'héllo'[1] }}", "el|olleh|o|e|é"),
        RenderCase("{{ user.missing }}|{{ items[7] }}|{{ 'ab'[5] }}|{{ user.name.first }}", "|||", ["user": ["name": "Ann"], "items": [1]]),
    ]

    @Test(arguments: accessCases) func access(_ row: RenderCase) throws {
        #expect(try render(row.source, row.context) == row.expected)
    }

    /// Python arithmetic, and Jinja's precedence (`**` groups left, unary
    /// minus binds tighter than `**` and filters).
    static let arithmeticCases: [RenderCase] = [
        RenderCase("{{ 1 + 2 }}|{{ 1 + 2.5 }}|{{ 'a' + 'b' }}|{{ [1] + [2] }}|{{ true + 1 }}", "3|3.5|ab|[1, 2]|2", ["x": 3]),
        RenderCase("{{ 5 - 7 }}|{{ 2.5 - 1 }}|{{ 3 * 4 }}|{{ 'ab' * 2 }}|{{ 2 * 'ab' }}|{{ [0] * 3 }}|{{ 'x' * 0 }}", "-2|1.5|12|abab|abab|[0, 0, 0]|", ["x": 3]),
        RenderCase("{{ 7 / 2 }}|{{ 6 / 2 }}|{{ -7 / 2 }}|{{ 7 // 2 }}|{{ -7 // 2 }}|{{ 7.5 // 2 }}|{{ -7 // 2.0 }}", "3.5|3.0|-3.5|3|-4|3.0|-4.0", ["x": 3]),
        RenderCase("{{ 7 % 3 }}|{{ -7 % 3 }}|{{ 7 % -3 }}|{{ 7.5 % 2 }}|{{ -7.5 % 2 }}|{{ 7.5 % -2 }}", "1|2|-2|1.5|0.5|-0.5", ["x": 3]),
        RenderCase("{{ 2 ** 10 }}|{{ 2 ** -1 }}|{{ 2.0 ** 2 }}|{{ 9 ** 0.5 }}|{{ 2 ** 3 ** 2 }}|{{ -2 ** 2 }}", "1024|0.5|4.0|3.0|64|4", ["x": 3]),
        RenderCase("{{ 1 ~ 2 }}|{{ 'a' ~ none ~ true }}|{{ 1.0 ~ [1] }}|{{ 2 ~ 3 * 4 }}", "12|aNoneTrue|1.0[1]|212", ["x": 3]),
        RenderCase("{{ -x }}|{{ - 2.5 }}|{{ +3 }}|{{ -(-2) }}|{{ -x|abs }}", "-3|-2.5|3|2|3", ["x": 3]),
        RenderCase("{{ 1 + 2 * 3 }}|{{ (1 + 2) * 3 }}|{{ 2 * 3 ** 2 }}|{{ 10 - 2 - 3 }}|{{ 100 / 10 / 5 }}", "7|9|18|5|2.0", ["x": 3]),
    ]

    @Test(arguments: arithmeticCases) func arithmetic(_ row: RenderCase) throws {
        #expect(try render(row.source, row.context) == row.expected)
    }

    /// Comparisons (chained as in Python), membership, short-circuit `and`
    /// and `or` returning an operand, `not`, and inline `if`.
    static let logicCases: [RenderCase] = [
        RenderCase("{{ 1 == 1.0 }}|{{ 1 != 1 }}|{{ 'a' == 'a' }}|{{ [1, 2] == [1, 2.0] }}|{{ {'a': 1} == {'a': 1} }}|{{ none == none }}|{{ 'x' != 1 }}|{{ true == 1 }}", "True|False|True|True|True|True|True|True"),
        RenderCase("{{ 1 < 2 }}|{{ 2 <= 2 }}|{{ 3 > 2.5 }}|{{ 'a' >= 'b' }}|{{ [1, 2] < [1, 3] }}|{{ [1] < [1, 0] }}", "True|True|True|False|True|True"),
        RenderCase("{{ 1 < 2 < 3 }}|{{ 3 > 2 > 2 }}|{{ 1 == 1 < 2 }}", "True|False|True"),
        RenderCase("{{ 'b' in 'abc' }}|{{ '' in 'abc' }}|{{ 2 in [1, 2] }}|{{ 2.0 in [1, 2] }}|{{ 'a' in {'a': 1} }}|{{ 'z' not in 'abc' }}|{{ 1 not in [1] }}", "True|True|True|True|True|True|False"),
        RenderCase("{{ 0 or 'x' }}|{{ 1 or 'x' }}|{{ 1 and 'y' }}|{{ none and 1 }}|{{ '' or [] }}|{{ [] and 1 }}", "x|1|y|None|[]|[]"),
        RenderCase("{{ not 0 }}|{{ not 'a' }}|{{ not 1 == 2 }}|{{ not true and false }}|{{ not (true and false) }}", "True|False|True|False|True"),
        RenderCase("{{ 'yes' if 1 else 'no' }}|{{ 'yes' if 0 else 'no' }}|{{ 'a' if 0 else 'b' if 0 else 'c' }}|{{ 'shown' if false }}|", "yes|no|c||"),
        RenderCase("{{ 1 + 2 is odd }}|{{ not 3 is even }}|{{ 3 is odd and 4 is even }}", "1|True|True"),
        RenderCase("{{ (0 or 0.0 or '' or [] or {} or none or false) is false }}", "True"),
    ]

    @Test(arguments: logicCases) func logic(_ row: RenderCase) throws {
        #expect(try render(row.source, row.context) == row.expected)
    }

    static let callsCases: [RenderCase] = [
        RenderCase("{{ range(3)|list }}|{{ range(1, 4)|list }}|{{ range(1, 10, 3)|list }}|{{ range(5, 0, -2)|list }}|{{ range(3, 1)|list }}|{{ range(0)|list }}", "[0, 1, 2]|[1, 2, 3]|[1, 4, 7]|[5, 3, 1]|[]|[]"),
        RenderCase("{{ 16 in range(16, 17) }}|{{ 17 in range(16, 17) }}|{{ range(16, 17)|length }}", "True|False|1"),
        RenderCase("{{ dict(a=1, b='x') }}|{{ dict() }}|{{ dict(a=1).a }}", "{'a': 1, 'b': 'x'}|{}|1"),
    ]

    @Test(arguments: callsCases) func globalFunction(_ row: RenderCase) throws {
        #expect(try render(row.source, row.context) == row.expected)
    }

    static let methodsCases: [RenderCase] = [
        RenderCase("{{ d.keys()|list }}|{{ d.values()|list }}|{{ d.get('a') }}|{{ d.get('z') }}|{{ d.get('z', 0) }}", "['a', 'b']|[1, 2]|1|None|0", ["d": ["a": 1, "b": 2]]),
        RenderCase("{% for k, v in {'a': 1, 'b': 2}.items() %}{{ k }}={{ v }};{% endfor %}", "a=1;b=2;"),
        RenderCase("{{ 'MiXed'.lower() }}|{{ 'MiXed'.upper() }}|{{ 'hELLO wORLD'.capitalize() }}|{{ \"they're bill's 2nd-best\".title() }}", "mixed|MIXED|Hello world|They'Re Bill'S 2Nd-Best"),
        RenderCase("{{ '  pad  '.strip() }}|{{ '  pad  '.lstrip() }}|{{ '  pad  '.rstrip() }}|{{ 'xxpadxx'.strip('x') }}|{{ 'abcab'.strip('ab') }}", "pad|pad  |  pad|pad|c"),
        RenderCase("{{ 'a b  c'.split() }}|{{ '  a  b  '.split() }}|{{ 'a,b,,c'.split(',') }}|{{ 'a,b,c'.split(',', 1) }}|{{ ' a  b c '.split(none, 1) }}|{{ ''.split() }}|{{ ''.split(',') }}", "['a', 'b', 'c']|['a', 'b']|['a', 'b', '', 'c']|['a', 'b,c']|['a', 'b c ']|[]|['']"),
        RenderCase("{{ 'hello'.startswith('he') }}|{{ 'hello'.startswith(('x', 'h')) }}|{{ 'hello'.endswith('lo') }}|{{ 'hello'.endswith('x') }}", "True|True|True|False"),
        RenderCase("{{ 'a-b-c'.replace('-', '+') }}|{{ 'a-b-c'.replace('-', '', 1) }}|{{ 'abc'.replace('', '.') }}", "a+b+c|ab-c|.a.b.c."),
        RenderCase("{{ ', '.join(['a', 'b']) }}|{{ '-'.join('abc') }}", "a, b|a-b-c"),
    ]

    @Test(arguments: methodsCases) func method(_ row: RenderCase) throws {
        #expect(try render(row.source, row.context) == row.expected)
    }

    @Test func andOrDoNotEvaluateTheSkippedOperand() throws {
        // 1 / 0 would fail if it were evaluated.
        #expect(try render("{{ 0 and 1 / 0 }}|{{ 1 or 1 / 0 }}|{{ 'a' if true else 1 / 0 }}") == "0|1|a")
    }

    @Test func largeIntegersFailInsteadOfWrapping() {
        // Python would switch to a big integer; Hearth's Int cannot.
        let error = templateError("{{ 2 ** 64 }}")
        #expect(error?.kind == .type)
        #expect(error?.message == "the result of '**' is too large for an integer")
        #expect(templateError("{{ x * x }}", ["x": .int(.max)])?.kind == .type)
    }

    @Test func rangeIsBounded() throws {
        #expect(try render("{{ range(100000)|length }}") == "100000")
        #expect(templateError("{{ range(100001) }}")?.message == "range() may make at most 100000 items")
    }

    /// Where Hearth's output differs from Jinja's, and why.
    @Test func knownDifferencesFromJinja() throws {
        // Value has no tuple, so a tuple prints as a list (Jinja: "(1, 2)").
        #expect(try render("{{ (1, 2) }}") == "[1, 2]")
        // Value.map keeps no insertion order: keys come sorted (Jinja keeps
        // the order the dict was written in, "b" first here).
        #expect(try render("{% for k in {'b': 1, 'a': 2} %}{{ k }}{% endfor %}") == "ab")
        #expect(try render("{{ {'b': 1, 'a': 2}.items()|list }}") == "[['a', 2], ['b', 1]]")
        // Jinja prints views and generators ("dict_keys([...])", "range(0, 3)");
        // Hearth has only lists, which print as lists.
        #expect(try render("{{ range(3) }}|{{ {'a': 1}.keys() }}|{{ [2, 1]|reverse }}") == "[0, 1, 2]|['a']|[1, 2]")
        // Printf-style `%` on strings is not supported.
        #expect(templateError("{{ '%s' % 1 }}")?.message == "string formatting with '%' is not supported")
    }
}
