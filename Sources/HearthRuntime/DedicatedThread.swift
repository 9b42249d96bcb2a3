import Foundation

/// Blocking work (loading speech models, espeak-ng rendering a sentence,
/// decoding an upload) on a thread started for it, awaited from async code.
///
/// Swift's cooperative pool has one thread per core, two on the board:
/// work that holds one of them for long stalls every other task (HTTP
/// handlers, the runtime, timers), so it runs here instead.
public enum DedicatedThread {
    public static func run<Value: Sendable, Failure: Error>(
        named name: String, _ body: @escaping @Sendable () throws(Failure) -> Value
    ) async throws(Failure) -> Value {
        let result: Result<Value, Failure> = await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: Result(catching: body)) }
            thread.name = name
            thread.start()
        }
        return try result.get()
    }
}
