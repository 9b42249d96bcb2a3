import Foundation
import HearthBrain
import HearthPersistence
import HearthRuntime
import HearthServer
import HearthStore
import Testing

/// The control API's state in the database: language, soul and voice
/// settings, tokens and speaker profiles, read back after a restart.
@Suite struct ControlStoreTests {
    @Test func languageSoulAndVoiceSurviveARestart() async throws {
        let device = try TestDevice()
        let first = try await device.boot()
        try await first.runtime.applySettingsChange(.soul("butler", speech: ["voice": "en-us+m7", "rate": 140, "pitch": 35]))
        try await first.runtime.applySettingsChange(.language("en", speech: ["voice": "en-us+m7"]))
        try await first.runtime.applySettingsChange(.speech(["volume": 150]))
        await first.powerOff()

        let second = try await device.boot()
        let settings = await second.runtime.settings
        #expect(settings.soul == "butler")
        #expect(settings.language == "en")
        #expect(settings.speechParameters == ["voice": "en-us+m7", "rate": 140, "pitch": 35, "volume": 150])
        #expect(await second.runtime.soul.name == "Butler")
        #expect(second.problems.isEmpty)
        await second.powerOff()
    }

    @Test func anUnknownSoulIsRefusedAndNothingIsSaved() async throws {
        let device = try TestDevice()
        let first = try await device.boot()
        await #expect(throws: RuntimeError.unknownSoul("pirate")) {
            try await first.runtime.applySettingsChange(.soul("pirate", speech: ["rate": 300]))
        }
        #expect(try first.store.settings().isEmpty)
        await first.powerOff()
    }

    @Test func tokensKeepOnlyTheirHashAndSurviveReopening() throws {
        let device = try TestDevice()
        var store = StateStore(configuration: device.storeConfiguration(), logger: quietLogger)
        let tokens = SQLiteAccessTokenStore(store: store)
        let (record, token) = AccessToken.generate(name: "kitchen", scopes: [.read, .control])
        #expect(try tokens.insert(record))
        #expect(try tokens.insert(AccessToken.generate(name: "kitchen", scopes: [.read]).record) == false)
        store.close()

        store = StateStore(configuration: device.storeConfiguration(), logger: quietLogger)
        let reopened = try SQLiteAccessTokenStore(store: store).accessTokens()
        #expect(reopened.map(\.name) == ["kitchen"])
        #expect(reopened.first?.scopes == [.read, .control])
        #expect(reopened.first?.digest == AccessToken.digest(of: token))
        #expect(try SQLiteAccessTokenStore(store: store).revoke(idOrName: record.id))
        #expect(try SQLiteAccessTokenStore(store: store).accessTokens().isEmpty)
        store.close()
    }

    @Test func speakerProfilesStartWithTheOwnerAndSurviveReopening() throws {
        let device = try TestDevice()
        var store = StateStore(configuration: device.storeConfiguration(), logger: quietLogger)
        let speakers = SQLiteSpeakerStore(store: store)
        #expect(try speakers.profiles() == [SpeakerProfile.initialOwner])
        #expect(try speakers.add(name: "Second owner", priority: 0) == nil)
        var ann = try #require(try speakers.add(name: "Ann", priority: 1))
        #expect(ann.id == "spk_002")
        ann.priorityBeforeBlock = 1
        ann.priority = 99
        ann.isBlocked = true
        #expect(try speakers.update(ann))
        let bob = try #require(try speakers.add(name: "Bob", priority: 2))
        #expect(try speakers.delete(id: bob.id))
        store.close()

        store = StateStore(configuration: device.storeConfiguration(), logger: quietLogger)
        let reopened = SQLiteSpeakerStore(store: store)
        #expect(try reopened.profiles() == [SpeakerProfile.initialOwner, ann])
        // Ids are never reused, even after a deletion.
        #expect(try reopened.add(name: "Cy", priority: 2)?.id == "spk_004")
        store.close()
    }
}
