import HearthBrain
import HearthDialogue
import Testing

@Suite struct DomainTests {
    @Test func readsIntentsEntitiesAndSlotsOfEveryType() throws {
        let domain = try Fixtures.domain()
        #expect(domain.intents == ["greet", "default", "goodbye", "inform", "restart"])
        #expect(domain.entities == ["cuisine", "name"])
        #expect(domain.slots.map(\.name) == ["cuisine", "location", "note", "people", "price", "requests", "vegetarian"])
        #expect(domain.slot(named: "cuisine")?.kind == .text)
        #expect(domain.slot(named: "people")?.kind == .float)
        #expect(domain.slot(named: "people")?.minValue == 1)
        #expect(domain.slot(named: "people")?.maxValue == 12)
        #expect(domain.slot(named: "vegetarian")?.kind == .bool)
        #expect(domain.slot(named: "requests")?.kind == .list)
        #expect(domain.slot(named: "price")?.kind == .categorical)
        #expect(domain.slot(named: "price")?.values == ["cheap", "expensive"])
        #expect(domain.slot(named: "note")?.kind == .unfeaturized)
        #expect(domain.initialSlotValues == [
            "cuisine": .null, "location": .null, "note": .null, "people": 2, "price": "cheap", "requests": .null,
            "vegetarian": false,
        ])
    }

    @Test func builtInActionsComeFirstThenDeclaredActions() throws {
        let domain = try Fixtures.domain()
        #expect(domain.actions == [
            "action_listen", "action_restart", "utter_greet", "utter_ask_cuisine", "utter_ack", "utter_goodbye", "utter_menu",
            "action_search",
        ])
    }

    @Test func responsesKeepVariantsButtonsAndImages() throws {
        let domain = try Fixtures.domain()
        #expect(domain.responses["utter_goodbye"] == [Response(text: "bye"), Response(text: "see you")])
        #expect(domain.responses["utter_ask_cuisine"]?.first?.buttons == [
            .init(title: "Thai", payload: #"/inform{"cuisine": "thai"}"#),
            .init(title: "Italian", payload: #"/inform{"cuisine": "italian"}"#),
        ])
        #expect(domain.responses["utter_menu"]?.first?.image == "https://example.org/menu.png")
    }

    @Test func responsesIsAnotherNameForTemplatesAndUndeclaredResponsesAreActions() throws {
        let domain = try DomainLoader.load(text: "responses:\n  utter_hi: [\"hi\"]\n", name: "d.yml")
        #expect(domain.responses["utter_hi"] == [Response(text: "hi")])
        #expect(domain.actions == ["action_listen", "action_restart", "utter_hi"])
    }

    @Test func errorsSayFileLineAndColumn() {
        #expect(throws: BrainLoadError.self) { try DomainLoader.load(text: "slots:\n  x:\n    type: colour\n", name: "d.yml") }
        do {
            _ = try DomainLoader.load(text: "slots:\n  x:\n    type: colour\n", name: "d.yml")
        } catch {
            #expect("\(error)" == "d.yml:3:5: slot 'x' has unknown type 'colour' (one of text, bool, float, list, categorical, unfeaturized)")
        }
        do {
            _ = try DomainLoader.load(text: "templates:\n  utter_x:\n    - buttons: []\n", name: "d.yml")
            Issue.record("a variant without text or image was accepted")
        } catch {
            #expect("\(error)".hasPrefix("d.yml:3:"))
        }
    }

    @Test func storiesReadIntentsActionsSlotsAndSkipComments() throws {
        let domain = try Fixtures.domain()
        let stories = try Fixtures.stories(domain)
        #expect(stories.map(\.name) == ["greet", "order", "goodbye"])
        #expect(stories[1].steps == [
            .intent("greet", entities: [:]), .action("utter_greet"), .intent("inform", entities: ["cuisine": "thai"]),
            .slot(["cuisine": "thai"]), .action("utter_ack"), .action("action_search"),
        ])
    }

    @Test func storyErrorsSayWhere() throws {
        let domain = try Fixtures.domain()
        func failure(_ text: String) -> String? {
            do {
                _ = try StoryParser.parse(text, file: "stories.md", domain: domain)
                return nil
            } catch {
                return "\(error)"
            }
        }
        #expect(failure("* greet\n") == "stories.md:1:1: a story step before any '## story name' line")
        #expect(failure("## a\n* greet\n  - utter_nothing\n") == "stories.md:3:3: action 'utter_nothing' is not declared in the domain")
        #expect(failure("## a\n* shout\n") == "stories.md:2:1: intent 'shout' is not declared in the domain")
        #expect(failure("## a\n* inform{cuisine}\n")?.hasPrefix("stories.md:2:1: the braces after 'inform' are not a JSON object") == true)
        #expect(failure("## a\nhello\n") == "stories.md:2:1: expected '## story', '* intent' or '- action'")
    }
}
