import AsyncHTTPClient
import Foundation
import HearthBrain
import HearthDialogue
import HearthPersistence
import HearthRuntime
import HearthStore
import HearthTestSupport
import NIOHTTP1
import Testing

/// Rasa conversations are in the state database before the API answers,
/// so they are all there after a restart or a power cut.
@Suite struct RasaPersistenceTests {
    static let domain = """
        intents: [greet]
        slots:
          cuisine: {type: text}
        templates:
          utter_greet: ["hey there!"]
        """

    static func conversations(_ booted: Booted) throws -> Conversations {
        let domain = try DomainLoader.load(text: Self.domain, name: "domain.yml")
        let stories = try StoryParser.parse("## greet\n* greet\n  - utter_greet\n", file: "stories.md", domain: domain)
        let runtime = booted.runtime
        return Conversations(
            domain: domain, stories: stories, store: SQLiteTrackerStore(store: booted.store),
            matchOrder: { await runtime.matches(for: $0) })
    }

    @Test func conversationsSurviveARestartOfStoreAndRuntime() async throws {
        let device = try TestDevice()
        let first = try await device.boot()
        let before = try Self.conversations(first)
        _ = try await before.parse("/greet", sender: "ann")
        _ = try await before.continueConversation("ann", executedAction: "utter_greet", events: [["event": "slot", "name": "cuisine", "value": "thai"]])
        _ = try await before.respond("hello", sender: "bob")
        _ = try await before.appendEvents("ann", [["event": "pause"]])
        let annBefore = try await before.tracker("ann")
        await first.powerOff()

        let second = try await device.boot()
        let after = try Self.conversations(second)
        #expect(try await after.conversationIDs() == ["ann", "bob"])
        let ann = try await after.tracker("ann")
        #expect(ann.events == annBefore.events)
        #expect(ann.slots["cuisine"] == "thai")
        #expect(ann.paused)
        // "hello" matched the say-hello synapse of the device's brain.
        let bob = try await after.tracker("bob")
        #expect(bob.latestIntent == "say-hello")
        await second.powerOff()
    }

    @Test func theDaemonServesRasaAndKeepsConversationsAcrossAKill() async throws {
        let device = try TestDevice(settings: TestDevice.settings + "\nrasa:\n  port: 0\n  domain: domain.yml\n  token: abc\n")
        try Self.domain.write(toFile: device.folder.appendingPathComponent("domain.yml").path, atomically: true, encoding: .utf8)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            try await killAndRestart(device: device, client: client)
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    private func killAndRestart(device: TestDevice, client: HTTPClient) async throws {
        let first = try await LiveHearth.start(device: device)
        let port = try await first.port(of: "Rasa API")
        let parsed = try await client.call(.POST, "http://127.0.0.1:\(port)/conversations/kim/parse?token=abc", json: ["query": #"/greet{"cuisine": "lao"}"#])
        #expect(parsed.status == 200)
        #expect(parsed.json.mapValue?["tracker"]?.mapValue?["slots"] == ["cuisine": "lao"])
        #expect(try await client.call(.GET, "http://127.0.0.1:\(port)/conversations").status == 401)
        try await first.kill()

        let second = try await LiveHearth.start(device: device)
        let secondPort = try await second.port(of: "Rasa API")
        let tracker = try await client.call(.GET, "http://127.0.0.1:\(secondPort)/conversations/kim/tracker?token=abc")
        #expect(tracker.json.mapValue?["slots"] == ["cuisine": "lao"])
        // listen, user, slot, and the listen the fallback predicted (this daemon has no stories).
        #expect(tracker.json.mapValue?["events"]?.listValue?.count == 4)
        try await second.kill()
    }
}
