/// A microphone on another machine whose audio is pushed to Hearth (the
/// browser's, over `WS /api/audio`): heard with the same pipeline as the
/// device's microphone, answered to that client alone. The voice module
/// supplies it.
public protocol RemoteMicrophone: Sendable {
    /// The rate of the answers' PCM (espeak-ng's own, nothing resampled).
    var answerSampleRate: Int { get }

    /// Opens one client's session for mono 16-bit audio at `sampleRate`;
    /// what it has to say to the client goes to `send`, in order.
    func openSession(
        sampleRate: Int, send: @escaping @Sendable (RemoteMicrophoneMessage) async -> Void
    ) async throws -> any RemoteMicrophoneSession
}

/// One client's microphone. Calls come from that client's connection only.
public protocol RemoteMicrophoneSession: Sendable {
    /// Samples as they arrive (mono, 16-bit, at the session's rate).
    func push(_ samples: [Int16])
    /// `mute`: audio is ignored (an utterance under way is dropped) until `unmute`.
    func setMuted(_ muted: Bool)
    /// Barge-in: the answer being sent ends now.
    func stopAnswer()
    /// The client left; the session lets go of its decoders.
    func close() async
}

/// What a session tells its client.
public enum RemoteMicrophoneMessage: Sendable, Equatable {
    /// The end of speech was heard: the order's text, empty when it was not
    /// understood.
    case heard(text: String)
    /// A spoken answer follows, `duration` seconds of PCM at `sampleRate`.
    case answerStarted(duration: Double, sampleRate: Int)
    case answerAudio([Int16])
    case answerEnded
    /// The order ran: the synapses it started and the run's status.
    case orderDone(synapses: [String], status: String?)
}
