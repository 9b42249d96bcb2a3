/// Predicts the next action by remembering the stories: the turns that led
/// up to each story action are looked up in the conversation, longest
/// context first. Deterministic: the same tracker always gets the same
/// action.
///
/// Rules, in order:
/// 1. an action a `followup` event asked for;
/// 2. `action_restart` when the latest message has the intent `restart`;
/// 3. `action_listen` before any user message;
/// 4. the story action whose preceding turns match the conversation's, for
///    the longest context (up to `maxHistory` intents and actions) that
///    names one action only;
/// 5. the fallback: right after a user message, `utter_default` when the
///    domain declares it, else `action_listen`; after an action, `action_listen`.
///
/// Entities and slot values in stories do not take part in the lookup; only
/// intents and actions do.
public struct MemoizationPolicy: Sendable {
    /// How many intents and actions before an action form its context.
    public static let maxHistory = 10

    enum Token: Hashable, Sendable {
        case start
        case intent(String)
        case action(String)
    }

    private enum Memory: Sendable {
        case action(String)
        case ambiguous
    }

    /// One lookup table per context length (index 0 holds length 1).
    private var lookup: [[[Token]: Memory]]
    private let fallbackAction: String

    public init(stories: [Story], domain: Domain) {
        lookup = Array(repeating: [:], count: Self.maxHistory)
        fallbackAction = domain.hasAction(Domain.defaultResponse) ? Domain.defaultResponse : Domain.listen
        for story in stories {
            let tokens = Self.tokens(of: story)
            for (position, token) in tokens.enumerated() {
                guard case .action(let action) = token else { continue }
                for length in 1...min(Self.maxHistory, position) {
                    let key = Array(tokens[(position - length)..<position])
                    switch lookup[length - 1][key] {
                    case nil: lookup[length - 1][key] = .action(action)
                    case .action(let known) where known != action: lookup[length - 1][key] = .ambiguous
                    default: break
                    }
                }
            }
        }
    }

    /// A story as the conversation would record it: a listen before each
    /// user turn and after the last action.
    static func tokens(of story: Story) -> [Token] {
        var tokens: [Token] = [.start]
        for step in story.steps {
            switch step {
            case .intent(let name, _):
                if tokens.last != .action(Domain.listen) { tokens.append(.action(Domain.listen)) }
                tokens.append(.intent(name))
            case .action(let name): tokens.append(.action(name))
            case .slot: break
            }
        }
        if tokens.last != .action(Domain.listen) { tokens.append(.action(Domain.listen)) }
        return tokens
    }

    /// The last `maxHistory` intents and actions in force, with the start
    /// marker when the whole conversation fits.
    static func recentTokens(of tracker: Tracker) -> [Token] {
        var reversed: [Token] = []
        for event in tracker.appliedEvents.reversed() {
            switch event {
            case .user(let parseData):
                reversed.append(.intent(parseData.mapValue?["intent"]?.mapValue?["name"]?.stringValue ?? ""))
            case .action(let name): reversed.append(.action(name))
            default: continue
            }
            if reversed.count == maxHistory { return reversed.reversed() }
        }
        reversed.append(.start)
        return reversed.reversed()
    }

    public func predict(_ tracker: Tracker) -> String {
        if let followup = tracker.followupAction { return followup }
        if tracker.isAwaitingAnswerToUser && tracker.latestIntent == Domain.restartIntent { return Domain.restart }
        guard tracker.appliedEvents.reversed().contains(where: { if case .user = $0 { return true } else { return false } }) else {
            return Domain.listen
        }
        let recent = Self.recentTokens(of: tracker)
        for length in stride(from: min(Self.maxHistory, recent.count), through: 1, by: -1) {
            if case .action(let action)? = lookup[length - 1][Array(recent.suffix(length))] { return action }
        }
        return tracker.isAwaitingAnswerToUser ? fallbackAction : Domain.listen
    }
}
