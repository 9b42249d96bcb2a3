import Foundation
import HearthTestSupport
import Testing

/// `hearth run` under a service manager: `READY=1` once the API listens,
/// `WATCHDOG=1` while the runtime's queue moves, none while a run holds it.
@Suite(.serialized) struct SystemdNotifyTests {
    static let brain = """
        - name: "block"
          signals:
            - order: "block the queue"
          neurons:
            - shell:
                cmd: "touch started && sleep 8"
                timeout: 30
        - name: "hello"
          signals:
            - order: "hello"
          neurons:
            - say:
                message: "hello"
        """
    static let settings = """
        rest_api:
          active: true
          port: 5000
          password_protected: false
        """

    @Test func readyThenWatchdogPingsThatStopWhileTheRuntimeIsBlocked() async throws {
        let folder = try Fixtures.scratch(["brain.yml": Self.brain, "settings.yml": Self.settings])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let notify = try NotifySocket()
        // Pings every 150 ms (half the watchdog time, as systemd advises).
        let daemon = try await Self.start(in: folder, environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "300000"])

        #expect(await notify.wait(for: "READY=1", timeout: .seconds(60)), "no READY=1; log:\n\(daemon.log)")
        // READY=1 is sent after the API listens: it answers right away.
        let port = daemon.port
        #expect(try await Curl.run(["-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(port)/"]).output == "200")
        #expect(await notify.wait(for: "WATCHDOG=1", count: 3, timeout: .seconds(20)), "no watchdog pings; log:\n\(daemon.log)")

        // A run that holds the queue for 8 seconds.
        let order = try Curl.start([
            "-s", "-X", "POST", "-H", "Content-Type: application/json", "-d", #"{"order": "block the queue"}"#,
            "http://127.0.0.1:\(port)/synapses/start/order",
        ])
        let marker = folder + "/started"
        var started = false
        for _ in 0..<500 where !started {
            try await Task.sleep(for: .milliseconds(20))
            started = FileManager.default.fileExists(atPath: marker)
        }
        try #require(started, "the blocking synapse did not start; log:\n\(daemon.log)")
        // A heartbeat that got its turn just before the run may still land.
        try await Task.sleep(for: .milliseconds(500))
        _ = notify.drain()
        let whileBlocked = await notify.collect(for: .seconds(2))
        #expect(!whileBlocked.contains("WATCHDOG=1"), "pings went on while the runtime was blocked: \(whileBlocked)")

        // Free again: the pings come back.
        while order.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        #expect(order.terminationStatus == 0)
        #expect(await notify.wait(for: "WATCHDOG=1", count: 2, timeout: .seconds(20)), "pings did not resume; log:\n\(daemon.log)")

        try await daemon.terminate()
        #expect(await notify.wait(for: "STOPPING=1", timeout: .seconds(30)))
    }

    @Test func withoutAWatchdogOnlyReadyIsSent() async throws {
        let folder = try Fixtures.scratch(["brain.yml": Self.brain, "settings.yml": Self.settings])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let notify = try NotifySocket()
        let daemon = try await Self.start(in: folder, environment: ["NOTIFY_SOCKET": notify.path])
        #expect(await notify.wait(for: "READY=1", timeout: .seconds(60)), "no READY=1; log:\n\(daemon.log)")
        let later = await notify.collect(for: .seconds(1))
        #expect(later.isEmpty, "unexpected messages: \(later)")
    }

    static func start(in folder: String, environment: [String: String]) async throws -> LiveHearth {
        try await LiveHearth.start(
            in: URL(fileURLWithPath: folder), brain: "brain.yml", settings: "settings.yml", stateDirectory: folder + "/state",
            environment: environment)
    }
}

/// curl, as a test runs it against the daemon.
enum Curl {
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let (status, data) = try await runProgram(URL(fileURLWithPath: "/usr/bin/curl"), arguments)
        return (status, String(decoding: data, as: UTF8.self))
    }
}
