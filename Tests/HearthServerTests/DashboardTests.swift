import Foundation
import HTTPTypes
import HearthBrain
import HearthRuntime
import HearthServer
import HearthStore
import HummingbirdTesting
import Synchronization
import Testing

/// The dashboard's page and files, the browser's redirect from `/`, and the
/// order history the page lists.
@Suite struct DashboardTests {
    @Test func aBrowserOpeningTheRootIsSentToTheDashboard() async throws {
        try await TestAPI().test { client in
            let browser = try await client.send(
                .get, "/", headers: [.accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"])
            #expect(browser.status == .found)
            #expect(browser.headers[.location] == "/dashboard")

            for accept in [nil, "*/*", "application/json"] {
                var headers = HTTPFields()
                if let accept { headers[.accept] = accept }
                let client = try await client.send(.get, "/", headers: headers)
                #expect(client.status == .ok, "\(accept ?? "no Accept")")
                #expect(client.json.mapValue?["Kalliope version"]?.stringValue?.isEmpty == false)
            }
        }
    }

    @Test func theDashboardFilesAreServedWithTheirContentTypes() async throws {
        try await TestAPI().test { client in
            let page = try await client.send(.get, "/dashboard")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains("<title>Hearth</title>"))
            #expect(try await client.send(.get, "/dashboard/").text == page.text)

            let expected = [
                "index.html": "text/html; charset=utf-8", "dashboard.css": "text/css; charset=utf-8",
                "dashboard.js": "text/javascript; charset=utf-8", "microphone-worklet.js": "text/javascript; charset=utf-8",
                "icon.svg": "image/svg+xml", "manifest.webmanifest": "application/manifest+json",
            ]
            for (name, type) in expected {
                let file = try await client.send(.get, "/dashboard/\(name)")
                #expect(file.status == .ok, "\(name)")
                #expect(file.headers[.contentType] == type, "\(name)")
                #expect(file.body.readableBytes > 100, "\(name)")
            }
            // Every file the page loads is one the server has.
            for path in Self.localReferences(in: page.text) {
                #expect(try await client.send(.get, path).status == .ok, "\(path)")
            }
        }
    }

    @Test func onlyTheDashboardsOwnFilesAreServed() async throws {
        try await TestAPI().test { client in
            for path in ["/dashboard/passwd", "/dashboard/..%2F..%2Fetc%2Fpasswd", "/dashboard/.hidden", "/dashboard/index.html/x"] {
                let response = try await client.send(.get, path)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.json.mapValue?["error"] != nil, "\(path)")
            }
        }
    }

    @Test func filesOnDiskWinOverTheBuiltInOnes() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-dashboard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "body { color: red }".write(to: folder.appendingPathComponent("dashboard.css"), atomically: true, encoding: .utf8)
        try "<!-- not served -->".write(to: folder.appendingPathComponent("other.html"), atomically: true, encoding: .utf8)
        var api = try TestAPI()
        api.configuration.dashboard.directory = folder.path
        try await api.test { client in
            let css = try await client.send(.get, "/dashboard/dashboard.css")
            #expect(css.text == "body { color: red }")
            // Missing on disk: the built-in copy.
            let page = try await client.send(.get, "/dashboard")
            #expect(page.text.contains("<title>Hearth</title>"))
            let other = try await client.send(.get, "/dashboard/other.html")
            #expect(other.status == .notFound)
        }
    }

    @Test func thePageNeedsNoPasswordButTheAPIStillDoes() async throws {
        let api = try TestAPI(credentials: APICredentials(login: "admin", password: "secret"))
        try await api.test { client in
            let open: [(String, HTTPFields, HTTPResponse.Status)] = [
                ("/dashboard", [:], .ok), ("/dashboard/dashboard.js", [:], .ok), ("/", [.accept: "text/html"], .found),
                ("/", [:], .unauthorized), ("/synapses", [.accept: "text/html"], .unauthorized),
            ]
            for (path, headers, status) in open {
                let response = try await client.send(.get, path, headers: headers)
                #expect(response.status == status, "\(path) \(headers)")
            }
        }
    }

    @Test func theControlsCarryTheirLabels() async throws {
        try await TestAPI().test { client in
            let page = try await client.send(.get, "/dashboard").text
            #expect(page.contains(#"role="switch" id="mute" aria-label="Mute""#))
            #expect(page.contains(#"role="switch" id="deaf" aria-label="Deaf""#))
            #expect(page.contains(#"<span id="talk-label">Talk</span>"#))
            #expect(page.contains(#"name="viewport""#))
        }
    }

    @Test func theHistoryListsTheNewestRunsFirst() async throws {
        let tokens = TestTokens()
        let read = tokens.add([.read])
        var api = try TestAPI.control(tokens: tokens)
        let newestFirst = (1...30).reversed().map { index in
            RunRecord(
                time: Date(timeIntervalSince1970: 1_800_000_000 + Double(index)), source: index.isMultiple(of: 2) ? "browser" : "api",
                order: "order \(index)", synapses: ["s\(index)"], status: "complete", duration: 0.25)
        }
        let history = FixedHistory(runs: newestFirst)
        api.configuration.history = history
        try await api.test { client in
            let all = try await client.send(.get, "/api/history", headers: read)
            #expect(all.status == .ok)
            let entries = try #require(all.json.mapValue?["history"]?.listValue)
            #expect(entries.count == 20)
            #expect(entries.first == [
                "time": "2027-01-15T08:00:30Z", "source": "browser", "order": "order 30", "synapses": ["s30"],
                "status": "complete", "duration": 0.25,
            ])
            let three = try await client.send(.get, "/api/history?limit=3", headers: read)
            #expect(three.json.mapValue?["history"]?.listValue?.map { $0.mapValue?["order"] } == ["order 30", "order 29", "order 28"])
            for bad in ["0", "-1", "1001", "ten", "1.5", ""] {
                let response = try await client.send(.get, "/api/history?limit=\(bad)", headers: read)
                #expect(response.status == .badRequest, "\(bad)")
                #expect(response.json == ["error": "'limit' must be a whole number from 1 to 1000"], "\(bad)")
            }
        }
        #expect(history.limits == [20, 3])
    }

    @Test func aHistoryThatCannotBeReadIs503() async throws {
        let tokens = TestTokens()
        let read = tokens.add([.read])
        var api = try TestAPI.control(tokens: tokens)
        api.configuration.history = FixedHistory(runs: [], failure: StateSaveFailure(.unavailable, detail: "disk I/O error"))
        try await api.test { client in
            let response = try await client.send(.get, "/api/history", headers: read)
            #expect(response.status == .serviceUnavailable)
            #expect(response.json == ["error": "the order history cannot be read: disk I/O error"])
        }
    }

    /// Paths under /dashboard that the page refers to by src or href.
    static func localReferences(in html: String) -> [String] {
        let pattern = try! Regex(#"(?:src|href)="(/dashboard/[^"]+)""#)
        return html.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) }
    }
}

/// An order history with fixed runs (newest first), recording the limits asked.
final class FixedHistory: RunHistory {
    let runs: [RunRecord]
    let failure: StateSaveFailure?
    private let asked = Mutex<[Int]>([])

    init(runs: [RunRecord], failure: StateSaveFailure? = nil) {
        self.runs = runs
        self.failure = failure
    }

    func recentRuns(limit: Int) throws(StateSaveFailure) -> [RunRecord] {
        asked.withLock { $0.append(limit) }
        if let failure { throw failure }
        return Array(runs.prefix(limit))
    }

    var limits: [Int] { asked.withLock { $0 } }
}
