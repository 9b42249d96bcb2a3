import Foundation
import HTTPTypes
import HearthBrain
import HearthNeurons
import HearthRuntime
import HearthServer
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization

/// Speech that records what would have been said, and with which voice.
final class RecordingSpeech: SpeechOutput {
    private let spoken = Mutex<[(text: String, voice: [String: Value])]>([])
    private let stops = Mutex(0)

    func speak(_ text: String, settings: Settings) async throws {
        spoken.withLock { $0.append((text, settings.speechParameters)) }
    }

    func stop() async { stops.withLock { $0 += 1 } }

    var messages: [String] { spoken.withLock { $0.map(\.text) } }
    /// The speech engine's parameters (voice, rate, pitch) of each message.
    var voices: [[String: Value]] { spoken.withLock { $0.map(\.voice) } }
    var stopCount: Int { stops.withLock { $0 } }
}

/// Counts kill-switch pulls instead of ending the test process.
final class TerminationCounter: Sendable {
    private let count = Mutex(0)
    func pull() { count.withLock { $0 += 1 } }
    var pulls: Int { count.withLock { $0 } }
}

/// A runtime on a brain and settings (the starter ones unless given) behind
/// the API router, driven through Hummingbird's in-process test client.
struct TestAPI {
    let runtime: Runtime
    let speech = RecordingSpeech()
    let terminations = TerminationCounter()
    var configuration: APIConfiguration

    init(
        brainYAML: String? = nil, settingsYAML: String? = nil, credentials: APICredentials? = nil, corsOrigin: String? = nil,
        transcriber: (any AudioTranscriber)? = nil
    ) throws {
        let brain = try BrainLoader.load(text: brainYAML ?? StarterBrain.brainYAML, name: "test-brain").brain
        let settings = try SettingsLoader.load(text: settingsYAML ?? StarterBrain.settingsYAML, name: "test-settings").settings
        let terminations = self.terminations
        runtime = Runtime(
            brain: brain, settings: settings,
            configuration: RuntimeConfiguration(
                neurons: CoreNeurons.registry, speech: speech, transcriber: transcriber, terminate: { terminations.pull() }))
        configuration = APIConfiguration(credentials: credentials, allowedCORSOrigin: corsOrigin)
    }

    var routeTable: RouteTable { APIServer.routes(runtime: runtime, configuration: configuration) }

    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        var logger = Logger(label: "hearth.api.test")
        logger.logLevel = .warning
        let app = Application(router: APIServer.router(runtime: runtime, configuration: configuration), logger: logger)
        try await app.test(.router, body)
    }
}

extension TestClientProtocol {
    /// Sends a request with an optional JSON body given as text.
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ uri: String, json: String? = nil, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

/// Speech to text that hears `text` in any upload, or finds it unreadable when nil.
struct FixedTranscriber: AudioTranscriber {
    let text: String?

    func transcribe(file: [UInt8], brain: Brain) async throws -> String {
        guard let text else { throw AudioInputError.unreadable("not audio") }
        return text
    }
}

extension TestClientProtocol {
    /// A multipart/form-data POST, as `curl -F name=@file` sends it.
    func sendForm(_ uri: String, fields: [(String, [UInt8])]) async throws -> TestResponse {
        let boundary = "hearth-test-boundary"
        var body: [UInt8] = []
        for (name, content) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(name)\"\r\n\r\n".utf8)
            body += content + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }
}

extension TestResponse {
    var text: String { body.getString(at: body.readerIndex, length: body.readableBytes) ?? "" }

    /// The body as JSON; `.null` with the parse error's text when it is not JSON.
    var json: Value {
        (try? JSON.decode(text)) ?? .string("not JSON: \(text)")
    }
}

func basicAuth(_ login: String, _ password: String) -> HTTPFields {
    [.authorization: "Basic " + Data("\(login):\(password)".utf8).base64EncodedString()]
}

/// Settings like the starter ones, without the not-found hook, so an order
/// that matches nothing answers Kalliope's empty response.
let settingsWithoutHooks = """
    rest_api:
      port: 5000
    options:
      deaf: false
      mute: false
    """
