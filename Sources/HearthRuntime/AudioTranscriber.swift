import HearthBrain

/// Speech to text for audio that arrives whole (an upload to
/// `POST /synapses/start/audio`); the voice module supplies it.
public protocol AudioTranscriber: Sendable {
    /// The order spoken in `file` (WAV of any rate and channel count, or
    /// MP3), heard against `brain`'s orders. Throws
    /// `AudioInputError.unreadable` when the bytes are not audio.
    func transcribe(file: [UInt8], brain: Brain) async throws -> String
}

public enum AudioInputError: Error, Equatable, CustomStringConvertible {
    /// Not a WAV or MP3 file Hearth can read.
    case unreadable(String)
    /// No speech-to-text engine could be loaded.
    case unavailable(String)

    public var description: String {
        switch self {
        case .unreadable(let why): return "unreadable audio: \(why)"
        case .unavailable(let why): return "speech to text is not available: \(why)"
        }
    }
}
