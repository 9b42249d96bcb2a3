import Foundation
import HearthBrain

/// A training story (Rasa's `stories.md`): user intents and the actions that
/// answer them, in order.
public struct Story: Sendable, Equatable {
    public enum Step: Sendable, Equatable {
        /// `* greet` or `* inform{"cuisine": "thai"}`.
        case intent(String, entities: [String: Value])
        /// `- utter_greet`.
        case action(String)
        /// `- slot{"cuisine": "thai"}`: an event written into the story, not an action to predict.
        case slot([String: Value])
    }

    public var name: String
    public var steps: [Step]
    /// The line of each step, for errors.
    public var lines: [Int]
}

/// Reads `stories.md`: `## name` starts a story, `* intent{json}` a user
/// turn, `- action` an action; `> checkpoint` lines and `<!-- -->` comments
/// are skipped. Anything else is an error with file:line:column.
public enum StoryParser {
    public static func load(file path: String, domain: Domain) throws(BrainLoadError) -> [Story] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw BrainLoadError(message: "cannot read stories: \(error.localizedDescription)", location: SourceLocation(file: path, line: 1, column: 1))
        }
        return try parse(text, file: path, domain: domain)
    }

    public static func parse(_ text: String, file: String, domain: Domain) throws(BrainLoadError) -> [Story] {
        var stories: [Story] = []
        var inComment = false
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            var line = Substring(rawLine)
            if inComment {
                guard let end = line.range(of: "-->") else { continue }
                line = line[end.upperBound...]
                inComment = false
            }
            while let start = line.range(of: "<!--") {
                if let end = line[start.upperBound...].range(of: "-->") {
                    line = line[..<start.lowerBound] + line[end.upperBound...]
                } else {
                    line = line[..<start.lowerBound]
                    inComment = true
                }
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let column = (line.firstIndex { !$0.isWhitespace }.map { line.distance(from: line.startIndex, to: $0) } ?? 0) + 1
            func error(_ message: String) -> BrainLoadError {
                BrainLoadError(message: message, location: SourceLocation(file: file, line: lineNumber, column: column))
            }
            if trimmed.isEmpty || trimmed.hasPrefix(">") { continue }
            if trimmed.hasPrefix("##") {
                stories.append(Story(name: trimmed.dropFirst(2).trimmingCharacters(in: .whitespaces), steps: [], lines: []))
                continue
            }
            guard !stories.isEmpty else { throw error("a story step before any '## story name' line") }
            let step: Story.Step
            if trimmed.hasPrefix("*") {
                let (name, entities) = try nameAndObject(trimmed.dropFirst(), error)
                if !domain.intents.isEmpty && !domain.intents.contains(name) {
                    throw error("intent '\(name)' is not declared in the domain")
                }
                step = .intent(name, entities: entities)
            } else if trimmed.hasPrefix("-") {
                let (name, object) = try nameAndObject(trimmed.dropFirst(), error)
                if name == "slot" {
                    step = .slot(object)
                } else {
                    guard domain.hasAction(name) else { throw error("action '\(name)' is not declared in the domain") }
                    step = .action(name)
                }
            } else {
                throw error("expected '## story', '* intent' or '- action'")
            }
            stories[stories.count - 1].steps.append(step)
            stories[stories.count - 1].lines.append(lineNumber)
        }
        return stories
    }

    /// `greet{"name": "x"}` → ("greet", ["name": "x"]).
    private static func nameAndObject(
        _ text: Substring, _ fail: (String) -> BrainLoadError
    ) throws(BrainLoadError) -> (String, [String: Value]) {
        let body = text.trimmingCharacters(in: .whitespaces)
        guard let brace = body.firstIndex(of: "{") else {
            guard !body.isEmpty, !body.contains(where: \.isWhitespace) else { throw fail("expected one name, found '\(body)'") }
            return (body, [:])
        }
        let name = body[..<brace].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw fail("a name is missing before '{'") }
        let object: Value
        do {
            object = try JSON.decode(String(body[brace...]))
        } catch {
            throw fail("the braces after '\(name)' are not a JSON object: \(error)")
        }
        guard let entries = object.mapValue else { throw fail("the braces after '\(name)' are not a JSON object") }
        return (name, entries)
    }
}
