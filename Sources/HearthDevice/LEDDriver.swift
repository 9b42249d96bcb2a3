import Foundation

/// Runs `StatusLEDs` on a thread: sleeps until the next change of the
/// current pattern or until the state changes.
public final class LEDDriver: @unchecked Sendable {
    private var leds: StatusLEDs
    private let clock: @Sendable () -> Duration
    private let condition = NSCondition()
    private var pendingState: IndicatorState?
    private var stopRequested = false
    private var lastError: (any Error)?
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)

    public init(leds: StatusLEDs, clock: @escaping @Sendable () -> Duration) {
        self.leds = leds
        self.clock = clock
    }

    public func start() {
        guard thread == nil else { return }
        let thread = Thread { [self] in run() }
        thread.name = "hearth-leds"
        self.thread = thread
        thread.start()
    }

    public func show(_ state: IndicatorState) {
        condition.withLock {
            pendingState = state
            condition.signal()
        }
    }

    /// The error that stopped the driver (a line that could not be set).
    public var error: (any Error)? { condition.withLock { lastError } }

    /// Stops the thread and turns the LEDs off.
    public func stop() {
        guard thread != nil else { return }
        condition.withLock {
            stopRequested = true
            condition.signal()
        }
        finished.wait()
        thread = nil
    }

    private func run() {
        defer { finished.signal() }
        var nextChange: Duration? = nil
        do {
            nextChange = try leds.refresh(at: clock())
            while true {
                condition.lock()
                while !stopRequested, pendingState == nil {
                    guard let due = nextChange else { condition.wait(); continue }
                    let remaining = due - clock()
                    if remaining <= .zero { break }
                    _ = condition.wait(until: Date().addingTimeInterval(remaining.seconds))
                }
                let state = pendingState
                pendingState = nil
                let stopping = stopRequested
                condition.unlock()
                if stopping {
                    // leave the LED dark, not frozen in whatever blink it was
                    leds.show(.idle, at: clock())
                    try leds.refresh(at: clock())
                    return
                }
                if let state { leds.show(state, at: clock()) }
                nextChange = try leds.refresh(at: clock())
            }
        } catch {
            condition.withLock { lastError = error }
        }
    }
}
