import Foundation
import HearthTestSupport

/// Runs the `hearth` executable built beside the test bundle.
struct HearthCommand {
    struct Result: Sendable {
        var status: Int32
        var output: String
        var errorOutput: String
    }

    static func run(_ arguments: [String], directory: String? = nil) async throws -> Result {
        let program = try LiveHearth.executable().path
        return try await offPool { try run(program, arguments, directory: directory) }
    }

    /// A shell script (test fixtures made with flite and sox).
    static func shell(_ script: String, directory: String? = nil) async throws -> Result {
        try await offPool { try run("/bin/sh", ["-c", script], directory: directory) }
    }

    /// Blocks until the program ends: only from `offPool`.
    private static func run(_ program: String, _ arguments: [String], directory: String?) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe()
        let errorOutput = Pipe()
        process.standardOutput = output
        process.standardError = errorOutput
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errorOutput.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errorOutput: String(decoding: errorData, as: UTF8.self))
    }
}

enum Fixtures {
    static let starterKit: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("shared/fixtures/kalliope_starter_en").path
    }()

    static func scratch(_ files: [String: String]) throws -> String {
        let directory = NSTemporaryDirectory() + "hearth-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8) }
        return directory
    }
}
