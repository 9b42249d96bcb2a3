import Foundation

/// Runs a program with a time limit and collects what it printed.
enum ProcessRunner {
    struct Outcome: Sendable {
        var output: String
        var errorOutput: String
        var returnCode: Int32
        var timedOut: Bool
    }

    struct LaunchError: Error, CustomStringConvertible {
        var description: String
    }

    /// `arguments[0]` is the executable; no shell is involved unless the
    /// caller names one.
    static func run(_ arguments: [String], directory: String?, timeout: Duration) async throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        if let directory, FileManager.default.fileExists(atPath: directory) {
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
        }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice

        let exited = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in
            exited.continuation.yield()
            exited.continuation.finish()
        }
        do {
            try process.run()
        } catch {
            throw LaunchError(description: "cannot start '\(arguments[0])': \(error.localizedDescription)")
        }

        // Read both pipes while the program runs so a full pipe cannot stall it.
        async let output = Self.readAll(stdout.fileHandleForReading)
        async let errorOutput = Self.readAll(stderr.fileHandleForReading)

        let watchdog = Task {
            try await Task.sleep(for: timeout)
            guard process.isRunning else { return false }
            process.terminate()
            try await Task.sleep(for: .seconds(2))
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            return true
        }
        for await _ in exited.stream {}
        watchdog.cancel()
        let timedOut = (try? await watchdog.value) ?? false
        return Outcome(
            output: await output, errorOutput: await errorOutput,
            returnCode: process.terminationStatus, timedOut: timedOut)
    }

    private static func readAll(_ handle: FileHandle) async -> String {
        await Task.detached {
            let data = (try? handle.readToEnd()) ?? Data()
            return String(decoding: data.prefix(1 << 20), as: UTF8.self)
        }.value
    }
}
