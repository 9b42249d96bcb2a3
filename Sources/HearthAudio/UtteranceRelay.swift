/// Another listener for what is said after the wake word: a Home Assistant
/// voice satellite session, for one.
///
/// The listening pipeline asks it at the wake word, the voice assistant
/// after an utterance the brain does not answer. Once it takes an
/// utterance, the microphone's samples go to it instead of the local
/// recogniser until it says it has heard enough; then the pipeline listens
/// for the wake word again.
///
/// Called on the thread that feeds the pipeline (the microphone's), so
/// nothing here may block.
public protocol UtteranceRelay: AnyObject, Sendable {
    /// At the wake word: true to take the whole utterance now, instead of
    /// the local recogniser.
    func takesUtteranceAtWake() -> Bool
    /// After an utterance the brain does not answer (rejected, or matching
    /// no order): true to take it (its audio follows through `relay`).
    func takesUnansweredUtterance() -> Bool
    /// The utterance's samples, mono 16-bit at `sampleRate`: first what was
    /// heard of it so far, then the microphone as it comes. Returns false
    /// once the relay has heard enough.
    func relay(_ samples: [Int16], sampleRate: Int) -> Bool
}
