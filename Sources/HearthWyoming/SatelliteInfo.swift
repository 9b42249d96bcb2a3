import HearthBrain

/// What `describe` is answered with: a satellite (no speech-to-text, voices
/// or intents of its own to offer Home Assistant), its microphone and
/// speaker formats.
public struct SatelliteInfo: Sendable, Equatable {
    public var name: String
    public var area: String?
    /// The wake phrase Hearth listens for itself (`hey hearth`).
    public var wakePhrase: String
    public var version: String

    public init(name: String, area: String?, wakePhrase: String, version: String) {
        self.name = name
        self.area = area
        self.wakePhrase = wakePhrase
        self.version = version
    }

    public var event: WyomingEvent {
        WyomingEvent(
            WyomingEvent.Kind.info,
            data: [
                "satellite": .map(
                    artifact(name: name, description: "Hearth voice satellite").merging([
                        "area": area.map(Value.string) ?? .null,
                        // The stream ends with Home Assistant's transcript, not
                        // with an end of speech Hearth detects.
                        "has_vad": .bool(false),
                        "active_wake_words": .list([.string(wakePhrase)]),
                        "max_active_wake_words": .int(1),
                        // Listening starts with Hearth's own wake word or button.
                        "supports_trigger": .bool(false),
                    ]) { $1 }),
                "mic": .list([
                    .map(artifact(name: "hearth-microphone", description: "Hearth microphone").merging(["mic_format": .map(PCMFormat.microphone.fields)]) { $1 })
                ]),
                "snd": .list([
                    .map(artifact(name: "hearth-speaker", description: "Hearth speaker").merging(["snd_format": .map(PCMFormat.speaker.fields)]) { $1 })
                ]),
                "asr": .list([]), "tts": .list([]), "handle": .list([]), "intent": .list([]), "wake": .list([]),
            ])
    }

    private func artifact(name: String, description: String) -> [String: Value] {
        [
            "name": .string(name), "description": .string(description), "installed": .bool(true), "version": .string(version),
            "attribution": .map(["name": .string("Hearth"), "url": .string("")]),
        ]
    }
}
