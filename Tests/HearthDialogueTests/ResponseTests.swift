import HearthBrain
@testable import HearthDialogue
import Testing

@Suite struct ResponseTests {
    @Test func placeholdersAreFilledLikePythonFormat() {
        let slots: [String: Value] = ["cuisine": "thai", "people": 2, "unset": .null, "vegetarian": true]
        #expect(RenderedResponse.fill("{cuisine} for {people}", slots: slots) == "thai for 2")
        #expect(RenderedResponse.fill("{unset} {vegetarian}", slots: slots) == "None True")
        #expect(RenderedResponse.fill("{{literal}} {cuisine}", slots: slots) == "{literal} thai")
        #expect(RenderedResponse.fill("hi {nobody}, {cuisine}", slots: slots) == "hi {nobody}, {cuisine}")
    }

    @Test func textIsSplitAtBlankLines() {
        #expect(RenderedResponse.split("one\n\ntwo\n  \n\nthree") == ["one", "two", "three"])
        #expect(RenderedResponse.split("one\ntwo") == ["one\ntwo"])
    }
}
