/// An LED's level over time, as a pure timeline: `level(at:)` for any
/// elapsed time since the pattern started, `nextChange(after:)` for when a
/// driver must next touch the line. Plain GPIO has no brightness, so
/// "pulse" here means short flashes (a heartbeat), not breathing.
public enum LEDPattern: Sendable, Equatable {
    case steady(Bool)
    /// Steps repeated forever; each step holds a level for its duration.
    case cycle([Step])

    public struct Step: Sendable, Equatable {
        public var level: Bool
        public var duration: Duration
        public init(_ level: Bool, _ duration: Duration) {
            self.level = level
            self.duration = duration
        }
    }

    public static let off = LEDPattern.steady(false)
    public static let on = LEDPattern.steady(true)

    public static func blink(on: Duration, off: Duration) -> LEDPattern {
        .cycle([Step(true, on), Step(false, off)])
    }

    /// `count` flashes of `flash` separated by `gap`, the whole repeating
    /// every `period`.
    public static func pulse(flash: Duration, count: Int = 1, gap: Duration = .milliseconds(150),
                             period: Duration) -> LEDPattern {
        var steps: [Step] = []
        for index in 0..<max(1, count) {
            if index > 0 { steps.append(Step(false, gap)) }
            steps.append(Step(true, flash))
        }
        let lit = steps.reduce(Duration.zero) { $0 + $1.duration }
        steps.append(Step(false, max(period - lit, gap)))
        return .cycle(steps)
    }

    private var cycleLength: Duration {
        guard case .cycle(let steps) = self else { return .zero }
        return steps.reduce(.zero) { $0 + $1.duration }
    }

    /// The level at `elapsed` since the pattern started.
    public func level(at elapsed: Duration) -> Bool {
        switch self {
        case .steady(let level):
            return level
        case .cycle(let steps):
            let length = cycleLength
            guard length > .zero else { return steps.first?.level ?? false }
            var position = elapsed < .zero ? .zero : elapsed % length
            for step in steps {
                if position < step.duration { return step.level }
                position -= step.duration
            }
            return steps.last?.level ?? false
        }
    }

    /// The first elapsed time after `elapsed` at which the level changes;
    /// nil for a steady pattern.
    public func nextChange(after elapsed: Duration) -> Duration? {
        guard case .cycle(let steps) = self, cycleLength > .zero else { return nil }
        guard steps.contains(where: { $0.level != steps[0].level }) else { return nil }
        let length = cycleLength
        let start = elapsed < .zero ? .zero : elapsed
        let cycleStart = start - start % length
        let current = level(at: start)
        // boundaries of this cycle and the next cover every change
        var boundary = cycleStart
        for _ in 0..<2 {
            for step in steps {
                boundary += step.duration
                if boundary > start, level(at: boundary) != current { return boundary }
            }
        }
        return nil
    }
}

extension IndicatorState {
    /// The single-LED look of each state: distinct at a glance, and only the
    /// states where something happens blink fast.
    public var ledPattern: LEDPattern {
        switch self {
        case .idle: .off
        case .listening: .pulse(flash: .milliseconds(60), period: .seconds(3))
        case .recording: .on
        case .thinking: .blink(on: .milliseconds(120), off: .milliseconds(120))
        case .speaking: .blink(on: .milliseconds(500), off: .milliseconds(500))
        case .deaf: .pulse(flash: .milliseconds(60), count: 2, period: .seconds(3))
        // A slow, even heartbeat: something is counting down.
        case .timer: .pulse(flash: .milliseconds(400), period: .seconds(2))
        case .error: .pulse(flash: .milliseconds(100), count: 3, gap: .milliseconds(100), period: .seconds(1))
        }
    }
}
