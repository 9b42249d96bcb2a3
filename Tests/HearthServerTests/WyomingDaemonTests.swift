import Foundation
import HearthBrain
import HearthTestSupport
import Testing

/// `hearth run` with `wyoming.enabled`: the satellite serves beside the REST
/// API, and a Wyoming `describe` sent over plain TCP is answered.
@Suite struct WyomingDaemonTests {
    static let settings = """
        rest_api:
          active: true
        wyoming:
          enabled: true
          port: 0
          name: "Hall Hearth"
          area: "Hall"
        """

    @Test func theDaemonAnswersDescribeOnItsWyomingPort() async throws {
        let daemon = try await LiveHearth.start(settings: Self.settings)
        defer { try? FileManager.default.removeItem(at: daemon.folder) }
        #expect(try await daemon.waitForLine(containing: "ready: Wyoming satellite on tcp://0.0.0.0:"))
        let port = try await daemon.port(of: "Wyoming satellite")

        // The header line, then data_length bytes of data.
        let script = """
            exec 3<>/dev/tcp/127.0.0.1/\(port)
            printf '{"type": "describe"}\\n' >&3
            IFS= read -r header <&3
            printf '%s\\n' "$header"
            length=$(printf '%s' "$header" | sed -n 's/.*"data_length": *\\([0-9]*\\).*/\\1/p')
            timeout 5 head -c "$length" <&3
            """
        let text = try await offPool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", script]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text
        }

        let lines = text.split(separator: "\n", maxSplits: 1).map(String.init)
        try #require(lines.count == 2, "\(text)")
        #expect(try JSON.decode(lines[0]).mapValue?["type"] == "info")
        let satellite = try JSON.decode(lines[1]).mapValue?["satellite"]?.mapValue
        #expect(satellite?["name"] == "Hall Hearth")
        #expect(satellite?["area"] == "Hall")
    }
}
