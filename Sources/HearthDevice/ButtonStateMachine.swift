/// How a button is wired and how presses are told apart.
public struct ButtonConfiguration: Sendable, Equatable {
    /// Pressed pulls the line low (a button to ground with a pull-up).
    public var activeLow: Bool
    /// How long the line must keep a level before it counts: contacts
    /// bounce for a few milliseconds on every press and release.
    public var debounce: Duration
    /// Held at least this long, a press is a long press.
    public var longPress: Duration

    public init(activeLow: Bool = true, debounce: Duration = .milliseconds(30),
                longPress: Duration = .milliseconds(1000)) {
        self.activeLow = activeLow
        self.debounce = debounce
        self.longPress = longPress
    }
}

public enum ButtonEvent: Sendable, Equatable {
    /// The press settled; `at` is when the line reached its pressed level.
    case pressed(at: Duration)
    /// The release settled after a press held for `held`.
    case released(at: Duration, held: Duration)
    /// Released before the long-press threshold.
    case shortPress(at: Duration)
    /// Held up to the threshold; reported once, while still held, at press
    /// time + threshold (or on release, if no one asked earlier).
    case longPress(at: Duration)
}

/// Debounce and press classification as a pure state machine: feed it edges
/// with their timestamps and tell it the time; it never reads a clock, so
/// every sequence of bounces can be replayed in a test.
///
/// Debounce is "stable for a window": a new level counts once no other edge
/// came within `debounce` after it. Glitches shorter than the window are
/// ignored entirely; a settled change is dated at its last edge.
public struct ButtonStateMachine: Sendable {
    public let configuration: ButtonConfiguration
    /// The debounced state.
    public private(set) var isPressed: Bool
    private var linePressed: Bool
    private var lastEdgeAt: Duration?
    private var pressedAt: Duration?
    private var longPressReported = false

    /// - Parameter initialLevel: the physical level when monitoring starts.
    public init(configuration: ButtonConfiguration, initialLevel: Bool) {
        self.configuration = configuration
        let pressed = initialLevel != configuration.activeLow
        isPressed = pressed
        linePressed = pressed
        // a button already held at start-up is not reported as a press
        longPressReported = pressed
    }

    /// When the machine next needs `advance(to:)` to report something on
    /// time; nil when only a new edge can change anything.
    public var nextDeadline: Duration? {
        if linePressed != isPressed, let lastEdgeAt { return lastEdgeAt + configuration.debounce }
        if isPressed, !longPressReported, let pressedAt { return pressedAt + configuration.longPress }
        return nil
    }

    public mutating func handle(_ event: GPIOEdgeEvent) -> [ButtonEvent] {
        // what held until this edge settles first
        var events = advance(to: event.timestamp)
        linePressed = event.edge.levelAfter != configuration.activeLow
        lastEdgeAt = event.timestamp
        events += advance(to: event.timestamp)
        return events
    }

    public mutating func advance(to now: Duration) -> [ButtonEvent] {
        var events: [ButtonEvent] = []
        while let deadline = nextDeadline, deadline <= now {
            if linePressed != isPressed, let settledAt = lastEdgeAt {
                events += settle(at: settledAt)
            } else if let pressedAt {
                longPressReported = true
                events.append(.longPress(at: pressedAt + configuration.longPress))
            }
        }
        return events
    }

    private mutating func settle(at time: Duration) -> [ButtonEvent] {
        isPressed = linePressed
        if isPressed {
            pressedAt = time
            longPressReported = false
            return [.pressed(at: time)]
        }
        guard let pressedAt else { return [] }
        self.pressedAt = nil
        let held = time - pressedAt
        var events: [ButtonEvent] = []
        if !longPressReported, held >= configuration.longPress {
            events.append(.longPress(at: pressedAt + configuration.longPress))
        }
        events.append(.released(at: time, held: held))
        if held < configuration.longPress { events.append(.shortPress(at: time)) }
        longPressReported = false
        return events
    }
}
