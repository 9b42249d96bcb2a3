import Testing
@testable import HearthDevice

private func ms(_ value: Int) -> Duration { .milliseconds(value) }

@Suite struct LEDPatternTests {
    @Test func steadyPatternsNeverChange() {
        #expect(LEDPattern.on.level(at: ms(12345)))
        #expect(!LEDPattern.off.level(at: .zero))
        #expect(LEDPattern.on.nextChange(after: .zero) == nil)
    }

    @Test func blinkAlternatesAndRepeats() {
        let blink = LEDPattern.blink(on: ms(100), off: ms(300))
        let samples = [0, 99, 100, 399, 400, 499, 500, 4000].map { blink.level(at: ms($0)) }
        #expect(samples == [true, true, false, false, true, true, false, true])
        #expect(blink.nextChange(after: .zero) == ms(100))
        #expect(blink.nextChange(after: ms(100)) == ms(400))
        #expect(blink.nextChange(after: ms(450)) == ms(500))
    }

    @Test func pulseFlashesThenRestsForThePeriod() {
        let pulse = LEDPattern.pulse(flash: ms(60), count: 2, gap: ms(150), period: ms(3000))
        #expect(pulse.level(at: ms(0)))
        #expect(!pulse.level(at: ms(60)))
        #expect(pulse.level(at: ms(210)))
        #expect(!pulse.level(at: ms(270)))
        #expect(!pulse.level(at: ms(2999)))
        #expect(pulse.level(at: ms(3000)))
        #expect(pulse.nextChange(after: ms(270)) == ms(3000))
    }

    /// Levels of a state's pattern at chosen milliseconds after entering it.
    struct Timeline: Sendable, CustomTestStringConvertible {
        var state: IndicatorState
        var levels: [Int: Bool]
        var testDescription: String { state.rawValue }
    }

    static let timelines: [Timeline] = [
        Timeline(state: .idle, levels: [0: false, 500: false, 5000: false]),
        Timeline(state: .listening, levels: [0: true, 59: true, 60: false, 2999: false, 3000: true]),
        Timeline(state: .recording, levels: [0: true, 5000: true]),
        Timeline(state: .thinking, levels: [0: true, 119: true, 120: false, 240: true]),
        Timeline(state: .speaking, levels: [0: true, 499: true, 500: false, 1000: true]),
        Timeline(state: .deaf, levels: [0: true, 60: false, 210: true, 270: false, 3000: true]),
        Timeline(state: .timer, levels: [0: true, 399: true, 400: false, 1999: false, 2000: true]),
        Timeline(state: .error, levels: [0: true, 100: false, 200: true, 300: false, 400: true, 500: false, 999: false, 1000: true]),
    ]

    @Test(arguments: timelines)
    func stateLevels(timeline: Timeline) {
        for (time, level) in timeline.levels {
            #expect(timeline.state.ledPattern.level(at: ms(time)) == level, "\(timeline.state) at \(time) ms")
        }
    }

    @Test func everyStateHasATimeline() {
        #expect(Set(Self.timelines.map(\.state)) == Set(IndicatorState.allCases))
    }

    @Test func statesLookDifferent() {
        let patterns = IndicatorState.allCases.map(\.ledPattern)
        for (index, pattern) in patterns.enumerated() {
            #expect(!patterns[(index + 1)...].contains(pattern), "\(IndicatorState.allCases[index]) shares its pattern")
        }
    }
}
