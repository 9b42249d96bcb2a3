import HTTPTypes
import HearthBrain
import HearthServer
import HummingbirdTesting
import Testing

/// Every route of Rasa Core 0.9's HTTP API, with the expectations of Rasa's
/// own server tests.
@Suite struct RasaRoutesTests {
    static func types(_ events: Value?) -> [String] {
        (events?.listValue ?? []).map { event in
            let type = event.mapValue?["event"]?.stringValue ?? "?"
            return event.mapValue?["name"]?.stringValue.map { "\(type) \($0)" } ?? type
        }
    }

    @Test func helloAndVersion() async throws {
        try await TestRasa().test { client in
            let hello = try await client.send(.get, "/")
            #expect(hello.status == .ok)
            #expect(hello.text == "hello from Rasa Core: 0.9.0")
            let version = try await client.send(.get, "/version")
            #expect(version.json == ["version": "0.9.0"])
        }
    }

    // MARK: Rasa's server tests

    @Test func aMadeUpConversationHasOneListenEventAndEmptyState() async throws {
        try await TestRasa().test { client in
            let response = try await client.send(.get, "/conversations/madeupid/tracker")
            #expect(response.status == .ok)
            let state = response.json
            #expect(Self.types(state["events"]) == ["action action_listen"])
            #expect(state["slots"] == ["cuisine": .null, "location": .null])
            #expect(state["latest_message"] == ["text": .null, "intent": [:], "entities": []])
            #expect(state["paused"] == false)
            #expect(state["sender_id"] == "madeupid")
            #expect(state["latest_event_time"]?.doubleValue != nil)
            // Asking created it.
            #expect(try await client.send(.get, "/conversations").json == ["madeupid"])
        }
    }

    @Test func parseContinueThenPushAnEvent() async throws {
        try await TestRasa().test { client in
            let parsed = try await client.send(.post, "/conversations/myid/parse", json: #"{"query": "/greet"}"#)
            #expect(parsed.status == .ok)
            #expect(parsed.json["next_action"] == "utter_greet")
            #expect(parsed.json["tracker"]?["latest_message"]?["intent"] == ["name": "greet", "confidence": 1.0])
            #expect(parsed.json["tracker"]?["events"] == .null)

            let continued = try await client.send(.post, "/conversations/myid/continue", json: #"{"executed_action": "utter_greet", "events": []}"#)
            #expect(continued.json["next_action"] == "action_listen")

            let pushed = try await client.send(
                .post, "/conversations/myid/tracker/events", json: #"[{"event": "slot", "name": "cuisine", "value": "thai", "timestamp": 1514764800}]"#)
            #expect(pushed.status == .ok)
            #expect(pushed.json["events"] == .null)
            #expect(pushed.json["slots"]?["cuisine"] == "thai")

            let events = try await client.send(.get, "/conversations/myid/tracker").json["events"]
            #expect(Self.types(events) == ["action action_listen", "user", "action utter_greet", "action action_listen", "slot cuisine"])
            #expect(events?[4] == ["event": "slot", "name": "cuisine", "value": "thai", "timestamp": 1514764800])
        }
    }

    @Test func putReplacesTheTrackerWithExactlyTheGivenEvents() async throws {
        let events = """
            [{"event": "action", "name": "action_listen", "timestamp": 1.5},
             {"event": "user", "text": "/greet", "timestamp": 2.5, "parse_data": {"text": "/greet", "intent": {"name": "greet", "confidence": 1.0}, "intent_ranking": [{"name": "greet", "confidence": 1.0}], "entities": []}},
             {"event": "bot", "text": "hey there!", "data": null, "timestamp": 3.5},
             {"event": "action", "name": "utter_greet", "timestamp": 4.5},
             {"event": "action", "name": "action_listen", "timestamp": 5.5},
             {"event": "slot", "name": "location", "value": "Lyon", "timestamp": 6.5},
             {"event": "reset_slots", "timestamp": 7.5}]
            """
        try await TestRasa().test { client in
            _ = try await client.send(.post, "/conversations/put/parse", json: #"{"query": "/goodbye"}"#)
            let put = try await client.send(.put, "/conversations/put/tracker", json: events)
            #expect(put.status == .ok)
            #expect(put.json["events"] == (try JSON.decode(events)))
            #expect(put.json["latest_message"]?["intent"]?["name"] == "greet")
            let read = try await client.send(.get, "/conversations/put/tracker")
            #expect(read.json["events"] == (try JSON.decode(events)))
            #expect(read.json["latest_event_time"] == 7.5)
        }
    }

    @Test func respondAnswersWithTheResponse() async throws {
        try await TestRasa().test { client in
            let response = try await client.send(.post, "/conversations/myid/respond", json: #"{"query": "/greet"}"#)
            #expect(response.status == .ok)
            #expect(response.json == [["text": "hey there!", "recipient_id": "myid"]])
            let events = try await client.send(.get, "/conversations/myid/tracker").json["events"]
            #expect(Self.types(events) == ["action action_listen", "user", "bot", "action utter_greet", "action action_listen"])
        }
    }

    // MARK: Hearth's details

    @Test func respondSplitsAtBlankLinesAndSendsButtonsAsData() async throws {
        try await TestRasa().test { client in
            let goodbye = try await client.send(.get, "/conversations/r/respond?q=/goodbye")
            #expect(goodbye.json == [["recipient_id": "r", "text": "goodbye :("], ["recipient_id": "r", "text": "see you"]])
            _ = try await client.send(.post, "/conversations/r/tracker/events", json: #"[{"event": "slot", "name": "cuisine", "value": "thai"}, {"event": "followup", "name": "utter_ask"}]"#)
            let ask = try await client.send(.post, "/conversations/r/respond", json: #"{"q": "anything"}"#)
            #expect(ask.json[0] == [
                "recipient_id": "r", "text": "Where, thai lover?",
                "data": [["title": "Lyon", "payload": #"/inform{"location": "Lyon"}"#]],
            ])
        }
    }

    @Test func parseTakesGetQueryAndAnyContentType() async throws {
        try await TestRasa().test { client in
            let get = try await client.send(.get, "/conversations/g/parse?q=%2Fgreet")
            #expect(get.json["next_action"] == "utter_greet")
            let untyped = try await client.execute(
                uri: "/conversations/h/parse", method: .post, headers: [:], body: .init(string: #"{"q": "/goodbye"}"#))
            #expect(untyped.json["next_action"] == "utter_goodbye")
        }
    }

    @Test func aPercentEncodedConversationIdIsDecoded() async throws {
        try await TestRasa().test { client in
            let parsed = try await client.send(.get, "/conversations/ann%20marie/parse?q=%2Fgreet")
            #expect(parsed.json["tracker"]?["sender_id"] == "ann marie")
            let plain = try await client.send(.get, "/conversations/ann-marie/parse?q=%2Fgreet")
            #expect(plain.json["tracker"]?["sender_id"] == "ann-marie")
        }
    }

    @Test func textIsReadWithTheBrainsOrders() async throws {
        try await TestRasa().test { client in
            let parsed = try await client.send(.post, "/conversations/b/parse", json: #"{"query": "bonjour"}"#)
            #expect(parsed.json["tracker"]?["latest_message"]?["intent"] == ["name": "say-hello", "confidence": 1.0])
            // say-hello is in no story: the fallback answers with utter_default.
            #expect(parsed.json["next_action"] == "utter_default")
        }
    }

    @Test func trackerQueryOptions() async throws {
        try await TestRasa().test { client in
            _ = try await client.send(.put, "/conversations/q/tracker", json: """
                [{"event": "action", "name": "action_listen", "timestamp": 10},
                 {"event": "slot", "name": "cuisine", "value": "thai", "timestamp": 20},
                 {"event": "restart", "timestamp": 30},
                 {"event": "action", "name": "action_listen", "timestamp": 40}]
                """)
            let plain = try await client.send(.get, "/conversations/q/tracker").json
            #expect(Self.types(plain["events"]) == ["action action_listen"])
            let all = try await client.send(.get, "/conversations/q/tracker?ignore_restarts=true").json
            #expect(all["events"]?.listValue?.count == 4)
            let without = try await client.send(.get, "/conversations/q/tracker?events=false").json
            #expect(without["events"] == .null)
            #expect(without["sender_id"] == "q")
            let before = try await client.send(.get, "/conversations/q/tracker?until=25").json
            #expect(before["slots"]?["cuisine"] == "thai")
            #expect(Self.types(before["events"]) == ["action action_listen", "slot cuisine"])
            #expect(try await client.send(.get, "/conversations/q/tracker?until=soon").status == .badRequest)
            #expect(try await client.send(.get, "/conversations/q/tracker?events=maybe").status == .badRequest)
        }
    }

    @Test func continueWithActionListenPredictsNothing() async throws {
        try await TestRasa().test { client in
            let response = try await client.send(.post, "/conversations/l/continue", json: #"{"executed_action": "action_listen", "events": []}"#)
            #expect(response.status == .ok)
            #expect(response.json["next_action"] == .null)
            #expect(response.json["info"]?.stringValue != nil)
            let fresh = try await client.send(.post, "/conversations/n/continue", json: #"{"executed_action": null, "events": []}"#)
            #expect(fresh.json["next_action"] == "action_listen")
        }
    }

    @Test func conversationsAreListedInTheOrderTheyBegan() async throws {
        try await TestRasa().test { client in
            #expect(try await client.send(.get, "/conversations").json == [])
            _ = try await client.send(.post, "/conversations/default/parse", json: #"{"query": "/greet"}"#)
            _ = try await client.send(.get, "/conversations/other/tracker")
            #expect(try await client.send(.get, "/conversations").json == ["default", "other"])
        }
    }

    // MARK: Errors

    @Test func badInputIsA400WithAJSONError() async throws {
        try await TestRasa().test { client in
            let missing = try await client.send(.post, "/conversations/e/parse", json: #"{"text": "hi"}"#)
            #expect(missing.status == .badRequest)
            #expect(missing.json == ["error": "Invalid parse parameter specified"])
            #expect(try await client.send(.post, "/conversations/e/parse").json == ["error": "Invalid parse parameter specified"])
            #expect(try await client.send(.post, "/conversations/e/respond", json: "{}").status == .badRequest)

            let unknownAction = try await client.send(.post, "/conversations/e/continue", json: #"{"executed_action": "utter_nothing", "events": []}"#)
            #expect(unknownAction.status == .badRequest)
            #expect(unknownAction.json["error"]?.stringValue?.contains("utter_nothing") == true)

            let unknownEvent = try await client.send(.post, "/conversations/e/tracker/events", json: #"[{"event": "shout"}]"#)
            #expect(unknownEvent.status == .badRequest)
            #expect(unknownEvent.json["error"]?.stringValue?.hasPrefix("unknown event type 'shout'") == true)

            for (method, path, body) in [
                (HTTPRequest.Method.post, "/conversations/e/parse", "{not json"),
                (.put, "/conversations/e/tracker", #"{"event": "slot"}"#),
                (.put, "/conversations/e/tracker", #"[{"event": "slot"}]"#),
                (.post, "/conversations/e/tracker/events", "12"),
                (.post, "/conversations/e/continue", #"{"executed_action": 3}"#),
                (.post, "/conversations/e/continue", #"{"executed_action": null, "events": {}}"#),
                (.post, "/conversations/e/continue", #"[1]"#),
            ] {
                let response = try await client.send(method, path, json: body)
                #expect(response.status == .badRequest, "\(method) \(path) \(body)")
                #expect(response.json["error"]?.stringValue != nil, "\(method) \(path) \(body)")
            }
            // Nothing refused was kept: the conversation begins only now.
            #expect(try await client.send(.get, "/conversations").json == [])
            let events = try await client.send(.get, "/conversations/e/tracker").json["events"]
            #expect(Self.types(events) == ["action action_listen"])
        }
    }

    @Test func wrongMethodsAndPathsAreJSON() async throws {
        try await TestRasa().test { client in
            let wrongMethod = try await client.send(.delete, "/conversations/x/tracker")
            #expect(wrongMethod.status == .methodNotAllowed)
            #expect(wrongMethod.headers[.allow] == "GET, PUT")
            #expect(wrongMethod.json["error"]?.stringValue != nil)
            let unknown = try await client.send(.get, "/nothing/here")
            #expect(unknown.status == .notFound)
            #expect(unknown.json == ["error": "no such URL"])
        }
    }

    @Test func aTokenGuardsEveryConversationRoute() async throws {
        try await TestRasa(section: "  token: s3cret\n").test { client in
            for path in ["/conversations", "/conversations/a/tracker", "/conversations/a/parse?q=hi"] {
                let missing = try await client.send(.get, path)
                #expect(missing.status == .unauthorized, "\(path)")
                #expect(missing.json["error"]?.stringValue != nil)
                let wrong = try await client.send(.get, path + (path.contains("?") ? "&" : "?") + "token=s3cre")
                #expect(wrong.status == .unauthorized, "\(path)")
                #expect(!wrong.text.contains("s3cret"))
            }
            #expect(try await client.send(.get, "/conversations?token=s3cret").status == .ok)
            #expect(try await client.send(.post, "/conversations/a/parse?token=s3cret", json: #"{"query": "/greet"}"#).json["next_action"] == "utter_greet")
            #expect(try await client.send(.get, "/version").status == .ok)
        }
    }

    @Test func corsOriginsFromSettings() async throws {
        try await TestRasa(section: "  cors: [\"http://chat.local\"]\n  token: t\n").test { client in
            let preflight = try await client.send(
                .options, "/conversations/a/parse", headers: [.origin: "http://chat.local", .accessControlRequestMethod: "POST"])
            #expect(preflight.status == .noContent)
            #expect(preflight.headers[.accessControlAllowOrigin] == "http://chat.local")
            let answer = try await client.send(.get, "/conversations?token=t", headers: [.origin: "http://chat.local"])
            #expect(answer.headers[.accessControlAllowOrigin] == "http://chat.local")
            let other = try await client.send(.get, "/conversations?token=t", headers: [.origin: "http://evil.example"])
            #expect(other.headers[.accessControlAllowOrigin] == nil)
        }
    }

    @Test func settingsAreCheckedAndPathsResolvedBesideTheSettingsFile() throws {
        let section: Value = ["active": false, "host": "0.0.0.0", "port": 5055, "domain": "d/domain.yml", "stories": "/abs/stories.md", "extra": 1]
        let configuration = try RasaConfiguration(section: section, baseDirectory: "/etc/hearth")
        #expect(configuration.active == false)
        #expect(configuration.port == 5055)
        #expect(configuration.domainPath == "/etc/hearth/d/domain.yml")
        #expect(configuration.storiesPath == "/abs/stories.md")
        #expect(configuration.isOpenToNetwork)
        #expect(configuration.warnings.count == 1)
        let defaults = try RasaConfiguration(section: nil, baseDirectory: "/")
        #expect(defaults.active && defaults.host == "127.0.0.1" && defaults.port == 5005 && defaults.token == nil)
        #expect(throws: BrainLoadError.self) { try RasaConfiguration(section: ["port": "high"], baseDirectory: "/") }
        let secret = try RasaConfiguration(section: ["token": "hidden-value"], baseDirectory: "/")
        #expect(!"\(secret)".contains("hidden-value"))
    }
}
