import AsyncHTTPClient
import Foundation
import HearthBrain
import NIOCore
import NIOHTTP1
import Synchronization

/// A real `hearth run` child process on a free port, over a given state folder.
final class HearthProcess: Sendable {
    let process: Process
    let port: Int
    private let output: CapturedOutput

    var log: String { output.text }
    var baseURL: String { "http://127.0.0.1:\(port)" }

    private init(process: Process, port: Int, output: CapturedOutput) {
        self.process = process
        self.port = port
        self.output = output
    }

    static func start(device: TestDevice, extraArguments: [String] = []) async throws -> HearthProcess {
        let process = Process()
        process.executableURL = try hearthBinary()
        process.currentDirectoryURL = device.folder
        process.arguments = [
            "run", "--brain", device.brainPath, "--settings", device.settingsPath,
            "--state-dir", device.stateDirectory, "--port", "0",
        ] + extraArguments
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let output = CapturedOutput()
        let reader = pipe.fileHandleForReading
        Thread.detachNewThread {
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { return }
                output.append(chunk)
            }
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let match = output.text.firstMatch(of: /REST API on http:\/\/[^:\s]+:(\d+)/), let port = Int(match.1) {
                return HearthProcess(process: process, port: port, output: output)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        throw HearthProcessError(message: "hearth run did not report ready; its output:\n" + output.text)
    }

    /// Pulls the plug: no signal handler, no flush, no goodbye. Waits for
    /// the process to be gone by polling, so no test thread blocks on it.
    func killHard() async throws {
        kill(process.processIdentifier, SIGKILL)
        while process.isRunning { try await Task.sleep(for: .milliseconds(2)) }
    }

    /// The built `hearth` beside the test bundle, or `HEARTH_BINARY`.
    static func hearthBinary() throws -> URL {
        var candidates: [URL] = []
        if let given = ProcessInfo.processInfo.environment["HEARTH_BINARY"] { candidates.append(URL(fileURLWithPath: given)) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("hearth"))
            folder = folder.deletingLastPathComponent()
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/hearth"))
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw HearthProcessError(message: "no built hearth binary (run `swift build` first); looked at \(candidates.map(\.path))")
        }
        return binary
    }
}

/// A JSON answer from the API.
struct APIAnswer {
    let status: Int
    let json: Value
}

extension HTTPClient {
    func call(_ method: HTTPMethod, _ url: String, json body: Value? = nil) async throws -> APIAnswer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: JSON.encode(body)))
        }
        let response = try await execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 22)
        let text = String(buffer: bytes)
        return APIAnswer(status: Int(response.status.code), json: text.isEmpty ? .null : try JSON.decode(text))
    }
}

final class CapturedOutput: Sendable {
    private let buffer = Mutex("")
    func append(_ data: Data) { buffer.withLock { $0 += String(decoding: data, as: UTF8.self) } }
    var text: String { buffer.withLock { $0 } }
}

struct HearthProcessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
