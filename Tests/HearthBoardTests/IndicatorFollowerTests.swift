import HearthBrain
import HearthDevice
import HearthRuntime
import Testing
@testable import HearthBoard

/// The LED follows the runtime's state, and shows a running timer while the
/// device rests.
@Suite struct IndicatorFollowerTests {
    static func state(_ state: RuntimeState) -> RuntimeEvent {
        RuntimeEvent(.stateChanged, data: ["state": .string(state.rawValue)])
    }

    static func timer(_ kind: RuntimeEvent.Kind, _ id: String, active: Bool = true) -> RuntimeEvent {
        RuntimeEvent(kind, data: ["id": .string(id), "name": "pasta", "total_seconds": 300, "is_active": .bool(active)], source: "wyoming")
    }

    @Test func aRunningTimerShowsWhileTheDeviceRests() {
        var follower = IndicatorFollower(state: .listening)
        #expect(follower.shown == .listening)
        #expect(follower.update(with: Self.timer(.timerStarted, "t1")) == .timer)
        // Something happening wins over the timer, and the timer comes back after.
        #expect(follower.update(with: Self.state(.recording)) == .recording)
        #expect(follower.update(with: Self.state(.speaking)) == .speaking)
        #expect(follower.update(with: Self.state(.listening)) == .timer)
        #expect(follower.update(with: Self.timer(.timerFinished, "t1")) == .listening)
    }

    @Test func theTimerShowsUntilTheLastOneEnds() {
        var follower = IndicatorFollower(state: .idle)
        #expect(follower.update(with: Self.timer(.timerStarted, "a")) == .timer)
        #expect(follower.update(with: Self.timer(.timerStarted, "b")) == nil)
        #expect(follower.update(with: Self.timer(.timerCancelled, "a")) == nil)
        #expect(follower.update(with: Self.timer(.timerUpdated, "b", active: false)) == .idle)
    }

    @Test func deafIsShownEvenWithATimer() {
        var follower = IndicatorFollower(state: .listening)
        _ = follower.update(with: Self.timer(.timerStarted, "t"))
        #expect(follower.update(with: Self.state(.deaf)) == .deaf)
    }

    @Test func otherEventsChangeNothing() {
        var follower = IndicatorFollower(state: .listening)
        #expect(follower.update(with: RuntimeEvent(.orderMatched, data: ["order": "hello"])) == nil)
        #expect(follower.update(with: RuntimeEvent(.timerStarted, data: [:])) == nil)
        #expect(follower.shown == .listening)
    }
}
