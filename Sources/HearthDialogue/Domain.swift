import HearthBrain

/// What a conversation can hold and do (Rasa's `domain.yml`): the intents and
/// entities a message may carry, the slots a tracker fills, the responses the
/// server can say itself, and every action a prediction may name.
public struct Domain: Sendable, Equatable {
    public static let listen = "action_listen"
    public static let restart = "action_restart"
    /// The intent that always restarts a conversation, paused or not.
    public static let restartIntent = "restart"
    /// The response the fallback rule predicts when the domain declares it.
    public static let defaultResponse = "utter_default"

    public var intents: [String]
    public var entities: [String]
    public var slots: [Slot]
    public var responses: [String: [Response]]
    /// Built-ins first (`action_listen`, `action_restart`), then the declared
    /// actions, then responses that were not declared as actions.
    public private(set) var actions: [String]

    public init(intents: [String] = [], entities: [String] = [], slots: [Slot] = [], responses: [String: [Response]] = [:], actions: [String] = []) {
        self.intents = intents
        self.entities = entities
        self.slots = slots
        self.responses = responses
        var all = [Self.listen, Self.restart]
        for name in actions + responses.keys.sorted() where !all.contains(name) { all.append(name) }
        self.actions = all
    }

    /// The domain used when settings name none: no slots and no responses,
    /// so every prediction is `action_listen` and the client (or a later
    /// domain) decides what to say.
    public static let empty = Domain()

    public func hasAction(_ name: String) -> Bool { actions.contains(name) }

    public func slot(named name: String) -> Slot? { slots.first { $0.name == name } }

    /// Every slot at its initial value.
    public var initialSlotValues: [String: Value] {
        Dictionary(slots.map { ($0.name, $0.initialValue) }, uniquingKeysWith: { first, _ in first })
    }
}

/// A slot: a named value a conversation remembers.
public struct Slot: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case text, bool, float, list, categorical, unfeaturized
    }

    public var name: String
    public var kind: Kind
    public var initialValue: Value
    /// `categorical` slots: the values the slot distinguishes.
    public var values: [Value]
    /// `float` slots: the range the slot's value is read in.
    public var minValue: Double
    public var maxValue: Double

    public init(name: String, kind: Kind, initialValue: Value = .null, values: [Value] = [], minValue: Double = 0, maxValue: Double = 1) {
        self.name = name
        self.kind = kind
        self.initialValue = initialValue
        self.values = values
        self.minValue = minValue
        self.maxValue = maxValue
    }
}

/// One variant of a response: text (with `{slot}` placeholders), buttons, an image.
public struct Response: Sendable, Equatable {
    public struct Button: Sendable, Equatable {
        public var title: String
        public var payload: String
        public init(title: String, payload: String) {
            self.title = title
            self.payload = payload
        }
    }

    public var text: String?
    public var buttons: [Button]
    public var image: String?

    public init(text: String?, buttons: [Button] = [], image: String? = nil) {
        self.text = text
        self.buttons = buttons
        self.image = image
    }
}
