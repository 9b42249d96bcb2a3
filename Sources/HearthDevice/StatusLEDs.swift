/// One GPIO output driving an LED.
public struct LEDLine: Sendable {
    public var output: any GPIOOutput
    public var activeLow: Bool
    public init(output: any GPIOOutput, activeLow: Bool) {
        self.output = output
        self.activeLow = activeLow
    }
}

/// Drives status LEDs from an `IndicatorState` and the time, without owning
/// a clock or a thread: `refresh(at:)` applies the level due now and says
/// when it must be called next. `LEDDriver` calls it on a thread; tests call
/// it at chosen times and read the simulated chip's lines.
public struct StatusLEDs: Sendable {
    public private(set) var state: IndicatorState = .idle
    private let lines: [LEDLine]
    private let patterns: @Sendable (IndicatorState) -> LEDPattern
    private var startedAt: Duration = .zero
    private var written: Bool?

    public init(lines: [LEDLine],
                patterns: @escaping @Sendable (IndicatorState) -> LEDPattern = { $0.ledPattern }) {
        self.lines = lines
        self.patterns = patterns
    }

    /// Switches the pattern; it starts (lit, for blinking ones) at `now`.
    public mutating func show(_ state: IndicatorState, at now: Duration) {
        self.state = state
        startedAt = now
    }

    /// Sets the lines to the level due at `now` (touching them only when it
    /// changes) and returns when the next change is due, nil if never.
    @discardableResult
    public mutating func refresh(at now: Duration) throws -> Duration? {
        let pattern = patterns(state)
        let elapsed = now - startedAt
        let lit = pattern.level(at: elapsed)
        if written != lit {
            for line in lines { try line.output.setLevel(lit != line.activeLow) }
            written = lit
        }
        return pattern.nextChange(after: elapsed).map { startedAt + $0 }
    }
}
