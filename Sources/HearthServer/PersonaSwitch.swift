import HearthBrain
import HearthRuntime

/// Switching language or soul, each with the voice that goes with it: the
/// language picks espeak-ng's voice, the soul its variant, rate and pitch, so
/// a comedian stays a comedian in every language. One settings change each,
/// saved before it takes effect.
struct PersonaSwitch {
    let runtime: Runtime
    let languages: any LanguageCatalog

    /// Throws 404 when the language is not installed.
    func switchLanguage(to code: String) async throws {
        guard let language = languages.languages().first(where: { $0.code == code }) else {
            throw APIError.notFound("language '\(code)' is not available")
        }
        let variant = await runtime.soul.voice
        try await runtime.applySettingsChange(
            .language(code, speech: ["voice": .string(SpeechVoice.compose(base: language.voice, variant: variant))]))
    }

    /// Throws 404 when there is no soul by that id.
    func switchSoul(to id: String) async throws {
        guard let soul = await runtime.souls.first(where: { $0.id == id }) else {
            throw APIError.notFound("no soul '\(id)'")
        }
        let settings = await runtime.settings
        let base = languages.languages().first { $0.code == settings.language }?.voice
            ?? settings.speechParameters["voice"]?.stringValue.map(SpeechVoice.base(of:))
            ?? settings.language
        var speech: [String: Value] = ["voice": .string(SpeechVoice.compose(base: base, variant: soul.voice))]
        if let rate = soul.rate { speech["rate"] = .int(rate) }
        if let pitch = soul.pitch { speech["pitch"] = .int(pitch) }
        try await runtime.applySettingsChange(.soul(id, speech: speech))
    }
}
