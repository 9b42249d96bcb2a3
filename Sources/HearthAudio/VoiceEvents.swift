import HearthBrain
import HearthRuntime

/// What the listening pipeline tells the event bus (the dashboard's log,
/// `/api/events`, the daemon's log).
extension RuntimeEvent.Kind {
    /// The wake phrase was heard; data: `time` (seconds into the stream).
    public static let wakeWordDetected = RuntimeEvent.Kind(rawValue: "WAKE_WORD_DETECTED")
    /// An utterance was transcribed; data: `text`, `rejected` (true when it
    /// was not an order and goes no further).
    public static let speechRecognized = RuntimeEvent.Kind(rawValue: "SPEECH_RECOGNIZED")
}
