import Foundation
import HearthBrain
import HearthRuntime
import Synchronization

/// Speech that records what would have been spoken.
public final class RecordingSpeech: SpeechOutput {
    private let spoken = Mutex<[String]>([])

    public init() {}

    public func speak(_ text: String, settings: Settings) async throws {
        spoken.withLock { $0.append(text) }
    }

    public func stop() async {}

    public var messages: [String] { spoken.withLock { $0 } }
}

/// Waits until `condition` holds (for timers, scheduled events, background
/// probes), giving up after `seconds`; returns whether it held. The bound is
/// generous because it costs nothing when the condition holds: at the start
/// of a full run, suites loading speech models can hold the two cooperative
/// threads of a two-core machine, and a scheduled task back, for many seconds.
public func eventually(within seconds: Double = 30, _ condition: @Sendable () async -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return await condition()
}
