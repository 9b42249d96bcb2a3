import Foundation
import HearthBrain

/// What an `utter_` action says: one variant of its response, its `{slot}`
/// placeholders filled, its text split into messages at blank lines.
struct RenderedResponse: Sendable, Equatable {
    /// The whole text, as the `bot` event keeps it.
    var text: String?
    /// The `bot` event's `data`: buttons and image.
    var data: Value
    /// What the client shows, one entry per message (`recipient_id` added by the caller).
    var messages: [Value]

    /// Renders `variant` with the tracker's slots.
    init(_ variant: Response, slots: [String: Value]) {
        let text = variant.text.map { Self.fill($0, slots: slots) }
        self.text = text
        let buttons: Value = variant.buttons.isEmpty
            ? .null : .list(variant.buttons.map { ["title": .string($0.title), "payload": .string($0.payload)] })
        data = ["elements": .null, "buttons": buttons, "attachment": variant.image.map(Value.string) ?? .null]
        var messages: [Value] = (text.map(Self.split) ?? []).map { ["text": .string($0)] }
        if !buttons.isNull {
            if case .map(var last)? = messages.popLast() {
                last["data"] = buttons
                messages.append(.map(last))
            } else {
                messages.append(["text": "", "data": buttons])
            }
        }
        if let image = variant.image { messages.append(["image": .string(image)]) }
        self.messages = messages
    }

    /// Python's `str.format(**slots)`, as Rasa fills templates: `{name}` is
    /// the slot's value (`None` when unset), `{{` and `}}` are braces. A
    /// placeholder that names no slot leaves the whole text as written.
    static func fill(_ text: String, slots: [String: Value]) -> String {
        guard text.contains("{") || text.contains("}") else { return text }
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if (character == "{" || character == "}"), next < text.endIndex, text[next] == character {
                output.append(character)
                index = text.index(after: next)
            } else if character == "{" {
                guard let close = text[next...].firstIndex(of: "}"), let value = slots[String(text[next..<close])] else { return text }
                output += value.displayText
                index = text.index(after: close)
            } else if character == "}" {
                return text
            } else {
                output.append(character)
                index = next
            }
        }
        return output
    }

    /// Parts separated by one or more blank lines; empty parts are dropped.
    static func split(_ text: String) -> [String] {
        var parts: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { parts.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { parts.append(current.joined(separator: "\n")) }
        return parts
    }
}
