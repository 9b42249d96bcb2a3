import Foundation
import HearthBrain
import HearthHomeAssistant
import HearthNeurons
import HearthRuntime
import HearthTestSupport
import Logging
import Synchronization

/// The token every test's fake Home Assistant accepts; tests check that it
/// never shows anywhere but in the Authorization header.
let secretToken = "eyJhbGciOiJIUzI1NiJ9.hearth-test-secret-9f3c2a"

/// Keeps every log line (message and metadata) at every level.
final class RecordingLogHandler: LogHandler, @unchecked Sendable {
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
    }

    let store: Lines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    init(store: Lines) { self.store = store }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        store.lines.withLock { $0.append("\(event.level) \(event.message) \(merged)") }
    }
}

/// A fake Home Assistant, a `HomeAssistant` pointed at it and a log that
/// records everything.
struct HomeAssistantFixture {
    let fake: FakeHomeAssistant
    let homeAssistant: HomeAssistant
    let log = RecordingLogHandler.Lines()

    static func start(token: String = secretToken, timeout: Double = 10, language: String? = "en") async throws -> HomeAssistantFixture {
        let fake = FakeHomeAssistant(token: secretToken)
        let url = try await fake.start()
        return HomeAssistantFixture(fake: fake, url: url, token: token, timeout: timeout, language: language)
    }

    private init(fake: FakeHomeAssistant, url: String, token: String, timeout: Double, language: String?) {
        self.fake = fake
        let store = log
        let logger = Logger(label: "hearth.homeassistant.test") { _ in RecordingLogHandler(store: store) }
        homeAssistant = HomeAssistant(
            settings: HomeAssistantSettings(url: url, token: HomeAssistantToken(token), language: language, timeout: timeout),
            logger: logger)
    }

    func stop() async throws { try await fake.stop() }

    /// A runtime on `brain` whose `homeassistant` neuron speaks to this fixture.
    func runtime(brain: String, settings: String = "", speech: RecordingSpeech) throws -> Runtime {
        let runtime = Runtime(
            brain: try BrainLoader.load(text: brain, name: "test-brain.yml").brain,
            settings: try SettingsLoader.load(text: settings, name: "test-settings.yml").settings,
            configuration: RuntimeConfiguration(
                neurons: CoreNeurons.registry(homeAssistant: homeAssistant), speech: speech, terminate: {}))
        homeAssistant.publishEvents(to: runtime.events)
        return runtime
    }
}

/// Collects the events a bus publishes from now on.
final class EventRecorder: Sendable {
    private final class Store: Sendable {
        let events = Mutex<[RuntimeEvent]>([])
    }

    private let store: Store
    private let task: Task<Void, Never>

    init(_ bus: EventBus) {
        let store = Store()
        let stream = bus.subscribe()
        self.store = store
        task = Task {
            for await event in stream { store.events.withLock { $0.append(event) } }
        }
    }

    var events: [RuntimeEvent] { store.events.withLock { $0 } }
    var kinds: [String] { events.map(\.kind.rawValue) }
    func stop() { task.cancel() }
}
