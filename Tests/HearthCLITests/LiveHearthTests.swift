import Foundation
import HearthTestSupport
import Testing

/// The launcher every live-daemon test stands on: a daemon that cannot start
/// is reported with what it said, and none is left running after a kill or
/// once the launcher is let go.
@Suite struct LiveHearthTests {
    static let settings = "rest_api: {active: true, password_protected: false}\n"

    @Test func aDaemonThatCannotStartIsReportedWithItsOutput() async throws {
        let folder = try Fixtures.scratch(["settings.yml": Self.settings])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let error = await #expect(throws: LiveHearthError.self) {
            try await LiveHearth.start(in: URL(fileURLWithPath: folder), brain: "absent.yml", settings: "settings.yml", stateDirectory: "state")
        }
        #expect(error?.message.contains("did not report ready") == true)
        #expect(error?.message.contains("absent.yml:1:1: cannot read file") == true, "\(String(describing: error))")
    }

    @Test func killEndsTheDaemonWithoutItsGoodbye() async throws {
        let folder = try Fixtures.scratch(["settings.yml": Self.settings])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let daemon = try await LiveHearth.start(in: URL(fileURLWithPath: folder), settings: "settings.yml", stateDirectory: "state")
        #expect(Self.isAlive(daemon.pid))
        try await daemon.kill()
        #expect(!Self.isAlive(daemon.pid))
        #expect(!daemon.log.contains("stopped"), "\(daemon.log)")
    }

    @Test func lettingGoOfTheLauncherKillsTheDaemon() async throws {
        let folder = try Fixtures.scratch(["settings.yml": Self.settings])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var daemon: LiveHearth? = try await LiveHearth.start(
            in: URL(fileURLWithPath: folder), settings: "settings.yml", stateDirectory: "state")
        let pid = try #require(daemon?.pid)
        #expect(Self.isAlive(pid))
        daemon = nil
        #expect(await eventually(within: 20) { !Self.isAlive(pid) })
    }

    /// A process that exists and is not a zombie waiting to be reaped.
    static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let nameEnd = stat.lastIndex(of: ")")
        else { return false }
        // "pid (name) state …"
        let state = stat[nameEnd...].dropFirst(2).first
        return state != "Z" && state != "X"
    }
}
