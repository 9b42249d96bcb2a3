import HearthBrain
import HearthServer
import Hummingbird
import HummingbirdWSClient
import Logging
import NIOCore
import Synchronization

/// The API served on a real loopback socket (port chosen by the system), for
/// what the in-process router client cannot do: WebSocket upgrades.
enum LiveAPI {
    struct NoPort: Error {}
    struct ConnectionClosed: Error {}

    /// Serves `api` on a loopback port the system picks, runs `body` with
    /// the port, then stops the server.
    static func serve<Result: Sendable>(_ api: TestAPI, _ body: @escaping @Sendable (_ port: Int) async throws -> Result) async throws -> Result {
        var configuration = api.configuration
        configuration.port = 0
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let app = APIServer.application(runtime: api.runtime, configuration: configuration, logger: quietLogger) { port in
            portContinuation.yield(port)
        }
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                try await app.runService()
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw NoPort() }
            let result = try await body(port)
            group.cancelAll()
            return result
        }
    }

    /// Serves `api`, connects a WebSocket client to `path`, runs `body`
    /// with the connection, closes it, and stops the server.
    static func webSocket<Result: Sendable>(
        _ api: TestAPI, path: String,
        _ body: @escaping @Sendable (inout MessageReader, WebSocketOutboundWriter) async throws -> Result
    ) async throws -> Result {
        try await serve(api) { port in
            let outcome = ResultBox<Result>()
            try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)\(path)", logger: quietLogger) { inbound, outbound, _ in
                var reader = MessageReader(inbound.messages(maxSize: 1 << 20).makeAsyncIterator())
                outcome.set(try await body(&reader, outbound))
                try await outbound.close(.normalClosure, reason: nil)
            }
            guard let result = outcome.value else { throw ConnectionClosed() }
            return result
        }
    }

    /// Stopping the server by cancellation is logged as an error by the
    /// server itself; in a test that is the expected way to stop.
    static let quietLogger: Logger = {
        var logger = Logger(label: "hearth.api.test")
        logger.logLevel = .critical
        return logger
    }()

    /// Reads a connection's messages one at a time.
    struct MessageReader {
        var iterator: WebSocketInboundMessageStream.AsyncIterator

        init(_ iterator: WebSocketInboundMessageStream.AsyncIterator) {
            self.iterator = iterator
        }

        mutating func next() async throws -> WebSocketMessage {
            guard let message = try await iterator.next() else { throw ConnectionClosed() }
            return message
        }

        /// The next text message, as a JSON object.
        mutating func nextJSON() async throws -> [String: Value] {
            guard case .text(let text) = try await next(), case .map(let object) = try JSON.decode(text) else {
                throw ConnectionClosed()
            }
            return object
        }
    }
}

/// Carries a value out of a `@Sendable` closure.
final class ResultBox<Value: Sendable>: Sendable {
    private let stored = Mutex<Value?>(nil)

    func set(_ value: Value) { stored.withLock { $0 = value } }
    var value: Value? { stored.withLock { $0 } }
}
