import Testing
@testable import HearthBrain

struct BrainLoaderTests {
    @Test func starterKitLoadsUnchangedWithIncludesAfterTheMainFile() throws {
        let result = try BrainLoader.load(file: StarterKit.brain)
        let names = result.brain.synapses.map(\.name)
        // The includes item comes first in brain.yml, yet its synapses follow the main file's.
        #expect(Array(names.prefix(3)) == ["order-not-found-synapse", "on-triggered-synapse", "on-start-synapse"])
        #expect(names.contains("synapse1") && names.contains("say-local-date-from-template") && names.contains("horoscope-scorpio"))
        #expect(names.count == 12)
        let hello = try #require(result.brain.synapse(named: "say-hello"))
        #expect(hello.orderSignals.first?.text == "Hello")
        #expect(hello.neurons == [NeuronCall(name: "say", parameters: ["message": "Hello {{name}}"])])
        #expect(hello.location?.file.hasSuffix("brains/say.yml") == true)
        #expect(hello.location?.line == 2)
    }

    @Test func longFormOrdersAndEveryKnownSignalParse() throws {
        let files = TestFiles()
        files.write("corrections.yml", "- input: \"tree\"\n  output: \"three\"\n")
        let path = files.write("brain.yml", """
            - name: "long-form"
              signals:
                - order:
                    text: "count to {{ number }}"
                    matching-type: "ordered-strict"
                    stt-correction:
                      - input: "for"
                        output: "four"
                    stt-correction-file: "corrections.yml"
                - order:
                    text: "music"
                    matching-type: "not-contain"
                    excluded-words: ["stop", "pause"]
                - event:
                    hour: "8"
                    minute: "30"
                    day_of_week: "mon-fri"
                - geolocation:
                    latitude: 46.58
                    longitude: 4.85
                    radius: 300
              neurons:
                - kill_switch
                - say:
                    message: "ok"
            """)
        let synapse = try #require(try BrainLoader.load(file: path).brain.synapse(named: "long-form"))
        let orders = synapse.orderSignals
        #expect(orders[0].matchingType == .orderedStrict)
        #expect(orders[0].sttCorrections == [.init(input: "for", output: "four"), .init(input: "tree", output: "three")])
        #expect(orders[1].excludedWords == ["stop", "pause"])
        if case .event(let schedule) = synapse.signals[2].kind {
            #expect(schedule.written["day_of_week"] == "mon-fri")
        } else {
            Issue.record("expected an event signal")
        }
        #expect(synapse.signals[3].kind == .geolocation(latitude: 46.58, longitude: 4.85, radius: 300))
        #expect(synapse.neurons[0] == NeuronCall(name: "kill_switch"))
        #expect(synapse.serialized.mapValue?["neurons"]?.listValue?.first == .map(["name": "kill_switch", "parameters": .null]))
    }

    struct BadBrain: Sendable, CustomTestStringConvertible {
        var yaml: String
        var line: Int
        var column: Int
        var synapse: String?
        var message: String
        var testDescription: String { message }
    }

    static let badBrains: [BadBrain] = [
        BadBrain(yaml: "- name: \"ok-one\"\n  signals: []\n  neurons:\n    - say: {message: hi}\n- name: \"x\"\n  signals: []\n  neurons: [debug]\n",
                 line: 5, column: 3, synapse: "x", message: "invalid name 'x'"),
        BadBrain(yaml: "- name: \"no-neurons\"\n  signals: []\n  neurons: []\n", line: 3, column: 3, synapse: "no-neurons",
                 message: "non-empty 'neurons'"),
        BadBrain(yaml: "- name: \"no-signals\"\n  neurons: [debug]\n", line: 1, column: 3, synapse: "no-signals",
                 message: "missing 'signals'"),
        BadBrain(yaml: "- name: \"bad-event\"\n  signals:\n    - event:\n        hour: 25\n  neurons: [debug]\n", line: 3, column: 7,
                 synapse: "bad-event", message: "'25' is not a valid hour"),
        BadBrain(yaml: "- name: \"bad-neuron\"\n  signals: []\n  neurons:\n    - say: \"hi\"\n", line: 4, column: 7,
                 synapse: "bad-neuron", message: "parameters of neuron 'say' must be a map"),
        BadBrain(yaml: "- name: \"dup-name\"\n  signals: []\n  neurons: [debug]\n- name: \"dup-name\"\n  signals: []\n  neurons: [debug]\n",
                 line: 4, column: 3, synapse: "dup-name", message: "duplicate synapse name"),
        BadBrain(yaml: "- name: \"broken\n  signals: []\n", line: 3, column: 1, synapse: nil, message: "invalid YAML"),
        BadBrain(yaml: "- includes:\n    - missing.yml\n", line: 2, column: 7, synapse: nil, message: "included brain 'missing.yml' not found"),
        BadBrain(yaml: "name: not-a-list\n", line: 1, column: 1, synapse: nil, message: "a brain is a list of synapses"),
    ]

    @Test(arguments: badBrains)
    func loadErrorsNameFileLineColumnAndSynapse(_ bad: BadBrain) {
        let files = TestFiles()
        let path = files.write("brain.yml", bad.yaml)
        #expect {
            try BrainLoader.load(file: path)
        } throws: { error in
            guard let error = error as? BrainLoadError else { return false }
            return error.location?.file == path && error.location?.line == bad.line && error.location?.column == bad.column
                && error.synapse == bad.synapse && error.message.contains(bad.message)
        }
    }

    @Test func errorInAnIncludedFileNamesThatFile() throws {
        let files = TestFiles()
        files.write("more/extra.yml", "- name: \"in-extra\"\n  signals:\n    - order: 42\n  neurons: [debug]\n")
        let main = files.write("brain.yml", "- includes:\n    - more/extra.yml\n")
        do {
            _ = try BrainLoader.load(file: main)
            Issue.record("expected an error")
        } catch {
            #expect(error.location?.file.hasSuffix("more/extra.yml") == true)
            #expect(error.location?.line == 3)
            #expect(error.synapse == "in-extra")
            #expect(error.description.contains("extra.yml:3:"))
        }
    }

    @Test func unknownSignalsWarnInFilesAndFailInTheAPI() throws {
        let definition: Value = ["name": "custom-signal", "signals": [["mqtt_thing": ["topic": "a"]]], "neurons": ["debug"]]
        var warnings: [(String, ValuePath)] = []
        let synapse = try SynapseParser(rejectUnknownSignals: false).parse(definition, warnings: &warnings)
        #expect(synapse.signals.first?.kind == .unsupported)
        #expect(warnings.first?.0.contains("unknown signal 'mqtt_thing'") == true)
        #expect(throws: SynapseParser.Problem.self) {
            var ignored: [(String, ValuePath)] = []
            _ = try SynapseParser(rejectUnknownSignals: true).parse(definition, warnings: &ignored)
        }
    }

    @Test func yamlScalarsFollowPyYAML() throws {
        let document = try YAMLReader.read(text: "a: yes\nb: 'yes'\nc: 3\nd: 1.5\ne: ~\nf: True\ng: 08:30\n", file: "x.yml")
        #expect(document.value == ["a": true, "b": "yes", "c": 3, "d": 1.5, "e": nil, "f": true, "g": "08:30"])
    }

    @Test func synapseNamesFollowKalliopesRule() {
        #expect(SynapseParser.isValidName("say-hello"))
        #expect(SynapseParser.isValidName("Say-hello"))
        #expect(SynapseParser.isValidName("synapse1"))
        #expect(!SynapseParser.isValidName("abc"))
        #expect(!SynapseParser.isValidName("two--dashes"))
        #expect(!SynapseParser.isValidName("-leading"))
        #expect(!SynapseParser.isValidName("has space"))
        #expect(!SynapseParser.isValidName(String(repeating: "a", count: 101)))
    }

    @Test func embeddedStarterBrainAndSettingsLoadCleanly() {
        let brain = StarterBrain.loadBrain()
        let settings = StarterBrain.loadSettings()
        #expect(brain.warnings.isEmpty && settings.warnings.isEmpty)
        #expect(brain.brain.synapse(named: "say-hello")?.orderSignals.first?.text == "bonjour")
        #expect(settings.settings.synapses(for: .onOrderNotFound) == ["order-not-found-synapse"])
        #expect(settings.settings.restAPI.host == "127.0.0.1" && settings.settings.restAPI.port == 5000)
    }
}
