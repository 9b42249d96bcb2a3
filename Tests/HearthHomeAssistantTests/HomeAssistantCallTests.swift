import HearthBrain
import HearthHomeAssistant
import HearthRuntime
import HearthTestSupport
import Testing

/// The client and connection against a fake Home Assistant answering the
/// real API's JSON shapes.
@Suite struct HomeAssistantCallTests {
    @Test func theProbeConnectsWithTheTokenAndAWrongTokenIsRefused() async throws {
        let good = try await HomeAssistantFixture.start()
        let wrong = try await HomeAssistantFixture.start(token: "not-the-token")
        #expect(good.homeAssistant.connection == .unknown)
        #expect(await good.homeAssistant.probe() == .connected)
        #expect(good.homeAssistant.isConnected)
        #expect(good.fake.requests.first?.header("Authorization") == "Bearer \(secretToken)")
        #expect(good.fake.requests.first.map { "\($0.method) \($0.uri)" } == "GET /api/")

        #expect(await wrong.homeAssistant.probe() == .disconnected(.unauthorized))
        #expect(!wrong.homeAssistant.isConnected)
        try await good.stop()
        try await wrong.stop()
    }

    @Test func conversationAnswersOfEveryResponseType() async throws {
        let fixture = try await HomeAssistantFixture.start()
        let done = try await fixture.homeAssistant.converse("turn on the kitchen light")
        #expect(done.responseType == "action_done")
        #expect(done.speech == "Turned on the light")
        #expect(fixture.fake.entityState(FakeHomeAssistant.kitchenLight) == "on")

        let query = try await fixture.homeAssistant.converse("what is the temperature")
        #expect(query.responseType == "query_answer")
        #expect(query.speech == "The temperature is 21.5 °C")

        let failed = try await fixture.homeAssistant.converse("sing me a song")
        #expect(failed.isError)
        #expect(failed.speech == "Sorry, I couldn't understand that")
        #expect(failed.data.mapValue?["code"] == "no_intent_match")

        let sent = try JSON.decode(try #require(fixture.fake.requests.first?.body))
        #expect(sent.mapValue?["text"] == "turn on the kitchen light")
        #expect(sent.mapValue?["language"] == "en")
        try await fixture.stop()
    }

    @Test func aFollowUpContinuesTheConversation() async throws {
        let fixture = try await HomeAssistantFixture.start()
        let first = try await fixture.homeAssistant.converse("what is the temperature")
        let id = try #require(first.conversationID)
        #expect(fixture.homeAssistant.conversationID == id)
        let followUp = try await fixture.homeAssistant.converse("and the bedroom")
        #expect(followUp.speech == "The bedroom is 19 °C")
        #expect(fixture.fake.conversationIDsReceived == [nil, id])
        try await fixture.stop()
    }

    @Test func statesAndServiceCalls() async throws {
        let fixture = try await HomeAssistantFixture.start()
        let light = try await fixture.homeAssistant.state(of: FakeHomeAssistant.kitchenLight)
        #expect(light.state == "off")
        #expect(light.attributes["friendly_name"] == "Kitchen Light")

        let changed = try await fixture.homeAssistant.callService(
            domain: "light", service: "turn_on", data: ["entity_id": "light.kitchen", "brightness_pct": 80])
        #expect(changed.map(\.entityID) == ["light.kitchen"])
        #expect(changed.first?.state == "on")
        #expect(fixture.fake.serviceCalls == [
            FakeHomeAssistant.ServiceCall(domain: "light", service: "turn_on", data: ["entity_id": "light.kitchen", "brightness_pct": 80])
        ])

        await #expect(throws: HomeAssistantError.notFound("Entity not found.")) {
            try await fixture.homeAssistant.state(of: "light.attic")
        }
        await #expect(throws: HomeAssistantError.failed(status: 400, message: "Service light.explode not found.")) {
            try await fixture.homeAssistant.callService(domain: "light", service: "explode", data: [:])
        }
        // Answers that are not failures of the connection leave it up.
        #expect(fixture.homeAssistant.isConnected)
        try await fixture.stop()
    }

    @Test func aSlowServerTimesOutThenCallsFailAtOnceUntilAProbeSucceeds() async throws {
        // The time limit leaves a loaded machine room to answer the probe
        // and the call after it; the slow answers take four times longer.
        let fixture = try await HomeAssistantFixture.start(timeout: 1.5)
        fixture.fake.setDelay(.seconds(6))
        await #expect(throws: HomeAssistantError.timedOut(seconds: 1.5)) {
            try await fixture.homeAssistant.converse("turn on the kitchen light")
        }
        #expect(fixture.homeAssistant.connection == .disconnected(.timedOut(seconds: 1.5)))
        let sent = fixture.fake.requests.count
        await #expect(throws: HomeAssistantError.notConnected) {
            try await fixture.homeAssistant.state(of: FakeHomeAssistant.kitchenLight)
        }
        #expect(fixture.fake.requests.count == sent)

        fixture.fake.setDelay(nil)
        #expect(await fixture.homeAssistant.probe() == .connected)
        #expect(try await fixture.homeAssistant.state(of: FakeHomeAssistant.kitchenLight).state == "off")
        try await fixture.stop()
    }

    @Test func aFailingServerIsAnErrorNotACrash() async throws {
        let fixture = try await HomeAssistantFixture.start()
        fixture.fake.setFailure(.serverError)
        await #expect(throws: HomeAssistantError.failed(status: 500, message: "Internal Server Error")) {
            try await fixture.homeAssistant.converse("turn on the kitchen light")
        }
        fixture.fake.setFailure(.dropConnection)
        let dropped = await #expect(throws: HomeAssistantError.self) {
            try await fixture.homeAssistant.converse("turn on the kitchen light")
        }
        #expect(dropped?.isConnectionFailure == true)
        #expect(!fixture.homeAssistant.isConnected)

        try await fixture.stop()
        let stopped = try await HomeAssistantFixture.start()
        try await stopped.stop()
        guard case .disconnected(let error) = await stopped.homeAssistant.probe() else {
            Issue.record("a stopped server cannot be connected")
            return
        }
        #expect(error.isConnectionFailure)
    }

    @Test func theTokenNeverAppearsInErrorsEventsOrLogs() async throws {
        let fixture = try await HomeAssistantFixture.start(timeout: 0.3)
        let bus = EventBus()
        let events = EventRecorder(bus)
        fixture.homeAssistant.publishEvents(to: bus)
        var errors: [HomeAssistantError] = []
        func attempt(_ call: () async throws(HomeAssistantError) -> Void) async {
            do throws(HomeAssistantError) { try await call() } catch { errors.append(error) }
        }
        await fixture.homeAssistant.probe()
        await attempt { () async throws(HomeAssistantError) in _ = try await fixture.homeAssistant.state(of: "light.attic") }
        await attempt { () async throws(HomeAssistantError) in _ = try await fixture.homeAssistant.callService(domain: "light", service: "explode", data: [:]) }
        fixture.fake.setFailure(.serverError)
        await attempt { () async throws(HomeAssistantError) in _ = try await fixture.homeAssistant.converse("hello") }
        fixture.fake.setFailure(nil)
        fixture.fake.setDelay(.seconds(2))
        await attempt { () async throws(HomeAssistantError) in _ = try await fixture.homeAssistant.converse("hello") }
        await attempt { () async throws(HomeAssistantError) in _ = try await fixture.homeAssistant.converse("hello") }
        fixture.fake.setDelay(nil)
        await fixture.homeAssistant.probe()

        #expect(errors.count == 5)
        // The token was sent, and is nowhere else.
        #expect(fixture.fake.requests.allSatisfy { $0.header("Authorization") == "Bearer \(secretToken)" })
        #expect(!fixture.log.all.isEmpty)
        let texts = errors.map(String.init(describing:)) + errors.map(\.spokenMessage) + fixture.log.all
            + events.events.map { "\($0.data)" }
        #expect(texts.allSatisfy { !$0.contains(secretToken) })
        events.stop()
        try await fixture.stop()
    }

    @Test func theMonitorBacksOffReconnectsAndPublishesEachChange() async throws {
        let fixture = try await HomeAssistantFixture.start()
        let bus = EventBus()
        let events = EventRecorder(bus)
        fixture.homeAssistant.publishEvents(to: bus)
        fixture.fake.setFailure(.serverError)
        // While connected it would wait an hour between probes.
        let monitor = Task {
            await fixture.homeAssistant.monitor(.init(whileConnected: .seconds(3600), firstRetry: .milliseconds(20), longestRetry: .milliseconds(80)))
        }
        #expect(await eventually { events.kinds.contains("HA_DISCONNECTED") })
        // Backing off: it keeps probing while Home Assistant is down.
        #expect(await eventually { fixture.fake.requests.count >= 3 })
        fixture.fake.setFailure(nil)
        #expect(await eventually { fixture.homeAssistant.isConnected })

        // A call finds Home Assistant down; the monitor probes again soon,
        // not an hour later, and sees it back.
        fixture.fake.setFailure(.dropConnection)
        await #expect(throws: HomeAssistantError.self) { try await fixture.homeAssistant.converse("hello") }
        #expect(!fixture.homeAssistant.isConnected)
        fixture.fake.setFailure(nil)
        #expect(await eventually { fixture.homeAssistant.isConnected })
        monitor.cancel()
        await monitor.value

        let connection: @Sendable () -> [String] = { events.kinds.filter { $0 == "HA_CONNECTED" || $0 == "HA_DISCONNECTED" } }
        #expect(await eventually { connection().count >= 4 })
        #expect(connection() == ["HA_DISCONNECTED", "HA_CONNECTED", "HA_DISCONNECTED", "HA_CONNECTED"])
        #expect(events.events.allSatisfy { $0.source == "homeassistant" })
        events.stop()
        try await fixture.stop()
    }
}
