import HearthBrain
import HearthDevice
import HearthRuntime

/// What the LED shows, from the runtime's events: the runtime's state, except
/// that a device at rest with a timer running shows the timer's heartbeat.
struct IndicatorFollower {
    private var state: RuntimeState
    private var timers: Set<String> = []
    private(set) var shown: IndicatorState

    /// The events that can change what the LED shows.
    static let followedKinds: Set<RuntimeEvent.Kind> = [
        .stateChanged, .timerStarted, .timerUpdated, .timerCancelled, .timerFinished,
    ]

    init(state: RuntimeState) {
        self.state = state
        self.shown = IndicatorState(state)
    }

    /// The new look when `event` changes it, else nil.
    mutating func update(with event: RuntimeEvent) -> IndicatorState? {
        switch event.kind {
        case .stateChanged:
            guard case .string(let name)? = event.data["state"], let new = RuntimeState(rawValue: name) else { return nil }
            state = new
        case .timerStarted, .timerUpdated:
            guard let id = event.data["id"]?.stringValue else { return nil }
            if event.data["is_active"] == .bool(false) { timers.remove(id) } else { timers.insert(id) }
        case .timerCancelled, .timerFinished:
            guard let id = event.data["id"]?.stringValue else { return nil }
            timers.remove(id)
        default:
            return nil
        }
        let resting = state == .idle || state == .listening
        let next = resting && !timers.isEmpty ? IndicatorState.timer : IndicatorState(state)
        guard next != shown else { return nil }
        shown = next
        return next
    }
}
