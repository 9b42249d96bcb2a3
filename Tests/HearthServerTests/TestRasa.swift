import Foundation
import HearthBrain
import HearthNeurons
import HearthPersistence
import HearthRuntime
import HearthServer
import HearthStore
import Hummingbird
import HummingbirdTesting
import Logging

/// The Rasa API over a domain and stories written to a temporary folder,
/// trackers in a real state database there, messages read with a runtime's
/// brain; driven through Hummingbird's in-process test client.
final class TestRasa {
    static let domain = """
        intents: [greet, default, goodbye]
        slots:
          cuisine: {type: text}
          location: {type: text}
        templates:
          utter_greet: ["hey there!"]
          utter_default: ["default message"]
          utter_goodbye: ["goodbye :(\\n\\nsee you"]
          utter_ask:
            - text: "Where, {cuisine} lover?"
              buttons:
                - {title: Lyon, payload: '/inform{"location": "Lyon"}'}
        actions: [utter_greet, utter_default, utter_goodbye, utter_ask]
        """

    static let stories = """
        ## greet
        * greet
          - utter_greet
        ## goodbye
        * goodbye
          - utter_goodbye
        """

    let folder: URL
    let store: StateStore
    let runtime: Runtime
    let configuration: RasaConfiguration
    let service: RasaService

    init(section: String = "", domain: String = TestRasa.domain, stories: String = TestRasa.stories) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-rasa-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try domain.write(to: folder.appendingPathComponent("domain.yml"), atomically: true, encoding: .utf8)
        try stories.write(to: folder.appendingPathComponent("stories.md"), atomically: true, encoding: .utf8)
        let settings = try SettingsLoader.load(
            text: "rasa:\n  domain: domain.yml\n  stories: stories.md\n" + section, name: "settings.yml").settings
        configuration = try RasaConfiguration(section: settings.sections["rasa"], baseDirectory: folder.path)
        let brain = try BrainLoader.load(text: StarterBrain.brainYAML, name: "brain.yml").brain
        runtime = Runtime(brain: brain, settings: settings, configuration: RuntimeConfiguration(neurons: CoreNeurons.registry, terminate: {}))
        store = StateStore(configuration: StoreConfiguration(directory: folder.appendingPathComponent("state").path), logger: Self.quiet)
        service = try RasaService(configuration: configuration, runtime: runtime, store: SQLiteTrackerStore(store: store), logger: Self.quiet)
    }

    deinit {
        store.close()
        try? FileManager.default.removeItem(at: folder)
    }

    static let quiet = Logger(label: "hearth.rasa.test") { _ in SwiftLogNoOpLogHandler() }

    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: RasaServer.router(conversations: service.conversations, configuration: configuration), logger: Self.quiet)
        try await app.test(.router, body)
    }
}

extension Value {
    /// A key of a map, or an item of a list; nil for anything else.
    subscript(key: String) -> Value? { mapValue?[key] }
    subscript(index: Int) -> Value? { listValue.flatMap { index < $0.count ? $0[index] : nil } }
}
