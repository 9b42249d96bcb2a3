import Foundation
import HearthBrain
import HearthNeurons
import HearthPersistence
import HearthRuntime
import HearthStore
import HearthTestSupport
import Logging

/// A device's files and state folder in a temporary directory, booted as
/// `hearth run` boots: stored state over the files, then the runtime. Booting
/// again on the same folder is a restart.
final class TestDevice {
    static let brain = """
        - name: say-hello
          signals:
            - order: "hello"
          neurons:
            - say:
                message: "Hello"
        - name: remember-colour
          signals:
            - order: "my favourite colour is {{ colour }}"
          neurons:
            - say:
                message: "Noted"
                kalliope_memory:
                  colour: "{{ colour }}"
        - name: say-goodbye
          signals:
            - order: "goodbye"
          neurons:
            - say:
                message: "Bye"
        """

    static let settings = """
        variables:
          owner: Ann
          city: Lyon
        options:
          deaf: false
          mute: false
        """

    let folder: URL
    var stateDirectory: String { folder.appendingPathComponent("state").path }
    var brainPath: String { folder.appendingPathComponent("brain.yml").path }
    var settingsPath: String { folder.appendingPathComponent("settings.yml").path }

    init(brain: String = TestDevice.brain, settings: String = TestDevice.settings) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try brain.write(toFile: brainPath, atomically: true, encoding: .utf8)
        try settings.write(toFile: settingsPath, atomically: true, encoding: .utf8)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func storeConfiguration() -> StoreConfiguration {
        StoreConfiguration(directory: stateDirectory)
    }

    /// Boots: opens the store, applies it over the files, starts a runtime.
    func boot(configuration: StoreConfiguration? = nil, now: @escaping @Sendable () -> Date = { Date() }) async throws -> Booted {
        let loaded = try LoadedConfiguration.load(brainPath: brainPath, settingsPath: settingsPath)
        let store = StateStore(configuration: configuration ?? storeConfiguration(), logger: quietLogger, now: now)
        let stored = StoredState.load(from: store, over: loaded)
        let runtime = Runtime(
            brain: stored.brain, settings: stored.settings,
            configuration: RuntimeConfiguration(
                neurons: CoreNeurons.registry, baseDirectory: loaded.baseDirectory, logger: quietLogger,
                now: now, terminate: {}, stateStore: SQLiteRuntimeStateStore(store: store)))
        await runtime.restoreMemory(stored.memory)
        return Booted(store: store, runtime: runtime, problems: stored.problems)
    }
}

struct Booted {
    let store: StateStore
    let runtime: Runtime
    let problems: [String]

    /// The power goes: the runtime is dropped and the database closed
    /// without any goodbye.
    func powerOff() async {
        await runtime.stop()
        store.close()
    }
}

let quietLogger = Logger(label: "hearth.test") { _ in SwiftLogNoOpLogHandler() }

/// A synapse as a client would post it.
func apiSynapse(_ name: String, order: String, says message: String, enabled: Bool = true) throws -> Synapse {
    var warnings: [(String, ValuePath)] = []
    var synapse = try SynapseParser(rejectUnknownSignals: true).parse(
        ["name": .string(name), "signals": [["order": .string(order)]], "neurons": [["say": ["message": .string(message)]]]],
        warnings: &warnings)
    synapse.enabled = enabled
    return synapse
}

extension LiveHearth {
    /// A real `hearth run` over the device's files and state folder.
    static func start(device: TestDevice) async throws -> LiveHearth {
        try await start(in: device.folder, brain: device.brainPath, settings: device.settingsPath, stateDirectory: device.stateDirectory)
    }
}
