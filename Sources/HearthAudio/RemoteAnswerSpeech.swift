import HearthBrain
import HearthRuntime
import Synchronization

/// Speech for a remote microphone's client: espeak-ng's PCM at its own
/// rate, sent as `answerStarted`, the audio in pieces, `answerEnded`. The
/// run then waits as long as the client plays it, so the device's state
/// reads SPEAKING meanwhile; `stop()` (barge-in) ends the answer at once.
final class RemoteAnswerSpeech: SpeechOutput {
    let synthesizer: SpeechSynthesizer
    let sampleRate: Int
    private let send: @Sendable (RemoteMicrophoneMessage) async -> Void
    /// Bumped by `stop()`: an answer whose generation is old is over.
    private let generation = Atomic(0)
    /// 100 ms of audio per message.
    private var pieceLength: Int { sampleRate / 10 }

    init(synthesizer: SpeechSynthesizer, sampleRate: Int, send: @escaping @Sendable (RemoteMicrophoneMessage) async -> Void) {
        self.synthesizer = synthesizer
        self.sampleRate = sampleRate
        self.send = send
    }

    func speak(_ text: String, settings: Settings) async throws {
        let mine = generation.load(ordering: .relaxed)
        let audio = try await synthesizer.synthesize(text, voice: VoiceSettings(settings: settings), sampleRate: sampleRate)
        await send(.answerStarted(duration: audio.duration, sampleRate: sampleRate))
        var offset = 0
        while offset < audio.samples.count, isCurrent(mine) {
            let end = min(audio.samples.count, offset + pieceLength)
            await send(.answerAudio(Array(audio.samples[offset..<end])))
            offset = end
        }
        await send(.answerEnded)
        let played = ContinuousClock.now + .milliseconds(Int(audio.duration * 1000))
        while isCurrent(mine), ContinuousClock.now < played {
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    func stop() async { stopNow() }

    func stopNow() { generation.add(1, ordering: .relaxed) }

    private func isCurrent(_ mine: Int) -> Bool { generation.load(ordering: .relaxed) == mine }
}
