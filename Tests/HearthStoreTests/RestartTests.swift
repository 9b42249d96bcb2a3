import Foundation
import HearthBrain
import HearthPersistence
import HearthRuntime
import HearthStore
import Synchronization
import Testing

/// Each kind of state changed at run time is still there after the runtime
/// and the store are dropped and a new pair boots on the same folder.
@Suite struct RestartTests {
    @Test func aSynapseCreatedWhileRunningIsThereAfterARestart() async throws {
        let device = try TestDevice()
        let first = try await device.boot()
        try await first.runtime.addSynapse(try apiSynapse("say-weather", order: "weather", says: "Sunny"))
        await first.powerOff()

        let second = try await device.boot()
        let names = await second.runtime.brain.synapses.map(\.name)
        #expect(names == ["say-hello", "remember-colour", "say-goodbye", "say-weather"])
        let answer = await second.runtime.runOrder("weather")
        #expect(answer.spokenMessages == ["Sunny"])
    }

    @Test func aFileSynapseDeletedWhileRunningStaysDeleted() async throws {
        let device = try TestDevice()
        let first = try await device.boot()
        try await first.runtime.removeSynapse(named: "say-goodbye")
        await first.powerOff()

        let second = try await device.boot()
        #expect(await second.runtime.brain.contains("say-goodbye") == false)
        #expect(await second.runtime.runOrder("goodbye").matchedSynapses.isEmpty)
    }

    @Test func aCreatedThenDeletedSynapseIsGone() async throws {
        let device = try TestDevice()
        let first = try await device.boot()
        try await first.runtime.addSynapse(try apiSynapse("say-weather", order: "weather", says: "Sunny"))
        try await first.runtime.removeSynapse(named: "say-weather")
        await first.powerOff()

        let second = try await device.boot()
        #expect(await second.runtime.brain.synapses.map(\.name) == ["say-hello", "remember-colour", "say-goodbye"])
    }

    @Test func aFileSynapseDeletedThenCreatedAgainKeepsTheNewDefinition() async throws {
        let device = try TestDevice()
        let first = try await device.boot()
        try await first.runtime.removeSynapse(named: "say-hello")
        try await first.runtime.addSynapse(try apiSynapse("say-hello", order: "hi there", says: "Hi"))
        await first.powerOff()

        let second = try await device.boot()
        #expect(await second.runtime.brain.synapses.map(\.name) == ["remember-colour", "say-goodbye", "say-hello"])
        #expect(await second.runtime.runOrder("hi there").spokenMessages == ["Hi"])
        #expect(await second.runtime.runOrder("hello").matchedSynapses.isEmpty)
    }

    @Test func enabledFlagsSurviveForFileAndCreatedSynapses() async throws {
        let device = try TestDevice()
        let first = try await device.boot()
        try await first.runtime.addSynapse(try apiSynapse("say-weather", order: "weather", says: "Sunny"))
        #expect(await first.runtime.setSynapseEnabled("say-hello", enabled: false))
        #expect(await first.runtime.setSynapseEnabled("say-weather", enabled: false))
        await first.powerOff()

        let second = try await device.boot()
        let brain = await second.runtime.brain
        #expect(brain.synapse(named: "say-hello")?.enabled == false)
        #expect(brain.synapse(named: "say-weather")?.enabled == false)
        #expect(brain.synapse(named: "say-goodbye")?.enabled == true)
        #expect(await second.runtime.runOrder("hello").matchedSynapses.isEmpty)

        #expect(await second.runtime.setSynapseEnabled("say-hello", enabled: true))
        await second.powerOff()
        let third = try await device.boot()
        #expect(await third.runtime.brain.synapse(named: "say-hello")?.enabled == true)
    }

    @Test func deafAndMuteSurvive() async throws {
        let device = try TestDevice()
        let first = try await device.boot()
        try await first.runtime.applySettingsChange(.deaf(true))
        try await first.runtime.applySettingsChange(.mute(true))
        await first.powerOff()

        let second = try await device.boot()
        #expect(await second.runtime.isDeaf)
        #expect(await second.runtime.isMuted)
        #expect(await second.runtime.state == .deaf)
    }

    @Test func defaultEnginesAndRecognizerValuesSurvive() async throws {
        let device = try TestDevice()
        let first = try await device.boot()
        try await first.runtime.applySettingsChange(.defaultEngine(.textToSpeech, "espeak"))
        try await first.runtime.applySettingsChange(.defaultEngine(.speechToText, "cmusphinx"))
        try await first.runtime.applySettingsChange(.defaultEngine(.player, "pyalsaaudio"))
        try await first.runtime.applySettingsChange(.defaultEngine(.trigger, "pocketsphinx"))
        try await first.runtime.applySettingsChange(.recognizer(.multiplier, 2.5))
        try await first.runtime.applySettingsChange(.recognizer(.energyRatio, 3))
        try await first.runtime.applySettingsChange(.recognizer(.recordingTimeout, 20))
        try await first.runtime.applySettingsChange(.recognizer(.recordingTimeoutWithSilence, 1.5))
        await first.powerOff()

        let settings = try await device.boot().runtime.settings
        #expect(settings.defaultTextToSpeech == "espeak")
        #expect(settings.defaultSpeechToText == "cmusphinx")
        #expect(settings.defaultPlayer == "pyalsaaudio")
        #expect(settings.defaultTrigger == "pocketsphinx")
        #expect(settings.options.recognizerMultiplier == 2.5)
        #expect(settings.options.recognizerEnergyRatio == 3)
        #expect(settings.options.recognizerRecordingTimeout == 20)
        #expect(settings.options.recognizerRecordingTimeoutWithSilence == 1.5)
    }

    @Test func variablesChangedWhileRunningOverrideTheFileAndKeepTheRest() async throws {
        let device = try TestDevice()
        let first = try await device.boot()
        try await first.runtime.applySettingsChange(.variables(["owner": "Bea", "volume": 7, "rooms": ["hall", "attic"]]))
        await first.powerOff()

        let variables = try await device.boot().runtime.settings.variables
        #expect(variables == ["owner": "Bea", "city": "Lyon", "volume": 7, "rooms": ["hall", "attic"]])
    }

    @Test func hooksChangedWhileRunningSurviveIncludingAClearedOne() async throws {
        let device = try TestDevice(settings: TestDevice.settings + "\nhooks:\n  on_deaf: say-goodbye\n")
        let first = try await device.boot()
        try await first.runtime.applySettingsChange(.hooks([.onStart: ["say-hello", "say-goodbye"], .onDeaf: []]))
        await first.powerOff()

        let hooks = try await device.boot().runtime.settings.hooks
        #expect(hooks[.onStart] == ["say-hello", "say-goodbye"])
        #expect(hooks[.onDeaf] == [])
    }

    @Test func memoryKeptByNeuronsAndTheLastOrderSurvive() async throws {
        let device = try TestDevice()
        let first = try await device.boot()
        _ = await first.runtime.runOrder("my favourite colour is green")
        await first.powerOff()

        let second = try await device.boot()
        let memory = await second.runtime.memory
        #expect(memory["colour"] == "green")
        #expect(memory["kalliope_last_order"] == "my favourite colour is green")
        #expect(memory["kalliope_last_tts_message"] == "Noted")
    }

    @Test func everyRunIsInTheOrderHistory() async throws {
        let device = try TestDevice()
        let first = try await device.boot()
        _ = await first.runtime.runOrder("hello", source: "voice")
        _ = await first.runtime.runOrder("what time is it", source: "api")
        _ = try await first.runtime.runSynapse(named: "say-goodbye", source: "cli")
        await first.powerOff()

        let second = try await device.boot()
        let history = try second.store.history()
        #expect(history.map(\.source) == ["cli", "api", "voice"])
        #expect(history.map(\.order) == [nil, "what time is it", "hello"])
        #expect(history.map(\.synapses) == [["say-goodbye"], [], ["say-hello"]])
        #expect(history.map(\.status) == ["complete", nil, "complete"])
        #expect(history.allSatisfy { $0.duration >= 0 })
    }

    @Test func theHistoryKeepsTheNewestEntriesWithinItsLimits() async throws {
        let device = try TestDevice()
        var configuration = device.storeConfiguration()
        configuration.historyLimit = 5
        configuration.historyMaxAge = 3600
        let clock = TestClock(start: Date(timeIntervalSince1970: 1_700_000_000))
        let booted = try await device.boot(configuration: configuration, now: clock.now)
        for index in 0..<8 {
            try booted.store.recordRun(RunRecord(
                time: clock.now(), source: "api", order: "order \(index)", synapses: [], status: nil, duration: 0))
        }
        #expect(try booted.store.history().compactMap(\.order) == ["order 7", "order 6", "order 5", "order 4", "order 3"])

        clock.advance(by: 2 * 3600)
        try booted.store.recordRun(RunRecord(
            time: clock.now(), source: "api", order: "later", synapses: [], status: nil, duration: 0))
        #expect(try booted.store.history().compactMap(\.order) == ["later"])
    }

    @Test func theHistoryLimitsComeFromTheSettingsHistorySection() {
        var configuration = StoreConfiguration(directory: "/unused")
        #expect(configuration.applyHistorySection(["max_entries": 500, "max_age_days": 7]).isEmpty)
        #expect(configuration.historyLimit == 500)
        #expect(configuration.historyMaxAge == 7 * 24 * 3600)

        let warnings = configuration.applyHistorySection(["max_entries": -1, "max_age_days": "soon", "colour": "red"])
        #expect(warnings.count == 3)
        #expect(configuration.historyLimit == 500)
        #expect(configuration.historyMaxAge == 7 * 24 * 3600)
    }

    @Test func genericSettingsForLaterModulesSurvive() async throws {
        let device = try TestDevice()
        let first = try await device.boot()
        try first.store.saveSettings(["control.language": "fr", "control.soul": ["name": "Hearth", "tone": "warm"]])
        try first.store.saveSettings(["control.language": "de"])
        await first.powerOff()

        let second = try await device.boot()
        #expect(try second.store.settings()["control.language"] == "de")
        #expect(try second.store.settings()["control.soul"] == ["name": "Hearth", "tone": "warm"])
        // Keys this version does not interpret are kept, not reported.
        #expect(second.problems.isEmpty)
        try second.store.removeSettings(["control.language"])
        #expect(try second.store.settings()["control.language"] == nil)
    }

    @Test func appendsThatKnowTheCountWriteAfterItAndAWrongCountChangesNothing() async throws {
        let device = try TestDevice()
        let first = try await device.boot()
        let listen: Value = ["event": "action", "name": "action_listen", "timestamp": 100.0]
        let greet: Value = ["event": "user", "text": "/greet", "timestamp": 101.5]
        let id = "ann"
        try first.store.appendTrackerEvents([listen], to: id, after: 0, durability: .deferred)
        try first.store.appendTrackerEvents([greet], to: id, after: 1, durability: .deferred)
        #expect(throws: StoreError.self) { try first.store.appendTrackerEvents([greet], to: id, after: 1, durability: .deferred) }
        #expect(throws: StoreError.self) { try first.store.appendTrackerEvents([listen, greet], to: "nobody", after: 3) }
        #expect(try first.store.trackerEvents(of: id) == [listen, greet])
        #expect(try first.store.trackerEvents(of: "nobody") == nil)
        await first.powerOff()

        let second = try await device.boot()
        #expect(try second.store.conversationIDs() == [id])
        #expect(try second.store.trackerEvents(of: id) == [listen, greet])
    }

    @Test func dialogueTrackersSurvive() async throws {
        let device = try TestDevice()
        let first = try await device.boot()
        let listen: Value = ["event": "action", "name": "action_listen", "timestamp": 100.0]
        let greet: Value = ["event": "user", "text": "/greet", "timestamp": 101.5, "parse_data": ["intent": ["name": "greet", "confidence": 1.0]]]
        try first.store.appendTrackerEvents([listen], to: "default")
        try first.store.appendTrackerEvents([greet], to: "default")
        #expect(try first.store.createConversation("madeupid"))
        #expect(try first.store.createConversation("madeupid") == false)
        await first.powerOff()

        let second = try await device.boot()
        #expect(try second.store.conversationIDs() == ["default", "madeupid"])
        #expect(try second.store.trackerEvents(of: "default") == [listen, greet])
        #expect(try second.store.trackerEvents(of: "default", until: 100.5) == [listen])
        #expect(try second.store.trackerEvents(of: "madeupid") == [])
        #expect(try second.store.trackerEvents(of: "nobody") == nil)

        try second.store.replaceTrackerEvents([greet], of: "default")
        #expect(try second.store.trackerEvents(of: "default") == [greet])
        try second.store.deleteConversation("madeupid")
        #expect(try second.store.conversationIDs() == ["default"])
    }
}

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(start: Date) { current = Mutex(start) }

    var now: @Sendable () -> Date { { [self] in current.withLock { $0 } } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
