import Foundation
import Glibc
import HearthBrain
import HearthNeurons
import HearthRuntime
import HearthTestSupport
import Testing

struct NeuronTests {
    @Test func shellRunsTheUsersCommandAndReportsItsOutput() async throws {
        let test = try TestRuntime(brain: """
            - name: "run-shell"
              signals: [{order: "shell"}]
              neurons:
                - shell:
                    cmd: "echo hello && exit 3"
                    say_template: "{{ output }} {{ returncode }}"
            """)
        #expect(await test.runtime.runOrder("shell").spokenMessages == ["hello 3"])
    }

    @Test func programsInheritOnlyTheStandardDescriptors() async throws {
        // Open something the runtime's process holds, as the daemon holds
        // sockets and its database.
        let held = open("/dev/null", O_RDONLY)
        defer { close(held) }
        let test = try TestRuntime(brain: """
            - name: "count-fds"
              signals: [{order: "count"}]
              neurons:
                - shell:
                    cmd: "ls /proc/self/fd | wc -l"
                    say_template: "{{ output }}"
            """)
        // ls sees stdin, stdout, stderr and the folder it is reading.
        let count = try #require(Int(await test.runtime.runOrder("count").spokenMessages.first ?? ""))
        #expect(count <= 4)
    }

    @Test func shellStopsAtItsTimeLimit() async throws {
        let test = try TestRuntime(brain: """
            - name: "slow-shell"
              signals: [{order: "slow"}]
              neurons:
                - shell:
                    cmd: "sleep 30"
                    timeout: 0.2
                    say_template: "stopped {{ returncode }}"
            """)
        let response = await test.runtime.runOrder("slow")
        // Killed by SIGTERM at its limit: a sleep that ran its 30 s would
        // have returned 0. (How soon is a benchmark's business.)
        #expect(response.spokenMessages == ["stopped -15"])
    }

    @Test func scriptRunsWithoutAShell() async throws {
        let directory = NSTemporaryDirectory() + "hearth-script-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let script = directory + "/greet.sh"
        // Close-on-exec, so no program another test starts meanwhile keeps it
        // open for writing (Linux would then refuse to run it).
        let descriptor = open(script, O_WRONLY | O_CREAT | O_CLOEXEC, 0o755)
        let body = Array("#!/bin/sh\necho \"args:$#\"\n".utf8)
        #expect(write(descriptor, body, body.count) == body.count)
        close(descriptor)
        let test = try TestRuntime(brain: """
            - name: "run-script"
              signals: [{order: "script"}]
              neurons:
                - script:
                    path: "greet.sh"
                    say_template: "{{ output }}"
            - name: "missing-script"
              signals: [{order: "missing"}]
              neurons:
                - script: {path: "nothing-here.sh"}
            """, baseDirectory: directory)
        #expect(await test.runtime.runOrder("script").spokenMessages == ["args:0"])
        let missing = await test.runtime.runOrder("missing")
        #expect(missing.matchedSynapses.first?.neuronModuleList == [NeuronRecord(neuronName: "Script", generatedMessage: nil)])
    }

    @Test func systemdateGivesKalliopesFields() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = DateComponents(calendar: calendar, year: 2026, month: 11, day: 22, hour: 7, minute: 9).date!
        #expect(Systemdate.fields(of: date, calendar: calendar) == [
            "hours": "07", "minutes": "09", "weekday": "0", "day_month": "22", "month": "11", "year": "2026",
        ])
    }

    @Test func brainNeuronDisablesASynapse() async throws {
        let test = try TestRuntime(brain: """
            - name: "light-on"
              signals: [{order: "light"}]
              neurons: [{say: {message: "on"}}]
            - name: "disable-light"
              signals: [{order: "forget the light"}]
              neurons:
                - brain: {synapse_name: "light-on", enabled: false}
            """)
        #expect(await test.runtime.runOrder("light").matchedSynapses.map(\.synapseName) == ["light-on"])
        _ = await test.runtime.runOrder("forget the light")
        #expect(await test.runtime.brain.synapse(named: "light-on")?.enabled == false)
        #expect(await test.runtime.runOrder("light").matchedSynapses.isEmpty)
    }

    @Test func neurotimerRunsItsSynapseLater() async throws {
        let test = try TestRuntime(brain: """
            - name: "start-timer"
              signals: [{order: "remind me"}]
              neurons:
                - neurotimer:
                    seconds: 0.1
                    synapse: "reminder"
                    forwarded_parameters: {what: "tea"}
            - name: "reminder"
              signals: []
              neurons: [{say: {message: "time for {{ what }}"}}]
            """)
        _ = await test.runtime.runOrder("remind me")
        // Generous bounds: a loaded machine may starve the timer's task for a
        // while; the wait ends as soon as the reminder is spoken.
        #expect(await eventually(within: 60) { test.speech.messages == ["time for tea"] })
        #expect(await eventually(within: 60) { await test.runtime.pendingTimerCount == 0 })
    }

    @Test func eventSignalsFireOnSchedule() async throws {
        let test = try TestRuntime(brain: """
            - name: "every-second"
              signals:
                - event: {second: "*"}
              neurons: [{say: {message: "tick"}}]
            """)
        await test.runtime.start()
        #expect(await eventually(within: 60) { test.speech.messages.count >= 2 })
        await test.runtime.stop()
    }

    @Test func uriCallsAServerAndDecodesJSON() async throws {
        let server = try await LocalHTTPServer.start(routes: [
            "/horoscope.json": .init(status: .ok, contentType: "application/json", body: #"{"horoscope": "A fine day"}"#)
        ])
        let test = try TestRuntime(brain: """
            - name: "horoscope-today"
              signals: [{order: "horoscope"}]
              neurons:
                - uri:
                    url: "\(server.baseURL)/horoscope.json"
                    say_template: "{{ content.horoscope }} ({{ status_code }})"
            - name: "missing-page"
              signals: [{order: "missing"}]
              neurons:
                - uri:
                    url: "\(server.baseURL)/nothing"
                    say_template: "{{ status_code }}"
            """)
        #expect(await test.runtime.runOrder("horoscope").spokenMessages == ["A fine day (200)"])
        #expect(await test.runtime.runOrder("missing").spokenMessages == ["404"])
        #expect(server.requests.contains("GET /horoscope.json"))
        try await server.stop()
    }

    @Test func validatorsExplainBadParameters() {
        #expect(Say.validate([:]) != nil)
        #expect(Say.validate(["message": "hi"]) == nil)
        #expect(Neurotransmitter.validate(["from_answer_link": [["synapse": "a", "answers": ["x"]]]])?.contains("default") == true)
        #expect(Neurotransmitter.validate(["direct_link": "a", "from_answer_link": []])?.contains("not both") == true)
        #expect(Neurotimer.validate(["synapse": "a"]) != nil)
        #expect(URI.validate(["url": "http://x", "method": "FETCH"]) != nil)
        #expect(SettingsNeuron.validate(["colour": "red"]) != nil)
        #expect(Volume.validate(["level": 50, "action": "twist"]) != nil)
    }
}
