import Testing
@testable import HearthDevice

private func ms(_ value: Int) -> Duration { .milliseconds(value) }

/// Feeds edges (and a final time) to a machine and collects what it says.
private func run(_ machine: inout ButtonStateMachine, _ edges: [(GPIOEdge, Int)], until end: Int) -> [ButtonEvent] {
    var events: [ButtonEvent] = []
    for (edge, at) in edges { events += machine.handle(GPIOEdgeEvent(edge, at: ms(at))) }
    events += machine.advance(to: ms(end))
    return events
}

@Suite struct ButtonStateMachineTests {
    let activeLow = ButtonConfiguration(activeLow: true, debounce: ms(30), longPress: ms(1000))

    @Test func cleanShortPress() {
        var machine = ButtonStateMachine(configuration: activeLow, initialLevel: true)
        let events = run(&machine, [(.falling, 100), (.rising, 300)], until: 400)
        #expect(events == [.pressed(at: ms(100)), .released(at: ms(300), held: ms(200)), .shortPress(at: ms(300))])
    }

    @Test func bouncyPressAndReleaseGiveOnePress() {
        var machine = ButtonStateMachine(configuration: activeLow, initialLevel: true)
        // contact bounce: 5 edges over 6 ms on press, 4 over 4 ms on release
        let edges: [(GPIOEdge, Int)] = [
            (.falling, 100), (.rising, 102), (.falling, 103), (.rising, 105), (.falling, 106),
            (.rising, 400), (.falling, 401), (.rising, 402), (.falling, 403), (.rising, 404),
        ]
        let events = run(&machine, edges, until: 1000)
        #expect(events == [.pressed(at: ms(106)), .released(at: ms(404), held: ms(298)), .shortPress(at: ms(404))])
    }

    @Test func pressIsReportedOnlyOnceTheLevelHeldForTheWindow() {
        var machine = ButtonStateMachine(configuration: activeLow, initialLevel: true)
        #expect(machine.handle(GPIOEdgeEvent(.falling, at: ms(100))).isEmpty)
        #expect(machine.nextDeadline == ms(130))
        #expect(machine.advance(to: ms(129)).isEmpty)
        #expect(machine.advance(to: ms(130)) == [.pressed(at: ms(100))])
        #expect(machine.isPressed)
        #expect(machine.nextDeadline == ms(1100)) // the long-press threshold
    }

    @Test func glitchShorterThanTheWindowIsIgnored() {
        var machine = ButtonStateMachine(configuration: activeLow, initialLevel: true)
        let events = run(&machine, [(.falling, 100), (.rising, 110), (.falling, 500), (.rising, 520)], until: 2000)
        #expect(events.isEmpty)
        #expect(!machine.isPressed)
        #expect(machine.nextDeadline == nil)
    }

    @Test func longPressFiresAtTheThresholdWhileHeld() {
        var machine = ButtonStateMachine(configuration: activeLow, initialLevel: true)
        #expect(run(&machine, [(.falling, 0)], until: 999) == [.pressed(at: ms(0))])
        #expect(machine.advance(to: ms(1000)) == [.longPress(at: ms(1000))])
        #expect(machine.advance(to: ms(5000)).isEmpty) // once only
        let release = run(&machine, [(.rising, 1500)], until: 1600)
        #expect(release == [.released(at: ms(1500), held: ms(1500))]) // no short press after a long one
    }

    @Test func longPressLearnedOnlyAtReleaseIsStillALongPress() {
        var machine = ButtonStateMachine(configuration: activeLow, initialLevel: true)
        // nobody called advance while it was held: the edges alone tell
        let events = run(&machine, [(.falling, 0), (.rising, 1200)], until: 1300)
        #expect(events == [.pressed(at: ms(0)), .longPress(at: ms(1000)), .released(at: ms(1200), held: ms(1200))])
    }

    @Test func releaseBouncingAcrossTheThresholdIsDatedByItsLastEdge() {
        var machine = ButtonStateMachine(configuration: activeLow, initialLevel: true)
        // let go at 990 but the contact closes again at 1000 and opens for
        // good at 1005: the line is pressed at the threshold, and the
        // settled release counts from its last edge, so this is long
        let edges: [(GPIOEdge, Int)] = [(.falling, 0), (.rising, 990), (.falling, 1000), (.rising, 1005)]
        let events = run(&machine, edges, until: 1100)
        #expect(events == [.pressed(at: ms(0)), .longPress(at: ms(1000)), .released(at: ms(1005), held: ms(1005))])
    }

    @Test func releaseSettlingBeforeTheThresholdIsShortEvenIfLearnedLater() {
        var machine = ButtonStateMachine(configuration: activeLow, initialLevel: true)
        // released at 980; its window ends at 1010, after the threshold,
        // but the line was open at 1000, so no long press
        let events = run(&machine, [(.falling, 0), (.rising, 980)], until: 1100)
        #expect(events == [.pressed(at: ms(0)), .released(at: ms(980), held: ms(980)), .shortPress(at: ms(980))])
    }

    @Test func thresholdIsConfigurable() {
        let quick = ButtonConfiguration(activeLow: true, debounce: ms(20), longPress: ms(300))
        var machine = ButtonStateMachine(configuration: quick, initialLevel: true)
        let events = run(&machine, [(.falling, 0), (.rising, 400)], until: 500)
        #expect(events.contains(.longPress(at: ms(300))))
        #expect(!events.contains(where: { if case .shortPress = $0 { true } else { false } }))
    }

    @Test func activeHighButtonPressesOnRisingEdges() {
        let activeHigh = ButtonConfiguration(activeLow: false, debounce: ms(30), longPress: ms(1000))
        var machine = ButtonStateMachine(configuration: activeHigh, initialLevel: false)
        let events = run(&machine, [(.rising, 100), (.falling, 200)], until: 300)
        #expect(events == [.pressed(at: ms(100)), .released(at: ms(200), held: ms(100)), .shortPress(at: ms(200))])
    }

    @Test func activeLowButtonIgnoresRisingEdgesAtRest() {
        var machine = ButtonStateMachine(configuration: activeLow, initialLevel: true)
        // duplicate "released" edges at rest change nothing
        #expect(run(&machine, [(.rising, 100), (.rising, 200)], until: 500).isEmpty)
    }

    @Test func buttonHeldAtStartIsNotAPress() {
        var machine = ButtonStateMachine(configuration: activeLow, initialLevel: false)
        #expect(machine.isPressed)
        let events = run(&machine, [(.rising, 2000)], until: 3000)
        #expect(events.isEmpty)
        #expect(!machine.isPressed)
    }
}
