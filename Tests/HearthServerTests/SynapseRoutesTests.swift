import HearthBrain
import HearthServer
import HummingbirdTesting
import Testing

/// Kalliope's synapse API: the shapes and status codes of seeds 000 and 001.
@Suite struct SynapseRoutesTests {
    @Test func rootAnswersTheVersion() async throws {
        try await TestAPI().test { client in
            let response = try await client.send(.get, "/")
            #expect(response.status == .ok)
            #expect(response.json == ["Kalliope version": "0.1.0"])
            #expect(response.headers[.contentType] == "application/json")
        }
    }

    @Test func listsSynapsesInBrainOrderInTheSerialisedForm() async throws {
        try await TestAPI().test { client in
            let response = try await client.send(.get, "/synapses")
            #expect(response.status == .ok)
            let synapses = try #require(response.json.mapValue?["synapses"]?.listValue)
            #expect(synapses.first?.mapValue?["name"] == "say-hello")
            #expect(synapses.first == [
                "name": "say-hello", "enabled": true,
                "signals": [["name": "order", "parameters": "bonjour"]],
                "neurons": [["name": "say", "parameters": ["message": ["Bonjour monsieur"]]]],
            ])
            let stop = try #require(synapses.first { $0.mapValue?["name"] == "stop-hearth" })
            #expect(stop.mapValue?["neurons"] == [
                ["name": "say", "parameters": ["message": "Good bye"]],
                ["name": "kill_switch", "parameters": nil],
            ])
        }
    }

    @Test func trailingSlashesAreOptional() async throws {
        try await TestAPI().test { client in
            let statuses = [
                try await client.send(.get, "/synapses/").status,
                try await client.send(.get, "/synapses/say-hello/").status,
                try await client.send(.post, "/synapses/start/order/", json: #"{"order": "bonjour"}"#).status,
                try await client.send(.get, "/settings/deaf/").status,
            ]
            #expect(statuses == [.ok, .ok, .created, .ok])
        }
    }

    @Test func showsOneSynapseOrSaysItsNameIsUnknown() async throws {
        try await TestAPI().test { client in
            let found = try await client.send(.get, "/synapses/say-hello")
            #expect(found.status == .ok)
            #expect(found.json.mapValue?["synapses"]?.mapValue?["name"] == "say-hello")

            let missing = try await client.send(.get, "/synapses/no-such-synapse")
            #expect(missing.status == .notFound)
            #expect(missing.json == ["error": ["synapse name not found": "no-such-synapse"]])
        }
    }

    @Test func addsTheSeedSynapseAndMatchesItAtOnce() async throws {
        try await TestAPI().test { client in
            let created = try await client.send(.post, "/synapses", json: """
                {"name": "Say-hello", "signals": [{"order": "I am Batman"}], "neurons": [{"say": {"message": "I know"}}]}
                """)
            #expect(created.status == .created)
            #expect(created.json == [
                "enabled": true, "name": "Say-hello",
                "neurons": [["name": "say", "parameters": ["message": "I know"]]],
                "signals": [["name": "order", "parameters": "I am Batman"]],
            ])

            let run = try await client.send(.post, "/synapses/start/order", json: #"{"order": "I am Batman", "mute": true}"#)
            #expect(run.json.mapValue?["matched_synapses"] == [[
                "synapse_name": "Say-hello", "matched_order": "I am Batman",
                "neuron_module_list": [["neuron_name": "Say", "generated_message": "I know"]],
            ]])
            #expect(try await client.send(.get, "/synapses/Say-hello").status == .ok)
        }
    }

    @Test func refusesASecondSynapseOfTheSameName() async throws {
        try await TestAPI().test { client in
            let duplicate = try await client.send(.post, "/synapses", json: """
                {"name": "say-hello", "signals": [{"order": "hi"}], "neurons": [{"say": {"message": "hi"}}]}
                """)
            #expect(duplicate.status == .conflict)
            #expect(duplicate.json == ["error": ["Error": "a synapse named 'say-hello' already exists"]])
        }
    }

    @Test(arguments: [
        (#"{"signals": [], "neurons": ["kill_switch"]}"#, "Wrong parameters, 'name' not set"),
        ("", "Wrong parameters, 'name' not set"),
        (#"["name"]"#, "Wrong parameters, 'name' not set"),
    ])
    func refusesASynapseWithoutAName(body: String, message: String) async throws {
        try await TestAPI().test { client in
            let response = try await client.send(.post, "/synapses", json: body)
            #expect(response.status == .badRequest)
            #expect(response.json == ["error": ["Error": .string(message)]])
        }
    }

    @Test(arguments: [
        #"{"name": "x", "signals": [], "neurons": ["kill_switch"]}"#,
        #"{"name": "bad name!", "signals": [], "neurons": ["kill_switch"]}"#,
        #"{"name": 42, "signals": [], "neurons": ["kill_switch"]}"#,
        #"{"name": "no-neurons", "signals": [{"order": "hi"}], "neurons": []}"#,
        #"{"name": "no-neurons", "signals": [{"order": "hi"}]}"#,
        #"{"name": "no-signals", "neurons": ["kill_switch"]}"#,
        #"{"name": "bad-signals", "signals": "hi", "neurons": ["kill_switch"]}"#,
        #"{"name": "unknown-signal", "signals": [{"telepathy": "hi"}], "neurons": ["kill_switch"]}"#,
        #"{"name": "unknown-neuron", "signals": [{"order": "hi"}], "neurons": [{"teleport": {"to": "mars"}}]}"#,
        #"{"name": "bad-parameters", "signals": [{"order": "hi"}], "neurons": [{"say": "hello"}]}"#,
        #"{"name": "bad-link", "signals": [{"order": "hi"}], "neurons": [{"neurotransmitter": {"direct_link": "nowhere-synapse"}}]}"#,
        #"{"name": "bad-enabled", "enabled": "yes", "signals": [], "neurons": ["kill_switch"]}"#,
    ])
    func refusesAnInvalidSynapseWithAnError(body: String) async throws {
        try await TestAPI().test { client in
            let response = try await client.send(.post, "/synapses", json: body)
            #expect(response.status == .badRequest)
            let error = try #require(response.json.mapValue?["error"]?.mapValue?["Error"]?.stringValue)
            #expect(!error.isEmpty)
            #expect(try await client.send(.get, "/synapses").json.mapValue?["synapses"]?.listValue?.count == 9)
        }
    }

    @Test func deletesASynapseAndTheMatcherForgetsIt() async throws {
        try await TestAPI().test { client in
            let deleted = try await client.send(.delete, "/synapses/say-hello")
            #expect(deleted.status == .noContent)
            #expect(deleted.body.readableBytes == 0)
            #expect(try await client.send(.get, "/synapses/say-hello").status == .notFound)

            let run = try await client.send(.post, "/synapses/start/order", json: #"{"order": "bonjour", "mute": "true"}"#)
            #expect(run.json.mapValue?["matched_synapses"]?.listValue?.first?.mapValue?["synapse_name"] == "order-not-found-synapse")

            let again = try await client.send(.delete, "/synapses/say-hello")
            #expect(again.status == .notFound)
            #expect(again.json == ["error": ["synapse name not found": "say-hello"]])
        }
    }

    @Test func runsASynapseByItsName() async throws {
        let api = try TestAPI()
        try await api.test { client in
            let response = try await client.send(.post, "/synapses/start/id/say-hello")
            #expect(response.status == .created)
            #expect(response.json == [
                "matched_synapses": [[
                    "matched_order": nil,
                    "neuron_module_list": [["generated_message": "Bonjour monsieur", "neuron_name": "Say"]],
                    "synapse_name": "say-hello",
                ]],
                "status": "complete",
                "user_order": nil,
            ])
            #expect(api.speech.messages.contains("Bonjour monsieur"))
        }
    }

    @Test func passesParametersToTheSynapseRunByName() async throws {
        let brain = """
            - name: "greet-someone"
              signals: []
              neurons:
                - say:
                    message: "Hello {{ parameter1 }}"
            """
        try await TestAPI(brainYAML: brain, settingsYAML: settingsWithoutHooks).test { client in
            let response = try await client.send(.post, "/synapses/start/id/greet-someone", json: #"{"parameters": {"parameter1": "value1"}}"#)
            #expect(response.status == .created)
            #expect(response.json.mapValue?["matched_synapses"]?.listValue?.first?.mapValue?["neuron_module_list"]
                == [["neuron_name": "Say", "generated_message": "Hello value1"]])

            let wrong = try await client.send(.post, "/synapses/start/id/greet-someone", json: #"{"parameters": ["value1"]}"#)
            #expect(wrong.status == .badRequest)
        }
    }

    @Test func runningAnUnknownSynapseIsA404() async throws {
        try await TestAPI().test { client in
            let response = try await client.send(.post, "/synapses/start/id/no-such-synapse", json: #"{"mute": "true"}"#)
            #expect(response.status == .notFound)
            #expect(response.json == ["error": ["synapse name not found": "no-such-synapse"]])
        }
    }

    @Test func runsTheSynapsesAnOrderMatches() async throws {
        try await TestAPI().test { client in
            let response = try await client.send(.post, "/synapses/start/order", json: #"{"order": "bonjour"}"#)
            #expect(response.status == .created)
            #expect(response.json == [
                "matched_synapses": [[
                    "matched_order": "bonjour",
                    "neuron_module_list": [["generated_message": "Bonjour monsieur", "neuron_name": "Say"]],
                    "synapse_name": "say-hello",
                ]],
                "status": "complete",
                "user_order": "bonjour",
            ])
        }
    }

    @Test func anOrderNothingMatchesRunsTheNotFoundHookOrAnswersAnEmptyList() async throws {
        try await TestAPI().test { client in
            let response = try await client.send(.post, "/synapses/start/order", json: #"{"order": "not existing order"}"#)
            #expect(response.status == .created)
            let matched = try #require(response.json.mapValue?["matched_synapses"]?.listValue?.first?.mapValue)
            #expect(matched["synapse_name"] == "order-not-found-synapse")
            #expect(matched["matched_order"] == .null)
            #expect(response.json.mapValue?["user_order"] == "not existing order")
        }
        try await TestAPI(settingsYAML: settingsWithoutHooks).test { client in
            let response = try await client.send(.post, "/synapses/start/order", json: #"{"order": "not existing order"}"#)
            #expect(response.status == .created)
            #expect(response.json == ["matched_synapses": [], "status": nil, "user_order": "not existing order"])
        }
    }

    @Test(arguments: ["", "{}", #"{"mute": "true"}"#, #"["order"]"#, "null"])
    func anOrderCallWithoutAnOrderIsKalliopes400(body: String) async throws {
        try await TestAPI().test { client in
            let response = try await client.send(.post, "/synapses/start/order", json: body)
            #expect(response.status == .badRequest)
            #expect(response.json == ["error": ["Error": "Wrong parameters, 'order' not set"]])
        }
    }

    @Test(arguments: [#"{"order": 42}"#, #"{"order": null}"#, #"{"order": ["bonjour"]}"#])
    func anOrderThatIsNotTextIsRefused(body: String) async throws {
        try await TestAPI().test { client in
            let response = try await client.send(.post, "/synapses/start/order", json: body)
            #expect(response.status == .badRequest)
            #expect(response.json == ["error": ["Error": "'order' must be a string"]])
        }
    }

    /// Seed 000/001: "ask me a question", then "not at all".
    @Test func theNeurotransmitterExchangeTakesTwoCalls() async throws {
        try await TestAPI().test { client in
            let question = try await client.send(.post, "/synapses/start/order", json: #"{"order":"ask me a question"}"#)
            #expect(question.status == .created)
            #expect(question.json == SeedAnswers.neurotransmitterQuestion)

            let answer = try await client.send(.post, "/synapses/start/order", json: #"{"order":"not at all"}"#)
            #expect(answer.status == .created)
            #expect(answer.json == SeedAnswers.neurotransmitterAnswer)
        }
    }

    @Test func theMuteFlagSilencesEachRunRouteForThatCallOnly() async throws {
        let api = try TestAPI()
        try await api.test { client in
            let calls: [(String, String?)] = [
                ("/synapses/start/id/say-hello", nil),
                ("/synapses/say-hello", nil),
                ("/synapses/start/order", #""order": "bonjour""#),
            ]
            for (path, order) in calls {
                let fields = [order, #""mute": "true""#].compactMap { $0 }.joined(separator: ", ")
                let before = api.speech.messages.count
                let muted = try await client.send(.post, path, json: "{\(fields)}")
                #expect(muted.status == .created, "\(path)")
                #expect(muted.json.mapValue?["matched_synapses"]?.listValue?.first?.mapValue?["neuron_module_list"]
                    == [["neuron_name": "Say", "generated_message": "Bonjour monsieur"]], "\(path): the text is still returned")
                #expect(api.speech.messages.count == before, "\(path): nothing is spoken when muted")

                let spoken = try await client.send(.post, path, json: order.map { "{\($0)}" } ?? "{}")
                #expect(spoken.status == .created)
                #expect(api.speech.messages.count == before + 1, "\(path): the next call speaks again")
            }
            #expect(try await client.send(.get, "/mute").json == ["mute": false])
        }
    }

    @Test(arguments: [Value.bool(true), "true", "True", 1, "1"])
    func muteFlagSpellingsThatMute(flag: Value) async throws {
        let api = try TestAPI()
        try await api.test { client in
            _ = try await client.send(.post, "/synapses/start/id/say-hello", json: JSON.encode(["mute": flag]))
            #expect(api.speech.messages.isEmpty)
        }
    }

    @Test(arguments: [Value.bool(false), "false", "yes", 0, 2, Value.null])
    func muteFlagSpellingsThatDoNot(flag: Value) async throws {
        let api = try TestAPI()
        try await api.test { client in
            _ = try await client.send(.post, "/synapses/start/id/say-hello", json: JSON.encode(["mute": flag]))
            #expect(api.speech.messages == ["Bonjour monsieur"])
        }
    }

    @Test func theKillSwitchIsPulledAfterItsAnswerIsComplete() async throws {
        let api = try TestAPI()
        try await api.test { client in
            let response = try await client.send(.post, "/synapses/start/order", json: #"{"order": "close", "mute": true}"#)
            #expect(response.status == .created)
            #expect(response.json.mapValue?["matched_synapses"]?.listValue?.first?.mapValue?["synapse_name"] == "stop-hearth")
            #expect(api.terminations.pulls == 1)
        }
    }

    @Test func theAudioRouteWantsAFile() async throws {
        try await TestAPI().test { client in
            let response = try await client.send(.post, "/synapses/start/audio")
            #expect(response.status == .badRequest)
            #expect(response.json.mapValue?["error"]?.mapValue?["Error"]?.stringValue?.contains("'file'") == true)
        }
    }

    @Test func theAudioRouteSaysWhenThereIsNoSpeechToText() async throws {
        try await TestAPI().test { client in
            let response = try await client.sendForm("/synapses/start/audio", fields: [("file", Array("RIFF....".utf8))])
            #expect(response.status == .notImplemented)
            #expect(response.json.mapValue?["error"]?.mapValue?["Error"]?.stringValue?.contains("speech to text") == true)
        }
    }

    @Test func anUploadedOrderRunsAsAnOrder() async throws {
        let api = try TestAPI(transcriber: FixedTranscriber(text: "bonjour"))
        try await api.test { client in
            let response = try await client.sendForm(
                "/synapses/start/audio", fields: [("file", Array("RIFF-sound".utf8)), ("mute", Array("true".utf8))])
            #expect(response.status == .created)
            #expect(response.json.mapValue?["user_order"] == "bonjour")
            #expect(response.json.mapValue?["matched_synapses"]?.listValue?.first?.mapValue?["synapse_name"] == "say-hello")
            #expect(api.speech.messages.isEmpty)  // muted
        }
    }

    @Test func unreadableAudioIsABadRequest() async throws {
        try await TestAPI(transcriber: FixedTranscriber(text: nil)).test { client in
            let response = try await client.sendForm("/synapses/start/audio", fields: [("file", [1, 2, 3])])
            #expect(response.status == .badRequest)
            #expect(response.json.mapValue?["error"]?.mapValue?["Error"]?.stringValue?.contains("unreadable audio") == true)
        }
    }

    /// Kalliope's API page shows these URLs in its curl examples.
    @Test func theURLsOfTheAPIPagesCurlExamplesWork() async throws {
        try await TestAPI().test { client in
            let run = try await client.send(.post, "/synapses/say-hello", json: #"{"mute": "true"}"#)
            #expect(run.status == .created)
            #expect(run.json.mapValue?["matched_synapses"]?.listValue?.first?.mapValue?["synapse_name"] == "say-hello")
            #expect(try await client.send(.delete, "/synapses/start/id/say-hello").status == .noContent)
            #expect(try await client.send(.get, "/synapses/say-hello").status == .notFound)
        }
    }
}
