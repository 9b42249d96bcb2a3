import Testing
@testable import HearthBrain

struct SettingsLoaderTests {
    @Test func starterKitSettingsLoadWithWarningsForMissingEnginesOnly() throws {
        let result = try SettingsLoader.load(file: StarterKit.settings)
        let settings = result.settings
        #expect(settings.defaultTrigger == "pocketsphinx")
        #expect(settings.defaultSpeechToText == "pocketsphinx")
        #expect(settings.defaultTextToSpeech == "espeak-ng")
        #expect(settings.restAPI.passwordProtected && settings.restAPI.login == "admin" && settings.restAPI.password == "secret")
        #expect(settings.restAPI.allowedCORSOrigin == "*")
        #expect(settings.synapses(for: .onStart) == ["on-start-synapse"])
        #expect(settings.synapses(for: .onTriggered) == ["on-triggered-synapse"])
        #expect(settings.synapses(for: .onWaitingForTrigger).isEmpty)
        #expect(settings.variables == ["name": "sir"])
        #expect(!settings.options.deaf && !settings.options.mute)
        // snowboy's entry becomes a pocketsphinx entry so a keyphrase given there is kept.
        #expect(settings.triggers.map(\.name) == ["pocketsphinx"])
        let messages = result.warnings.map(\.message)
        for engine in ["snowboy", "google", "pico2wave", "googletts", "voicerss", "mplayer"] {
            #expect(messages.contains { $0.contains("'\(engine)'") }, "no warning about \(engine)")
        }
        #expect(messages.contains { $0.contains("resource_directory") })
        #expect(result.warnings.allSatisfy { $0.location?.file == StarterKit.settings && ($0.location?.line ?? 0) > 0 })
    }

    @Test func kalliope04DefaultSynapseIsTheNotFoundHook() throws {
        let result = try SettingsLoader.load(text: "default_synapse: \"default-synapse\"\n", name: "s.yml")
        #expect(result.settings.synapses(for: .onOrderNotFound) == ["default-synapse"])
        let withHooks = try SettingsLoader.load(text: "default_synapse: \"old-default\"\nhooks:\n  on_start: \"start-up\"\n", name: "s.yml")
        #expect(withHooks.settings.synapses(for: .onOrderNotFound) == ["old-default"])
        #expect(withHooks.settings.synapses(for: .onStart) == ["start-up"])
        let both = try SettingsLoader.load(text: "default_synapse: \"old-default\"\nhooks:\n  on_order_not_found: \"new-one\"\n", name: "s.yml")
        #expect(both.settings.synapses(for: .onOrderNotFound) == ["new-one"])
    }

    @Test func hooksTakeANameOrAList() throws {
        let result = try SettingsLoader.load(
            text: "hooks:\n  on_start: [\"a-one\", \"b-two\"]\n  on_deaf: \"c-three\"\n  on_nothing: \"x\"\n", name: "s.yml")
        #expect(result.settings.synapses(for: .onStart) == ["a-one", "b-two"])
        #expect(result.settings.synapses(for: .onDeaf) == ["c-three"])
        #expect(result.warnings.map(\.message) == ["unknown hook 'on_nothing' ignored"])
    }

    @Test func laterVariableFilesWin() throws {
        let files = TestFiles()
        files.write("one.yml", "name: first\ncity: paris\n")
        files.write("two.yml", "name: second\n")
        let path = files.write("settings.yml", "var_files:\n  - one.yml\n  - two.yml\n")
        #expect(try SettingsLoader.load(file: path).settings.variables == ["name": "second", "city": "paris"])
    }

    @Test func wrongTypesAreLocatedErrors() {
        let files = TestFiles()
        let path = files.write("settings.yml", "rest_api:\n  port: \"many\"\n")
        #expect {
            try SettingsLoader.load(file: path)
        } throws: { error in
            let error = error as? BrainLoadError
            return error?.location?.line == 2 && error?.location?.column == 3 && error?.message.contains("port") == true
        }
    }

    @Test func passwordProtectionWithoutAPasswordIsRefused() {
        #expect(throws: BrainLoadError.self) {
            try SettingsLoader.load(text: "rest_api:\n  password_protected: true\n", name: "s.yml")
        }
    }

    @Test func thePasswordCanComeFromAFileBesideTheSettings() throws {
        let files = TestFiles()
        _ = files.write("api-password", "s3cret-Word\n")
        let path = files.write("settings.yml", "rest_api:\n  password_protected: true\n  password_file: api-password\n")
        let settings = try SettingsLoader.load(file: path).settings
        #expect(settings.restAPI.passwordProtected && settings.restAPI.password == "s3cret-Word")

        let missing = files.write("other.yml", "rest_api:\n  password_protected: true\n  password_file: /nonexistent/hearth-password\n")
        #expect {
            try SettingsLoader.load(file: missing)
        } throws: { error in
            (error as? BrainLoadError)?.message == "password file '/nonexistent/hearth-password' cannot be read"
        }
    }

    @Test func unknownKeysAreWarnedAboutByName() throws {
        let result = try SettingsLoader.load(text: "colour: blue\noptions:\n  deaf: true\n  loudness: 3\n", name: "s.yml")
        #expect(result.settings.options.deaf)
        #expect(Set(result.warnings.map(\.message)) == ["unknown setting 'colour' ignored", "unknown option 'loudness' ignored"])
    }
}
