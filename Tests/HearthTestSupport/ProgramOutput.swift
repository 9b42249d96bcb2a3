import Foundation

/// Runs a program to its end off the cooperative pool and returns its exit
/// status and what it printed on standard output.
public func runProgram(
    _ executable: URL, _ arguments: [String], in directory: URL? = nil
) async throws -> (status: Int32, output: Data) {
    try await offPool {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }
}
