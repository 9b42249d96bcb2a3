/// What the device shows on its LED(s): the runtime maps its own state onto
/// one of these.
public enum IndicatorState: String, Sendable, CaseIterable {
    /// Running, microphone closed (nothing to show).
    case idle
    /// Waiting for the wake word.
    case listening
    /// Wake word heard: recording the order.
    case recording
    /// Recognising and running the order.
    case thinking
    /// Playing speech.
    case speaking
    /// Microphone muted on purpose ("deaf").
    case deaf
    /// Resting, with a timer running (Home Assistant's, through the satellite).
    case timer
    /// Something needs attention (device lost, configuration error).
    case error
}
