import Foundation
import GRDB
import HearthBrain
import HearthRuntime
import HearthStore
import Testing

/// A database the device cannot use is moved aside, never deleted, and the
/// device starts with fresh state: it always boots.
@Suite struct DatabaseRecoveryTests {
    @Test func aFileThatIsNotADatabaseIsMovedAsideAndTheDeviceStartsFresh() async throws {
        let device = try TestDevice()
        try FileManager.default.createDirectory(atPath: device.stateDirectory, withIntermediateDirectories: true)
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: device.storeConfiguration().databasePath))

        let booted = try await device.boot()
        #expect(booted.store.isAvailable)
        #expect(await booted.runtime.brain.synapses.count == 3)
        try await booted.runtime.applySettingsChange(.mute(true))

        let aside = try movedAside(in: device, reason: "corrupt")
        #expect(aside.count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: device.stateDirectory + "/" + aside[0])) == garbage)
    }

    @Test func aDatabaseWithDamagedPagesIsMovedAside() async throws {
        let device = try TestDevice()
        let first = try await device.boot()
        // Enough rows to span several pages, then a clean close.
        for index in 0..<200 {
            try first.store.appendTrackerEvents([["event": "bot", "text": .string(String(repeating: "x", count: 200)), "n": .int(index)]], to: "default")
        }
        await first.powerOff()

        // Scribble over the middle of the file, past the header page.
        let path = device.storeConfiguration().databasePath
        let handle = try #require(FileHandle(forWritingAtPath: path))
        let size = try handle.seekToEnd()
        #expect(size > 16_384)
        try handle.seek(toOffset: 8192)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 8192))
        try handle.close()

        let second = try await device.boot()
        #expect(second.store.isAvailable)
        #expect(try second.store.conversationIDs() == [])
        #expect(try movedAside(in: device, reason: "corrupt").count == 1)
    }

    @Test func aDatabaseFromANewerHearthIsMovedAside() async throws {
        let device = try TestDevice()
        let first = try await device.boot()
        try await first.runtime.applySettingsChange(.deaf(true))
        await first.powerOff()
        try markWrittenByNewerHearth(device.storeConfiguration().databasePath)

        let second = try await device.boot()
        #expect(second.store.isAvailable)
        #expect(await second.runtime.isDeaf == false)
        #expect(try movedAside(in: device, reason: "newer").count == 1)
    }

    @Test func aReaderNeverMovesTheDatabaseAside() async throws {
        let device = try TestDevice()
        let first = try await device.boot()
        await first.powerOff()
        try markWrittenByNewerHearth(device.storeConfiguration().databasePath)

        var configuration = device.storeConfiguration()
        configuration.readOnly = true
        let reader = StateStore(configuration: configuration, logger: quietLogger)
        #expect(reader.isAvailable == false)
        #expect(throws: StoreError.self) { try reader.settings() }
        #expect(FileManager.default.fileExists(atPath: configuration.databasePath))
        #expect(try movedAside(in: device, reason: "newer").isEmpty)
    }

    @Test func anUnusableStateDirectoryStillBootsAndRecoversWhenItIsFixed() async throws {
        let device = try TestDevice()
        // A file where the state directory should be: nothing can be created.
        try "not a folder".write(toFile: device.stateDirectory, atomically: true, encoding: .utf8)

        let booted = try await device.boot()
        #expect(booted.store.isAvailable == false)
        #expect(await booted.runtime.brain.synapses.count == 3)
        #expect(try await notSavedReason { try await booted.runtime.applySettingsChange(.mute(true)) } == .unavailable)
        #expect(await booted.runtime.isMuted == false)

        try FileManager.default.removeItem(atPath: device.stateDirectory)
        try await booted.runtime.applySettingsChange(.mute(true))
        #expect(booted.store.isAvailable)
        await booted.powerOff()
        #expect(try await device.boot().runtime.isMuted)
    }

    private func movedAside(in device: TestDevice, reason: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: device.stateDirectory)
            .filter { $0.hasPrefix("hearth.sqlite.\(reason)-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
    }
}

/// Records a schema change this Hearth does not know, as a later version would.
func markWrittenByNewerHearth(_ path: String) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('99-from-the-future')") }
    try queue.close()
}

/// Why the runtime refused a change as not saved; nil when it was saved.
func notSavedReason(_ change: () async throws -> Void) async throws -> StateSaveFailure.Reason? {
    do {
        try await change()
        return nil
    } catch RuntimeError.notSaved(let failure) {
        return failure.reason
    }
}
