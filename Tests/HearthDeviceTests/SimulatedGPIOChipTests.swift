import Foundation
import Testing
@testable import HearthDevice

private func ms(_ value: Int) -> Duration { .milliseconds(value) }

/// A clock tests move by hand.
private final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Duration = .zero
    var now: Duration { lock.withLock { current } }
    func set(_ time: Duration) { lock.withLock { current = time } }
}

@Suite struct SimulatedGPIOChipTests {
    @Test func linesBehaveLikeARealChip() throws {
        let chip = SimulatedGPIOChip(lineCount: 8)
        _ = try chip.requestOutput(line: 3, consumer: "led", initialLevel: false)
        #expect(throws: GPIOError.lineBusy(chip: "sim", line: 3, consumer: "led")) {
            try chip.requestOutput(line: 3, consumer: "other", initialLevel: false)
        }
        #expect(throws: GPIOError.noSuchLine(chip: "sim", line: 8, lineCount: 8)) {
            try chip.requestEdges(line: 8, consumer: "button", bias: .asIs)
        }
    }

    @Test func releasedLineCanBeRequestedAgainAndRefusesUse() throws {
        let chip = SimulatedGPIOChip()
        let output = try chip.requestOutput(line: 5, consumer: "led", initialLevel: false)
        output.release()
        #expect(throws: GPIOError.released(chip: "sim", line: 5)) { try output.setLevel(true) }
        _ = try chip.requestOutput(line: 5, consumer: "led again", initialLevel: true)
        #expect(chip.consumer(line: 5) == "led again")
    }

    @Test func injectedEdgesReachTheWaitingReader() throws {
        let chip = SimulatedGPIOChip()
        let source = try chip.requestEdges(line: 17, consumer: "button", bias: .pullUp)
        #expect(try source.level())
        chip.inject(.falling, line: 17, at: ms(5))
        chip.inject(.rising, line: 17, at: ms(7))
        let edges = try source.waitForEdges(timeout: .seconds(5))
        #expect(edges == [GPIOEdgeEvent(.falling, at: ms(5)), GPIOEdgeEvent(.rising, at: ms(7))])
        #expect(try source.level())
    }

    @Test func waitEndsOnTimeoutAndOnWake() throws {
        let chip = SimulatedGPIOChip()
        let source = try chip.requestEdges(line: 17, consumer: "button", bias: .asIs)
        #expect(try source.waitForEdges(timeout: ms(10)).isEmpty)
        source.wake()
        #expect(try source.waitForEdges(timeout: .seconds(30)).isEmpty) // returns at once
    }

    @Test func statusLEDsFollowTheStateTimelineOnAnActiveLowLine() throws {
        let clock = ManualClock()
        let chip = SimulatedGPIOChip(clock: { clock.now })
        let output = try chip.requestOutput(line: 12, consumer: "status", initialLevel: true)
        var leds = StatusLEDs(lines: [LEDLine(output: output, activeLow: true)])

        leds.show(.thinking, at: ms(1000))
        var due: Duration? = ms(1000)
        var seen: [(Int, Bool)] = []
        while let time = due, time <= ms(1500) {
            clock.set(time)
            due = try leds.refresh(at: time)
            seen.append((Int(time.totalNanoseconds / 1_000_000), chip.level(line: 12)))
        }
        // lit = line low on an active-low LED; thinking blinks 120/120 ms
        let expected: [(Int, Bool)] = [(1000, false), (1120, true), (1240, false), (1360, true), (1480, false)]
        #expect(seen.map(\.0) == expected.map(\.0))
        #expect(seen.map(\.1) == expected.map(\.1))

        clock.set(ms(2000))
        leds.show(.idle, at: ms(2000))
        #expect(try leds.refresh(at: ms(2000)) == nil)
        #expect(chip.level(line: 12)) // off = high
        let history = chip.history(line: 12).map(\.level)
        #expect(history == [true, false, true, false, true, false, true])
    }

    @Test func ledDriverThreadBlinksAndStops() async throws {
        let chip = SimulatedGPIOChip()
        let output = try chip.requestOutput(line: 12, consumer: "status", initialLevel: false)
        let driver = LEDDriver(leds: StatusLEDs(lines: [LEDLine(output: output, activeLow: false)]),
                               clock: { chip.now() })
        driver.start()
        let shown = chip.now()
        driver.show(.thinking)
        let deadline = Date().addingTimeInterval(10)
        while chip.history(line: 12).count < 5, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let history = chip.history(line: 12)
        driver.stop()
        #expect(!chip.level(line: 12)) // stopped dark
        #expect(history.count >= 5)
        #expect(driver.error == nil)
        #expect(history.dropFirst().first?.level == true) // a new pattern starts lit
        // Never early: the pattern's changes are due every 120 ms from when
        // the driver took the new state (no sooner than `shown`). The driver
        // keeps that schedule, so a change that came late under load is
        // followed by one less than 120 ms after it; none comes before its time.
        for (step, change) in history.dropFirst(2).enumerated() {
            #expect(change.at - shown >= ms(120) * (step + 1))
        }
    }

    @Test func buttonMonitorReportsShortAndLongPresses() throws {
        let chip = SimulatedGPIOChip()
        chip.setInputLevel(true, line: 17)
        let events = EventLog()
        let monitor = try ButtonMonitor(chip: chip, line: 17,
                                        configuration: ButtonConfiguration(activeLow: true, debounce: ms(20), longPress: ms(300)),
                                        handler: { events.append($0) })
        monitor.start()
        // timestamps in the past: the machine settles them as soon as it sees them
        let base = chip.now()
        chip.inject([
            GPIOEdgeEvent(.falling, at: base - ms(1000)),
            GPIOEdgeEvent(.rising, at: base - ms(990)), // bounce
            GPIOEdgeEvent(.falling, at: base - ms(985)),
            GPIOEdgeEvent(.rising, at: base - ms(900)),
        ], line: 17)
        #expect(events.waitFor(count: 3))
        let start = chip.now()
        chip.inject(.falling, line: 17, at: start)
        #expect(events.waitFor(count: 5)) // pressed, then long press while held
        chip.inject(.rising, line: 17, at: chip.now())
        #expect(events.waitFor(count: 6))
        monitor.stop()

        let kinds = events.all.map { event -> String in
            switch event {
            case .pressed: "pressed"
            case .released: "released"
            case .shortPress: "short"
            case .longPress: "long"
            }
        }
        #expect(kinds == ["pressed", "released", "short", "pressed", "long", "released"])
        #expect(events.all[1] == .released(at: base - ms(900), held: ms(85)))
        #expect(events.all[4] == .longPress(at: start + ms(300)))
    }
}

/// Collects button events from the monitor's thread.
private final class EventLog: @unchecked Sendable {
    private let condition = NSCondition()
    private var events: [ButtonEvent] = []

    func append(_ event: ButtonEvent) {
        condition.withLock {
            events.append(event)
            condition.broadcast()
        }
    }

    var all: [ButtonEvent] { condition.withLock { events } }

    /// Waits (generously) until `count` events arrived.
    func waitFor(count: Int, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while events.count < count {
            if !condition.wait(until: deadline) { return events.count >= count }
        }
        return true
    }
}

@Suite struct BoardIOTests {
    private static let simProfile = BoardProfile(
        name: "sim", description: "",
        audio: .init(captureDevice: "default", playbackDevice: "default", sampleRate: 16000, captureChannels: 1),
        gpio: .init(chip: "sim",
                    leds: [.init(name: "status", line: 12, activeLow: true)],
                    button: .init(line: 17, activeLow: true, bias: .pullUp,
                                  debounce: .milliseconds(20), longPress: .milliseconds(500))))

    @Test func simBoardDrivesItsLEDAndReportsItsButton() async throws {
        let events = EventLog()
        let board = try BoardIO(profile: Self.simProfile, onButton: { events.append($0) })
        let chip = try #require(board.chip as? SimulatedGPIOChip)
        #expect(chip.consumer(line: 12) == "hearth-status")
        #expect(chip.consumer(line: 17) == "hearth-button")
        #expect(chip.level(line: 12)) // active-low LED starts dark (high)

        board.show(.recording)
        let deadline = Date().addingTimeInterval(10)
        while chip.level(line: 12), Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(!chip.level(line: 12)) // lit = low

        let now = chip.now()
        chip.inject([GPIOEdgeEvent(.falling, at: now - .milliseconds(200)),
                     GPIOEdgeEvent(.rising, at: now - .milliseconds(100))], line: 17)
        #expect(events.waitFor(count: 3))
        #expect(events.all.last == .shortPress(at: now - .milliseconds(100)))
        board.stop()
        #expect(chip.level(line: 12)) // dark again
    }

    @Test func boardWithoutGPIODoesNothing() throws {
        var profile = Self.simProfile
        profile.gpio = nil
        let board = try BoardIO(profile: profile, onButton: { _ in })
        #expect(board.chip == nil)
        board.show(.error)
        board.stop()
    }
}
