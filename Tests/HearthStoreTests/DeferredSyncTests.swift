import Foundation
import HearthBrain
import HearthNeurons
import HearthPersistence
import HearthRuntime
import HearthStore
import HearthTestSupport
import Synchronization
import Testing

/// The run log is written at once but synced to disk within a second, so
/// orders do not wait for the disk; what a client or the brain asked to keep
/// is synced before the answer.
///
/// What a power cut leaves is the database file without its write-ahead log's
/// unsynced tail; these tests look at the database file alone (a copy taken
/// without the log), which holds exactly what a checkpoint has put there.
@Suite struct DeferredSyncTests {
    @Test func aDeferredRunIsReadableAtOnceAndInTheDatabaseFileOnceSynced() throws {
        let device = try TestDevice()
        var configuration = device.storeConfiguration()
        configuration.deferredSyncDelay = 3600
        let store = StateStore(configuration: configuration, logger: quietLogger)
        defer { store.close() }

        try store.recordRun(entry("turn on the light"), durability: .deferred)
        #expect(try store.history().compactMap(\.order) == ["turn on the light"])
        #expect(try ordersInDatabaseFileAlone(of: device) == [])

        store.syncDeferredWrites()
        #expect(try ordersInDatabaseFileAlone(of: device) == ["turn on the light"])
    }

    @Test func aDeferredConversationTurnIsReadableAtOnceAndInTheDatabaseFileOnceSynced() throws {
        let device = try TestDevice()
        var configuration = device.storeConfiguration()
        configuration.deferredSyncDelay = 3600
        let store = StateStore(configuration: configuration, logger: quietLogger)
        defer { store.close() }
        let turn: Value = ["event": "user", "text": "hello", "timestamp": 1.5]

        try store.appendTrackerEvents([turn], to: "ann", durability: .deferred)
        #expect(try store.trackerEvents(of: "ann") == [turn])
        #expect(try inDatabaseFileAlone(of: device) { try $0.trackerEvents(of: "ann") } == nil)

        store.syncDeferredWrites()
        #expect(try inDatabaseFileAlone(of: device) { try $0.trackerEvents(of: "ann") } == [turn])
    }

    @Test func deferredRunsAreSyncedWithoutBeingAsked() async throws {
        let device = try TestDevice()
        var configuration = device.storeConfiguration()
        configuration.deferredSyncDelay = 0.05
        let store = StateStore(configuration: configuration, logger: quietLogger)
        defer { store.close() }

        for index in 1...3 { try store.recordRun(entry("order \(index)"), durability: .deferred) }
        var onDisk: [String] = []
        for _ in 0..<600 where onDisk.count < 3 {
            try await Task.sleep(for: .milliseconds(50))
            onDisk = try ordersInDatabaseFileAlone(of: device)
        }
        #expect(onDisk == ["order 3", "order 2", "order 1"])
    }

    @Test func aGrowingLogIsCopiedIntoTheFileInTheBackground() async throws {
        let device = try TestDevice()
        var configuration = device.storeConfiguration()
        configuration.deferredSyncDelay = 3600
        let store = StateStore(configuration: configuration, logger: quietLogger)
        defer { store.close() }

        // About 15 log pages a commit: the log passes its 1,000-page
        // threshold two thirds of the way through, and nobody asks for a
        // sync. SQLite's own automatic checkpoint is off on the writer, so
        // without the background one the file would stay empty.
        let page = String(repeating: "x", count: 50_000)
        for index in 0..<100 {
            try store.appendTrackerEvents([["event": "bot", "text": .string(page), "n": .int(index)]], to: "long", durability: .deferred)
        }
        let path = configuration.databasePath
        let copied: @Sendable () -> [Value]? = { (try? Self.inDatabaseFileAlone(at: path) { try $0.trackerEvents(of: "long") }) ?? nil }
        #expect(await eventually { (copied()?.count ?? 0) >= 60 })
        let events = try #require(copied())
        #expect(events.map { $0.mapValue?["n"] } == (0..<events.count).map { .int($0) })
    }

    @Test func closingTheStoreSyncsWhatWasDeferred() throws {
        let device = try TestDevice()
        var configuration = device.storeConfiguration()
        configuration.deferredSyncDelay = 3600
        let store = StateStore(configuration: configuration, logger: quietLogger)
        try store.recordRun(entry("good night"), durability: .deferred)
        store.close()
        #expect(try ordersInDatabaseFileAlone(of: device) == ["good night"])
    }

    @Test func onlyRunsHoldingMemoryTheBrainAskedForAreSyncedBeforeTheAnswer() async throws {
        let saved = RecordingRunStore()
        let brain = try BrainLoader.load(text: TestDevice.brain, name: "brain.yml").brain
        let runtime = Runtime(
            brain: brain, settings: Settings(),
            configuration: RuntimeConfiguration(
                neurons: CoreNeurons.registry, logger: quietLogger, terminate: {}, stateStore: saved))

        _ = await runtime.runOrder("hello", source: "api", mute: true)
        _ = await runtime.runOrder("my favourite colour is green", source: "api", mute: true)
        _ = await runtime.runOrder("goodbye", source: "api", mute: true)

        #expect(saved.runs.map(\.order) == ["hello", "my favourite colour is green", "goodbye"])
        #expect(saved.runs.map(\.synced) == [false, true, false])
        #expect(saved.runs[1].memory["colour"] == "green")
    }

    private func entry(_ order: String) -> RunRecord {
        RunRecord(time: Date(), source: "api", order: order, synapses: [], status: nil, duration: 0)
    }

    /// The orders the database file holds without its write-ahead log.
    private func ordersInDatabaseFileAlone(of device: TestDevice) throws -> [String] {
        try inDatabaseFileAlone(of: device) { try $0.history().compactMap(\.order) }
    }

    /// What `read` finds in the database file without its write-ahead log.
    private func inDatabaseFileAlone<T>(of device: TestDevice, _ read: (StateStore) throws -> T) throws -> T {
        try Self.inDatabaseFileAlone(at: device.storeConfiguration().databasePath, read)
    }

    private static func inDatabaseFileAlone<T>(at original: String, _ read: (StateStore) throws -> T) throws -> T {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-file-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(atPath: original, toPath: copy.appendingPathComponent("hearth.sqlite").path)
        let alone = StateStore(configuration: StoreConfiguration(directory: copy.path), logger: quietLogger)
        defer { alone.close() }
        return try read(alone)
    }
}

/// A state store that keeps what the runtime asked it to save, in memory.
private final class RecordingRunStore: RuntimeStateStore, Sendable {
    struct SavedRun {
        var order: String?
        var memory: [String: Value]
        var synced: Bool
    }

    private let saved = Mutex<[SavedRun]>([])
    var runs: [SavedRun] { saved.withLock { $0 } }

    func saveRun(_ run: RunRecord, memory: [String: Value], synced: Bool) throws(StateSaveFailure) {
        saved.withLock { $0.append(SavedRun(order: run.order, memory: memory, synced: synced)) }
    }

    func saveAddedSynapse(_ synapse: Synapse) throws(StateSaveFailure) {}
    func saveRemovedSynapse(named name: String) throws(StateSaveFailure) {}
    func saveSynapseEnabled(_ enabled: Bool, named name: String) throws(StateSaveFailure) {}
    func saveSettingsChange(_ change: SettingsChange) throws(StateSaveFailure) {}
    func saveMemory(_ memory: [String: Value]) throws(StateSaveFailure) {}
}
