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

    /// The stories' contexts as a tree read backwards, from the turn just
    /// before an action: the node reached after n tokens holds what the
    /// contexts of length n that end so remember. A prediction walks it once
    /// from the conversation's newest turn, instead of looking up every
    /// context length apart.
    private struct Node: Sendable {
        var earlier: [Token: Int] = [:]
        var memory: Memory?
    }

    /// Node 0 is the empty context.
    private var contexts = [Node()]
    private let fallbackAction: String

    public init(stories: [Story], domain: Domain) {
        fallbackAction = domain.hasAction(Domain.defaultResponse) ? Domain.defaultResponse : Domain.listen
        for story in stories {
            let tokens = Self.tokens(of: story)
            for (position, token) in tokens.enumerated() {
                guard case .action(let action) = token else { continue }
                var node = 0
                for length in 1...min(Self.maxHistory, position) {
                    node = child(of: node, for: tokens[position - length])
                    switch contexts[node].memory {
                    case nil: contexts[node].memory = .action(action)
                    case .action(let known) where known != action: contexts[node].memory = .ambiguous
                    default: break
                    }
                }
            }
        }
    }

    private mutating func child(of node: Int, for token: Token) -> Int {
        if let child = contexts[node].earlier[token] { return child }
        contexts.append(Node())
        contexts[node].earlier[token] = contexts.count - 1
        return contexts.count - 1
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

    public func predict(_ tracker: Tracker) -> String {
        if let followup = tracker.followupAction { return followup }
        if tracker.isAwaitingAnswerToUser && tracker.latestIntent == Domain.restartIntent { return Domain.restart }
        guard tracker.appliedEvents.reversed().contains(where: { if case .user = $0 { return true } else { return false } }) else {
            return Domain.listen
        }
        // Walked from the newest intent or action in force, at most
        // `maxHistory` of them, then the start marker when the whole
        // conversation fits. The longest context that names one action
        // wins; a longer one that is ambiguous leaves a shorter one's answer
        // standing.
        var node = 0
        var longest: String?
        func walk(_ token: Token) -> Bool {
            guard let earlier = contexts[node].earlier[token] else { return false }
            node = earlier
            if case .action(let action)? = contexts[node].memory { longest = action }
            return true
        }
        walking: do {
            var depth = 0
            for event in tracker.appliedEvents.reversed() {
                let token: Token
                switch event {
                case .user(let parseData): token = .intent(parseData.mapValue?["intent"]?.mapValue?["name"]?.stringValue ?? "")
                case .action(let name): token = .action(name)
                default: continue
                }
                guard walk(token) else { break walking }
                depth += 1
                if depth == Self.maxHistory { break walking }
            }
            _ = walk(.start)
        }
        if let longest { return longest }
        return tracker.isAwaitingAnswerToUser ? fallbackAction : Domain.listen
    }
}
