import Foundation
import HearthBrain
import Testing

/// The templates of Kalliope's official starter kit, read unchanged from
/// the shared fixtures. Expected outputs are Jinja2's, byte for byte.
@Suite struct TemplateFixtureTests {
    static let templates = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/fixtures/kalliope_starter_en/templates")

    static func template(_ file: String) throws -> Template {
        let url = templates.appendingPathComponent(file)
        return try Template(source: String(contentsOf: url, encoding: .utf8), name: file)
    }

    @Test func systemDateSpeaksTheDate() throws {
        let template = try Self.template("systemdate_template.j2")
        let context: [String: Value] = [
            "weekday": "0", "month": "01", "day_month": "21", "year": "2026", "hours": "10", "minutes": "05",
        ]
        let spoken = try template.render(context)
        #expect(spoken.trimmingCharacters(in: .whitespacesAndNewlines) == "We are the sunday january the twenty-first 2026")
        #expect(spoken == "We are the sunday january the twenty-first 2026")
        #expect(
            try template.render(["weekday": "6", "month": "12", "day_month": "03", "year": "2025"], undefined: .strict)
                == "We are the saturday december the third 2025")
    }

    @Test func systemDateFallsBackWhenAKeyIsMissing() throws {
        let template = try Self.template("systemdate_template.j2")
        let context: [String: Value] = ["month": "01", "day_month": "21", "year": "2026"]
        #expect(try template.render(context) == "We are the  january the twenty-first 2026")
        // `| default("")` covers the missing weekday in strict mode too…
        #expect(try template.render(context, undefined: .strict) == "We are the  january the twenty-first 2026")
        // …but nothing covers a missing year.
        #expect(throws: TemplateError.self) { try template.render(["weekday": "0"], undefined: .strict) }
        #expect(template.referencedNames == ["weekday", "month", "day_month", "year"])
    }

    @Test(arguments: [("16", "\nyes it is\n"), ("15", "\nnot yet\n"), ("08", "\nnot yet\n"), ("soon", "\nnot yet\n")])
    func teaTime(hours: String, expected: String) throws {
        let template = try Self.template("systemdate_template_tea.j2")
        #expect(try template.render(["hours": .string(hours)]) == expected)
        #expect(template.referencedNames == ["hours"])
    }

    @Test func teaTimeWithoutHoursFailsEvenLeniently() {
        // Jinja fails too: `int` cannot convert an undefined value.
        #expect(throws: TemplateError.self) { try Self.template("systemdate_template_tea.j2").render([:]) }
    }

    @Test func sportNewsNumbersEveryItemOne() throws {
        // The template's `set count = count + 1` happens inside the loop
        // body, where Jinja scopes it to the iteration: every item is "News 1.".
        let template = try Self.template("rss_new_sport.j2")
        let items: Value = [["title": "Arsenal win"], ["title": "Rain stops play"]]
        #expect(
            try template.render(["feed": "BBC Sport", "items": items])
                == "Here's the news from BBC Sport\n\n\n\nNews 1. Arsenal win.\n\n\nNews 1. Rain stops play.\n\n")
        #expect(try template.render(["feed": "BBC Sport", "items": []]) == "Here's the news from BBC Sport\n\n\n")
        #expect(template.referencedNames == ["feed", "items"])
    }

    @Test func wikipediaDisambiguationListsPages() throws {
        let template = try Self.template("wikipedia_search.j2")
        let context: [String: Value] = [
            "returncode": "DisambiguationError", "may_refer": ["Paris (mythology)", "Paris, Texas"],
        ]
        #expect(
            try template.render(context)
                == "\n    The query match following pages\n    \n        \n            Paris (mythology)\n"
                + "        \n            Paris, Texas\n        \n    \n")
        #expect(
            try template.render(["returncode": "DisambiguationError", "may_refer": nil])
                == "\n    The query match following pages\n    \n")
        #expect(template.referencedNames == ["returncode", "may_refer", "summary"])
    }

    @Test func wikipediaOtherBranches() throws {
        let template = try Self.template("wikipedia_search.j2")
        #expect(try template.render(["returncode": "PageError"]) == "\n    I haven't  found anything on this\n")
        #expect(
            try template.render(["returncode": "SummaryFound", "summary": "Paris is the capital of France."])
                == "\n    Paris is the capital of France.\n")
        // A missing `may_refer` is "not none" and loops over nothing, as in Jinja…
        #expect(
            try template.render(["returncode": "DisambiguationError"])
                == "\n    The query match following pages\n    \n        \n    \n")
        // …while strict mode reports it.
        #expect(throws: TemplateError.self) {
            try template.render(["returncode": "DisambiguationError"], undefined: .strict)
        }
    }
}
