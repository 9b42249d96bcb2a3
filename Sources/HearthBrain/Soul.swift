/// A personality: how Hearth sounds (espeak-ng voice variant, rate, pitch)
/// and the response texts synapses may take from it through the `soul`
/// template variable (`{{ soul.greeting }}`).
public struct Soul: Sendable, Equatable {
    /// The file's name without `.yml`; what the control API switches to.
    public var id: String
    public var name: String
    public var description: String
    /// True for a soul meant for adults only; shown so a client can hide it.
    public var nsfw: Bool
    /// An espeak-ng voice variant (`f3`, `m7`, `klatt`, `whisper`...), laid over
    /// the language's voice, so a soul speaks every language Hearth does.
    public var voice: String?
    /// Words per minute, 80–450.
    public var rate: Int?
    /// 0–100.
    public var pitch: Int?
    /// The language model a future language-model back end would use.
    public var model: String?
    /// Response texts by name.
    public var responses: [String: Value]

    public init(
        id: String, name: String, description: String = "", nsfw: Bool = false, voice: String? = nil, rate: Int? = nil,
        pitch: Int? = nil, model: String? = nil, responses: [String: Value] = [:]
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.nsfw = nsfw
        self.voice = voice
        self.rate = rate
        self.pitch = pitch
        self.model = model
        self.responses = responses
    }

    /// What templates see as `soul`: the responses, with `id` and `name`
    /// (which a response of the same name cannot hide).
    public var templateValue: Value {
        var entries = responses
        entries["id"] = .string(id)
        entries["name"] = .string(name)
        return .map(entries)
    }
}
