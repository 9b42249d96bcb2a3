import AsyncHTTPClient
import Foundation
import HearthBrain
import HearthTestSupport
import Testing

/// A real `hearth run` takes a stream of writes over the REST API and is
/// killed with SIGKILL at a random moment; the next boot on the same state
/// folder must show every write the API acknowledged. Twenty rounds, each
/// killing the daemon the previous round's check booted.
@Suite(.serialized) struct CrashTests {
    static let rounds = 20

    @Test func everyAcknowledgedWriteSurvivesKillNine() async throws {
        let device = try TestDevice()
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            try await killAndCheck(device: device, client: client)
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    private func killAndCheck(device: TestDevice, client: HTTPClient) async throws {
        var acknowledged = AcknowledgedWrites()
        var daemon = try await LiveHearth.start(device: device)
        for round in 0..<Self.rounds {
            let killAfter = Duration.milliseconds(Int.random(in: 50...400))
            let writer = Task { [daemon] in
                await Self.streamWrites(round: round, to: daemon, with: client)
            }
            try await Task.sleep(for: killAfter)
            // From here an answer may come from another daemon that the
            // kernel gave the dead one's port: the writer counts none.
            writer.cancel()
            try await daemon.kill()
            acknowledged.merge(await writer.value)

            daemon = try await LiveHearth.start(device: device)
            let missing = try await acknowledged.missing(from: daemon, with: client)
            #expect(missing.isEmpty, "round \(round), killed after \(killAfter): lost \(missing)\n\(daemon.log)")
        }
        try await daemon.kill()
        // Not a timing check: only that the rounds did write something.
        #expect(acknowledged.count >= Self.rounds)
    }

    /// Sends writes one after another until the daemon dies or the task is
    /// cancelled; returns those the API answered with success before that.
    static func streamWrites(round: Int, to daemon: LiveHearth, with client: HTTPClient) async -> AcknowledgedWrites {
        var written = AcknowledgedWrites()
        var index = 0
        while true {
            let key = "r\(round)w\(index)"
            do {
                switch index % 3 {
                case 0:
                    let name = "crash-\(key)"
                    let answer = try await client.call(.POST, daemon.baseURL + "/synapses", json: [
                        "name": .string(name), "signals": [["order": .string("order \(key)")]],
                        "neurons": [["say": ["message": .string("ok \(key)")]]],
                    ])
                    guard answer.status == 201, !Task.isCancelled else { return written }
                    written.synapses.append(name)
                case 1:
                    let answer = try await client.call(.POST, daemon.baseURL + "/settings/variables", json: .map([key: .int(index)]))
                    guard answer.status == 200, !Task.isCancelled else { return written }
                    written.variables[key] = .int(index)
                default:
                    let deaf = index % 2 == 0
                    written.deafInFlight = deaf
                    let answer = try await client.call(.POST, daemon.baseURL + "/settings/deaf", json: ["deaf": .bool(deaf)])
                    guard answer.status == 200, !Task.isCancelled else { return written }
                    written.deaf = deaf
                    written.deafInFlight = nil
                }
            } catch {
                return written
            }
            index += 1
        }
    }
}

/// What the API said it saved, and what it was saving when the power went.
struct AcknowledgedWrites {
    var synapses: [String] = []
    var variables: [String: Value] = [:]
    var deaf: Bool?
    /// A deaf switch sent but not answered: it may or may not have landed.
    var deafInFlight: Bool?

    var count: Int { synapses.count + variables.count + (deaf == nil ? 0 : 1) }

    mutating func merge(_ later: AcknowledgedWrites) {
        synapses += later.synapses
        variables.merge(later.variables) { _, new in new }
        if later.deaf != nil || later.deafInFlight != nil {
            deaf = later.deaf ?? deaf
            deafInFlight = later.deafInFlight
        }
    }

    /// The acknowledged writes the booted daemon does not show.
    func missing(from daemon: LiveHearth, with client: HTTPClient) async throws -> [String] {
        var missing: [String] = []
        let listed = try await client.call(.GET, daemon.baseURL + "/synapses")
        let names = Set(listed.json.mapValue?["synapses"]?.listValue?.compactMap { $0.mapValue?["name"]?.stringValue } ?? [])
        missing += synapses.filter { !names.contains($0) }.map { "synapse \($0)" }

        let shown = try await client.call(.GET, daemon.baseURL + "/settings/variables")
        let current = shown.json.mapValue?["variables"]?.mapValue ?? [:]
        missing += variables.filter { current[$0.key] != $0.value }.map { "variable \($0.key)" }

        if let deaf {
            let state = try await client.call(.GET, daemon.baseURL + "/settings/deaf")
            let shownDeaf = state.json.mapValue?["deaf"]
            let allowed = [Value.bool(deaf)] + (deafInFlight.map { [Value.bool($0)] } ?? [])
            if let shownDeaf, !allowed.contains(shownDeaf) { missing.append("deaf \(deaf), shown \(shownDeaf)") }
        }
        return missing
    }
}
