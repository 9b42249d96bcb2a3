#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// A real `hearth run` as a child process on a free port: handed back once
/// its REST API listens, with everything it printed, and killed at the
/// latest when it is released, so a failing test leaves no daemon behind.
///
/// Every wait polls instead of blocking (`waitUntilExit`), so no thread of
/// the small pool all tests share is held while a daemon starts or stops.
public final class LiveHearth: Sendable {
    /// The working directory: relative paths in the arguments and the
    /// settings resolve from here.
    public let folder: URL
    /// The REST API's port, from its ready line.
    public let port: Int
    private let process: Process
    private let output: CapturedOutput

    public var pid: Int32 { process.processIdentifier }
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    /// Standard output and standard error, interleaved as they were written.
    public var log: String { output.snapshot.text }

    private init(folder: URL, port: Int, process: Process, output: CapturedOutput) {
        self.folder = folder
        self.port = port
        self.process = process
        self.output = output
    }

    deinit {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
    }

    /// Starts `hearth run --port 0` in `folder` and waits for its REST API's
    /// ready line. `environment` is laid over this process's own.
    public static func start(
        in folder: URL, brain: String? = nil, settings: String, stateDirectory: String? = nil,
        environment: [String: String] = [:], readyWithin timeout: Duration = .seconds(60)
    ) async throws -> LiveHearth {
        var arguments = ["run"]
        if let brain { arguments += ["--brain", brain] }
        arguments += ["--settings", settings]
        if let stateDirectory { arguments += ["--state-dir", stateDirectory] }
        arguments += ["--port", "0"]

        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = CapturedOutput(reading: pipe.fileHandleForReading)

        let port: Int?
        do {
            port = try await firstLine(of: output, within: timeout) { readyPort(of: "REST API", in: $0) }
        } catch {
            Glibc.kill(process.processIdentifier, SIGKILL)
            throw error
        }
        guard let port else {
            if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
            throw LiveHearthError(message: "hearth \(arguments.joined(separator: " ")) did not report ready; its output:\n" + output.snapshot.text)
        }
        return LiveHearth(folder: folder, port: port, process: process, output: output)
    }

    /// Waits for a log line that `matches`; false when time is up, or as
    /// soon as the output has ended without one.
    public func waitForLine(within timeout: Duration = .seconds(5), where matches: (Substring) -> Bool) async throws -> Bool {
        try await Self.firstLine(of: output, within: timeout) { matches($0) ? () : nil } != nil
    }

    public func waitForLine(containing text: String, within timeout: Duration = .seconds(5)) async throws -> Bool {
        try await waitForLine(within: timeout) { $0.contains(text) }
    }

    /// The port on the ready line of `service` ("Rasa API", "Wyoming
    /// satellite"), which may come after the REST API's.
    public func port(of service: String, within timeout: Duration = .seconds(30)) async throws -> Int {
        guard let port = try await Self.firstLine(of: output, within: timeout, { Self.readyPort(of: service, in: $0) }) else {
            throw LiveHearthError(message: "no ready line for \(service); hearth's output:\n" + log)
        }
        return port
    }

    /// Waits for the process to end on its own and returns its exit status;
    /// one that outlives `timeout` is killed and reported with its output.
    public func waitForExit(within timeout: Duration = .seconds(20)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                Glibc.kill(process.processIdentifier, SIGKILL)
                throw LiveHearthError(message: "hearth run did not stop; its output:\n" + log)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        return process.terminationStatus
    }

    /// SIGTERM, the graceful stop a service manager asks for; the exit status
    /// once it has stopped.
    @discardableResult
    public func terminate() async throws -> Int32 {
        if process.isRunning { process.terminate() }
        return try await waitForExit()
    }

    /// SIGKILL pulls the plug: no signal handler, no flush, no goodbye.
    /// Returns once the process is gone, so its state folder is free for the
    /// next start.
    public func kill() async throws {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
        _ = try await waitForExit()
    }

    /// The built `hearth`: `HEARTH_BINARY`, or the one in the build folder
    /// beside the test bundle, or the package's debug build.
    public static func executable() throws -> URL {
        var candidates: [URL] = []
        if let given = ProcessInfo.processInfo.environment["HEARTH_BINARY"] { candidates.append(URL(fileURLWithPath: given)) }
        // The test binary sits in the build folder, or inside a bundle there.
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("hearth"))
            folder = folder.deletingLastPathComponent()
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/hearth"))
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw LiveHearthError(message: "no built hearth binary (run `swift build` first); looked at \(candidates.map(\.path))")
        }
        return binary
    }

    /// `ready: <service> on <scheme>://<host>:<port>`, as `hearth run` logs
    /// each server once it listens.
    static func readyPort(of service: String, in line: Substring) -> Int? {
        guard let match = line.firstMatch(of: /ready: (.+?) on [a-z]+:\/\/[^:\s]+:(\d+)/), match.1 == service else { return nil }
        return Int(match.2)
    }

    /// The first complete line `find` finds something in, polled until
    /// `timeout`; nil once time is up or the output has ended without one.
    private static func firstLine<Found>(
        of output: CapturedOutput, within timeout: Duration, _ find: (Substring) -> Found?
    ) async throws -> Found? {
        let deadline = ContinuousClock.now + timeout
        while true {
            let (text, ended) = output.snapshot
            // A line still being written is only looked at once nothing more can come.
            let lines = text.split(separator: "\n")
            let complete = ended || text.hasSuffix("\n") ? lines[...] : lines.dropLast()
            if let found = complete.lazy.compactMap(find).first { return found }
            if ended || ContinuousClock.now >= deadline { return nil }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// What a child process printed, read on a thread of its own so the pipe
/// never fills and stalls the daemon.
private final class CapturedOutput: Sendable {
    /// Bytes, decoded only when read: a chunk may end inside a character.
    private let state = Mutex((bytes: Data(), ended: false))

    init(reading reader: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = reader.availableData
                // End of file: the process and every child sharing its output are gone.
                if chunk.isEmpty {
                    state.withLock { $0.ended = true }
                    return
                }
                state.withLock { $0.bytes.append(chunk) }
            }
        }
    }

    var snapshot: (text: String, ended: Bool) {
        state.withLock { (String(decoding: $0.bytes, as: UTF8.self), $0.ended) }
    }
}

public struct LiveHearthError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }

    public init(message: String) {
        self.message = message
    }
}
