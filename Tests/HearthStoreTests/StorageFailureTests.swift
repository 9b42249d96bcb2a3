import AsyncHTTPClient
import Foundation
import HearthBrain
import HearthRuntime
import HearthServer
import HearthStore
import HearthTestSupport
import Testing

/// Full or read-only storage: the change is refused with a typed error and
/// not made, the device keeps serving, and writes work again once there is
/// room. The size cap (SQLite's `max_page_count`) plays a full disk without
/// privileges; a real tmpfs is used too where this machine lets tests mount.
@Suite struct StorageFailureTests {
    @Test func aFullStoreRefusesChangesWhichAreNotMadeAndRecoversWhenSpaceReturns() async throws {
        let device = try TestDevice()
        var configuration = device.storeConfiguration()
        configuration.maximumSize = 128 * 1024
        let booted = try await device.boot(configuration: configuration)
        try fillUntilFull(booted.store)

        // Changes that need new pages (a row that fits a page already there
        // is still saved: the store is full only for what needs room).
        let essay = String(repeating: "It is sunny today. ", count: 1000)
        let weather = try apiSynapse("say-weather", order: "weather", says: essay)
        #expect(try await notSavedReason { try await booted.runtime.addSynapse(weather) } == .storageFull)
        #expect(try await notSavedReason { try await booted.runtime.applySettingsChange(.variables(["notes": .string(essay)])) } == .storageFull)
        // Nothing changed, and the device still answers.
        #expect(await booted.runtime.brain.contains("say-weather") == false)
        #expect(await booted.runtime.settings.variables["notes"] == nil)
        #expect(await booted.runtime.runOrder("hello").spokenMessages == ["Hello"])

        // Space returns: the filler conversation goes.
        try booted.store.deleteConversation("filler")
        try await booted.runtime.addSynapse(weather)
        await booted.powerOff()

        let second = try await device.boot(configuration: configuration)
        #expect(await second.runtime.brain.contains("say-weather"))
        #expect(await second.runtime.settings.variables["notes"] == nil)
    }

    @Test func theServerAnswersAFullStoreWith507AndOtherStorageFailuresWith503() {
        let full = APIError(RuntimeError.notSaved(StateSaveFailure(.storageFull, detail: "storage is full")))
        #expect(full.status.code == 507)
        #expect(full.body == ["error": ["Error": "the change was not saved: storage is full"]])
        let readOnly = APIError(RuntimeError.notSaved(StateSaveFailure(.readOnly, detail: "storage is read-only")))
        #expect(readOnly.status.code == 503)
        #expect(APIError(RuntimeError.notSaved(StateSaveFailure(.unavailable, detail: "disk I/O error"))).status.code == 503)
    }

    @Test(.enabled(if: TmpfsMount.isPermitted, "needs permission to mount a tmpfs"))
    func aRealFullDiskRefusesChangesAndRecoversWhenSpaceIsFreed() async throws {
        let device = try TestDevice()
        let mount = try TmpfsMount(at: device.stateDirectory, size: "1m")
        defer { mount.unmount() }
        let booted = try await device.boot()
        #expect(booted.store.isAvailable)

        let filler = device.stateDirectory + "/filler"
        try mount.fillUp(with: filler)
        let weather = try apiSynapse("say-weather", order: "weather", says: String(repeating: "Sunny. ", count: 9000))
        #expect(try await notSavedReason { try await booted.runtime.addSynapse(weather) } == .storageFull)
        #expect(await booted.runtime.brain.contains("say-weather") == false)

        try FileManager.default.removeItem(atPath: filler)
        try await booted.runtime.addSynapse(weather)
        await booted.powerOff()
        #expect(try await device.boot().runtime.brain.contains("say-weather"))
    }

    @Test(.enabled(if: TmpfsMount.isPermitted, "needs permission to mount a tmpfs"))
    func aRealDaemonAnswers507OnAFullDiskKeepsServingAndRecovers() async throws {
        let device = try TestDevice()
        let mount = try TmpfsMount(at: device.stateDirectory, size: "1m")
        defer { mount.unmount() }
        let daemon = try await LiveHearth.start(device: device)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let filler = device.stateDirectory + "/filler"
        let synapse: Value = [
            "name": "say-weather", "signals": [["order": "weather"]],
            "neurons": [["say": ["message": .string(String(repeating: "Sunny. ", count: 9000))]]],
        ]
        do {
            try mount.fillUp(with: filler)
            let refused = try await client.call(.POST, daemon.baseURL + "/synapses", json: synapse)
            #expect(refused.status == 507)
            #expect(refused.json == ["error": ["Error": "the change was not saved: storage is full"]])
            #expect(try await client.call(.GET, daemon.baseURL + "/synapses/say-weather").status == 404)
            let order = try await client.call(.POST, daemon.baseURL + "/synapses/start/order", json: ["order": "hello"])
            #expect(order.status == 201)
            #expect(order.json.mapValue?["status"] == "complete")

            try FileManager.default.removeItem(atPath: filler)
            #expect(try await client.call(.POST, daemon.baseURL + "/synapses", json: synapse).status == 201)
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    /// Linux refuses to remount read-only while SQLite holds files open for
    /// writing, so the storage turns read-only between two boots, as after a
    /// file system error at power-up.
    @Test(.enabled(if: TmpfsMount.isPermitted, "needs permission to mount a tmpfs"))
    func readOnlyStorageStillBootsRefusesChangesAndRecoversWhenWritable() async throws {
        let device = try TestDevice()
        let mount = try TmpfsMount(at: device.stateDirectory, size: "1m")
        defer { mount.unmount() }
        let first = try await device.boot()
        try await first.runtime.applySettingsChange(.mute(true))
        await first.powerOff()

        try mount.remount(readOnly: true)
        let second = try await device.boot()
        #expect(await second.runtime.brain.synapses.count == 3)
        #expect(try await notSavedReason { try await second.runtime.applySettingsChange(.deaf(true)) } != nil)
        #expect(await second.runtime.isDeaf == false)

        try mount.remount(readOnly: false)
        try await second.runtime.applySettingsChange(.deaf(true))
        await second.powerOff()
        let third = try await device.boot()
        #expect(await third.runtime.isDeaf)
        #expect(await third.runtime.isMuted)
    }

    /// Appends tracker events until the store reports it is full.
    private func fillUntilFull(_ store: StateStore) throws {
        let event: Value = ["event": "bot", "text": .string(String(repeating: "x", count: 2000))]
        for _ in 0..<1000 {
            do {
                try store.appendTrackerEvents([event], to: "filler")
            } catch .storageFull {
                return
            }
        }
        Issue.record("the store never filled up")
    }
}

/// A small tmpfs mounted for one test.
struct TmpfsMount {
    let path: String

    static let isPermitted: Bool = {
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-mount-probe-\(UUID().uuidString)").path
        guard (try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)) != nil else { return false }
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe]) else { return false }
        _ = run("/bin/umount", [probe])
        return true
    }()

    init(at path: String, size: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", path]) else {
            throw CocoaError(.fileWriteNoPermission)
        }
        self.path = path
    }

    func remount(readOnly: Bool) throws {
        guard Self.run("/bin/mount", ["-o", readOnly ? "remount,ro" : "remount,rw", path]) else {
            throw CocoaError(.fileWriteNoPermission)
        }
    }

    /// Writes a file until the file system has no room left.
    func fillUp(with file: String) throws {
        _ = FileManager.default.createFile(atPath: file, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: file))
        defer { try? handle.close() }
        let block = Data(repeating: 0, count: 4096)
        while (try? handle.write(contentsOf: block)) != nil {}
    }

    func unmount() {
        _ = Self.run("/bin/umount", ["-l", path])
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
