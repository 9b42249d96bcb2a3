import Foundation
import HearthBrain
import HearthTestSupport
import Testing

/// The curl examples of Kalliope's API pages (seeds 000 and 001), run as
/// written against a real `hearth run` on a free port, with the seeds'
/// credentials (admin / secret).
@Suite(.serialized) struct LiveDaemonTests {
    static let settings = """
        rest_api:
          active: true
          port: 5000
          password_protected: true
          login: admin
          password: secret
        hooks:
          on_start: "on-start-synapse"
        options:
          deaf: false
          mute: false
        """

    @Test func theSeedsCurlExamplesAnswerAsTheSeedsShow() async throws {
        let daemon = try await LiveHearth.start(settings: Self.settings)
        defer { try? FileManager.default.removeItem(at: daemon.folder) }
        let url = daemon.baseURL
        func curl(_ command: String) async throws -> CurlResult {
            try await CurlResult.run(command.replacingOccurrences(of: "http://localhost:5000", with: url)
                .replacingOccurrences(of: "http://127.0.0.1:5000", with: url), in: daemon.folder)
        }

        let version = try await curl("curl -i --user admin:secret -X GET  http://localhost:5000/")
        #expect(version.status == 200)
        #expect(version.json.mapValue?["Kalliope version"]?.stringValue?.isEmpty == false)

        let list = try await curl("curl -i \\\n--user admin:secret \\\n-X GET \\\nhttp://localhost:5000/synapses")
        #expect(list.status == 200)
        #expect(list.json.mapValue?["synapses"]?.listValue?.first?.mapValue?["name"] == "say-hello")

        let show = try await curl("curl -i --user admin:secret -X GET  http://localhost:5000/synapses/say-hello")
        #expect(show.status == 200)
        #expect(show.json.mapValue?["synapses"]?.mapValue?["signals"] == [["name": "order", "parameters": "bonjour"]])

        let runByName = try await curl("curl -i --user admin:secret -X POST  http://localhost:5000/synapses/start/id/say-hello")
        #expect(runByName.status == 201)
        #expect(runByName.json == [
            "matched_synapses": [[
                "matched_order": nil,
                "neuron_module_list": [["generated_message": "Bonjour monsieur", "neuron_name": "Say"]],
                "synapse_name": "say-hello",
            ]],
            "status": "complete",
            "user_order": nil,
        ])

        let mutedByName = try await curl("""
            curl -i \\
            -H "Content-Type: application/json" \\
            --user admin:secret \\
            -X POST \\
            -d '{"mute":"true"}' \\
            http://127.0.0.1:5000/synapses/start/id/say-hello
            """)
        #expect(mutedByName.status == 201)
        #expect(mutedByName.json == runByName.json)

        // The seed's placeholder name is not in the brain.
        let withParameters = try await curl("""
            curl -i \\
            -H "Content-Type: application/json" \\
            --user admin:secret \\
            -X POST  \\
            -d '{"parameters": {"parameter1": "value1" }}' \\
            http://127.0.0.1:5000/synapses/start/id/synapse-id
            """)
        #expect(withParameters.status == 404)
        #expect(withParameters.json == ["error": ["synapse name not found": "synapse-id"]])

        let aliasRun = try await curl("curl -i \\\n--user admin:secret \\\n-X POST \\\nhttp://127.0.0.1:5000/synapses/say-hello")
        #expect(aliasRun.status == 201)

        let order = try await curl(#"curl -i --user admin:secret -H "Content-Type: application/json" -X POST -d '{"order":"my order"}' http://localhost:5000/synapses/start/order"#)
        #expect(order.status == 201)
        #expect(order.json == ["matched_synapses": [], "status": nil, "user_order": "my order"])

        try #"{"order":"j'aime"}"#.write(to: daemon.folder.appendingPathComponent("post.json"), atomically: true, encoding: .utf8)
        let fromFile = try await curl(#"curl -i --user admin:secret -H "Content-Type: application/json" -X POST --data @post.json http://localhost:5000/synapses/start/order"#)
        #expect(fromFile.status == 201)
        #expect(fromFile.json == ["matched_synapses": [], "status": nil, "user_order": "j'aime"])

        let mutedOrder = try await curl(#"curl -i --user admin:secret -H "Content-Type: application/json" -X POST -d '{"order":"bonjour", "mute":"true"}' http://localhost:5000/synapses/start/order"#)
        #expect(mutedOrder.status == 201)
        #expect(mutedOrder.json.mapValue?["user_order"] == "bonjour")

        try Data([0x52, 0x49, 0x46, 0x46]).write(to: daemon.folder.appendingPathComponent("input.wav"))
        let audio = try await curl(#"curl -i --user admin:secret -X POST http://localhost:5000/synapses/start/audio -F "file=@input.wav" -F mute="true""#)
        // Four bytes of "RIFF" are not a WAV file.
        #expect(audio.status == 400)
        #expect(audio.json.mapValue?["error"] != nil)

        let question = try await curl(#"curl -i --user admin:secret -H "Content-Type: application/json" -X POST -d '{"order":"ask me a question"}' http://localhost:5000/synapses/start/order"#)
        #expect(question.status == 201)
        #expect(question.json == SeedAnswers.neurotransmitterQuestion)
        let answer = try await curl(#"curl -i --user admin:secret -H "Content-Type: application/json" -X POST -d '{"order":"not at all"}' http://localhost:5000/synapses/start/order"#)
        #expect(answer.status == 201)
        #expect(answer.json == SeedAnswers.neurotransmitterAnswer)

        // Seed 000 gives the deaf and mute commands without their URL.
        let deaf = try await curl("curl -i --user admin:secret  -X GET http://localhost:5000/deaf")
        #expect(deaf.status == 200)
        #expect(deaf.json == ["deaf": false])
        let deafen = try await curl(#"curl -i -H "Content-Type: application/json" --user admin:secret  -X POST -d '{"deaf": "True"}' http://localhost:5000/deaf"#)
        #expect(deafen.status == 200)
        #expect(deafen.json == ["deaf": true])
        let mute = try await curl("curl -i --user admin:secret  -X GET http://localhost:5000/mute")
        #expect(mute.json == ["mute": false])
        let muting = try await curl(#"curl -i -H "Content-Type: application/json" --user admin:secret  -X POST -d '{"mute": "True"}' http://localhost:5000/mute"#)
        #expect(muting.status == 200)
        #expect(muting.json == ["mute": true])

        let added = try await curl("""
            curl -i -H "Content-Type: application/json" \\
                    --user admin:secret \\
                    -X POST \\
                    -d '{
                      "name": "Say-hello",
                      "signals": [
                        {
                          "order": "I am Batman"
                        }
                      ],
                      "neurons": [
                        {
                          "say": {
                            "message": "I know"
                          }
                        }
                      ]
                    }' \\
                    http://127.0.0.1:5000/synapses
            """)
        #expect(added.status == 201)
        #expect(added.json == [
            "enabled": true, "name": "Say-hello",
            "neurons": [["name": "say", "parameters": ["message": "I know"]]],
            "signals": [["name": "order", "parameters": "I am Batman"]],
        ])

        let deleted = try await curl("curl -i \\\n--user admin:secret \\\n-X DELETE \\\nhttp://localhost:5000/synapses/start/id/say-hello")
        #expect(deleted.status == 204)
        #expect(deleted.body.isEmpty)
        #expect(try await curl("curl -i --user admin:secret -X DELETE http://localhost:5000/synapses/Say-hello").status == 204)
        #expect(try await curl("curl -i --user admin:secret -X GET http://localhost:5000/synapses/say-hello").status == 404)

        let anonymous = try await curl("curl -i -X GET http://localhost:5000/synapses")
        #expect(anonymous.status == 401)
        #expect(anonymous.headers.contains(#"www-authenticate: Basic realm="Login Required""#))
        let wrong = try await curl("curl -i --user admin:wrong -X GET http://localhost:5000/settings")
        #expect(wrong.status == 401)

        let settings = try await curl("curl -i --user admin:secret -X GET http://localhost:5000/settings")
        #expect(settings.status == 200)
        #expect(!settings.body.contains("secret"))

        // curl declares the length of a file it sends: refused before it is read.
        try Data(repeating: 0x20, count: 2 << 20).write(to: daemon.folder.appendingPathComponent("big.json"))
        let tooLarge = try await curl(#"curl -i --user admin:secret -H "Content-Type: application/json" -X POST --data-binary @big.json http://localhost:5000/synapses/start/order"#)
        #expect(tooLarge.status == 413)
        #expect(tooLarge.json.mapValue?["error"] != nil)
    }

    @Test func theKillSwitchEndsTheDaemonAfterItsAnswer() async throws {
        let daemon = try await LiveHearth.start(settings: Self.settings)
        defer { try? FileManager.default.removeItem(at: daemon.folder) }
        let closing = try await CurlResult.run(
            #"curl -i --user admin:secret -H "Content-Type: application/json" -X POST -d '{"order":"close"}' http://127.0.0.1:\#(daemon.port)/synapses/start/order"#,
            in: daemon.folder)
        #expect(closing.status == 201)
        #expect(closing.json.mapValue?["matched_synapses"]?.listValue?.first?.mapValue?["neuron_module_list"] == [
            ["generated_message": "Good bye", "neuron_name": "Say"],
            ["generated_message": nil, "neuron_name": "Kill_switch"],
        ])
        #expect(closing.json.mapValue?["status"] == "complete")
        let status = try await daemon.waitForExit()
        #expect(status == 0)
    }

    @Test func sigtermStopsTheDaemonCleanly() async throws {
        let daemon = try await LiveHearth.start(settings: Self.settings, stateSubfolder: "state/nested")
        defer { try? FileManager.default.removeItem(at: daemon.folder) }
        #expect(FileManager.default.fileExists(atPath: daemon.folder.appendingPathComponent("state/nested").path))
        // The starter settings' on_start synapse speaks (to the log, without a voice).
        #expect(try await daemon.waitForLine(containing: "Hearth is ready"))
        let status = try await daemon.terminate()
        #expect(status == 0)
        #expect(daemon.log.contains("stopped"))
        #expect(!daemon.log.contains("secret"))
    }
}

extension LiveHearth {
    /// `hearth run` with `settings` in a new temporary folder, which the
    /// caller removes; `stateSubfolder` is made inside it.
    static func start(settings: String, stateSubfolder: String? = nil) async throws -> LiveHearth {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let settingsFile = folder.appendingPathComponent("settings.yml")
        try settings.write(to: settingsFile, atomically: true, encoding: .utf8)
        return try await start(
            in: folder, settings: settingsFile.path, stateDirectory: stateSubfolder.map { folder.appendingPathComponent($0).path })
    }
}

/// What `curl -i` printed: status, headers (lowercased names) and body.
struct CurlResult {
    let status: Int
    let headers: String
    let body: String

    var json: Value { (try? JSON.decode(body)) ?? .string("not JSON: \(body)") }

    /// Runs curl to its end on a thread of its own.
    static func run(_ command: String, in folder: URL) async throws -> CurlResult {
        let (_, data) = try await runProgram(
            URL(fileURLWithPath: "/bin/sh"), ["-c", command + " --silent --show-error --max-time 10"], in: folder)
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else {
            throw LiveHearthError(message: "curl printed no HTTP answer for: \(command)\n\(text)")
        }
        let head = text[..<split.lowerBound]
        let statusLine = head.split(separator: "\r\n").first ?? ""
        let status = statusLine.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        let headers = head.split(separator: "\r\n").dropFirst().map { line -> String in
            guard let colon = line.firstIndex(of: ":") else { return String(line) }
            return line[..<colon].lowercased() + line[colon...]
        }.joined(separator: "\n")
        return CurlResult(status: status, headers: headers, body: String(text[split.upperBound...]))
    }
}
