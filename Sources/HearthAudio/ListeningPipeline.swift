import Synchronization

/// Timing of the listening pipeline.
public struct ListeningConfiguration: Sendable, Equatable {
    /// Consecutive 10 ms speech frames that open an utterance when no wake
    /// word is needed.
    public var speechStartFrames = 5
    /// Audio kept before a detected speech onset (the onset is detected late).
    public var preRoll = 0.3
    /// Silence after speech that ends the utterance.
    public var hangover = 0.5
    /// The shorter silence that ends it once the words heard make a whole
    /// order: most of the wait between the end of speech and the answer.
    public var completeOrderHangover = 0.15
    /// An utterance is cut here (Kalliope's `recognizer_recording_timeout`).
    public var maxUtterance = 15.0
    /// Voice activity this soon after the wake word is the phrase's tail
    /// (the spotter reports it a few frames late, and the detector holds
    /// speech a little): it does not start the order.
    public var wakeTail = 0.2
    /// After the wake word, how long to wait for speech to begin.
    public var noSpeechTimeout = 5.0
    public var vadAggressiveness = VoiceActivityDetector.Aggressiveness.aggressive
    /// Steady background noise is attenuated before the detectors and
    /// recognisers hear the stream (see `NoiseSuppressor`); costs its delay
    /// (32 ms at 16 kHz) in latency. `audio.noise_suppression` in settings;
    /// off by default: VoiceRecognitionTests' clean stream loses its wake
    /// word with it on (the bench's clean corpus loses nothing).
    public var suppressNoise = false

    public init() {}
}

/// One utterance heard after the wake word (or without one).
public struct HeardUtterance: Sendable, Equatable {
    /// Seconds from the start of the stream.
    public var start: Double
    /// Where the speech ended, and where the pipeline decided it had.
    public var end: Double
    public var decided: Double
    public var transcript: Transcript
}

public enum ListeningEvent: Sendable, Equatable {
    case wake(at: Double)
    case startedListening(at: Double)
    case utterance(HeardUtterance)
    /// Listening began but no speech came before the timeout.
    case nothingHeard(at: Double)
    case stoppedListening(at: Double)

    var isUtterance: Bool {
        if case .utterance = self { return true }
        return false
    }
}

/// Microphone samples in, events out: voice activity, the wake word, the
/// utterance that follows it until its end of speech, and its transcript.
///
/// Synchronous and deterministic, so a file and a microphone run the same
/// code; whoever feeds it owns the thread. Samples are mono 16-bit at the
/// recogniser's rate.
public final class ListeningPipeline: @unchecked Sendable {
    /// Listen for an order only after the wake word.
    public var wakeWordRequired = true
    /// `deaf`: the wake word is not listened for (a button can still start listening).
    public var isDeaf = false
    /// What the next utterance is decoded as (`answers` while a neurotransmitter waits).
    public var recognitionMode = CommandRecognizer.Mode.orders
    /// Who else may hear an utterance (a Home Assistant satellite session);
    /// nil listens locally only.
    public var relay: (any UtteranceRelay)?

    public let configuration: ListeningConfiguration
    private let wake: WakeWordDetector?
    private let commands: CommandRecognizer
    private let vad: VoiceActivityDetector
    private let suppressor: NoiseSuppressor?
    /// Samples the stream lags the input by (the suppressor's delay).
    private let lag: Int
    private let sampleRate: Int
    private let frameLength: Int

    private enum Phase {
        case waiting
        case listening(Listening)
        /// The relay has the floor: samples go to it, not to the recogniser.
        case relaying(any UtteranceRelay)
    }

    private struct Listening {
        var began: Int
        /// Speech before this sample does not count (the wake phrase's tail).
        var countsFrom: Int
        var firstSpeech: Int?
        var lastSpeechEnd: Int
        var silentFrames = 0
    }

    private var phase = Phase.waiting
    /// Samples consumed so far.
    private var position = 0
    /// The incomplete frame carried over to the next `feed`.
    private var pending: [Int16] = []
    /// Recent frames and their voice decisions, for replaying what came
    /// before a wake word's end or a speech onset.
    private var history: [(start: Int, samples: [Int16], speech: Bool)] = []
    private let historyFrames: Int
    private var consecutiveSpeech = 0
    private var consecutiveSilence = 0
    private var wakeStart = 0
    /// The samples of the current (or last) utterance, kept while a relay
    /// is set so an utterance Hearth does not answer can be handed over.
    private var utteranceAudio: [Int16] = []
    /// Set from any thread (the button), taken by the feeding thread.
    private let listenRequested = Atomic(false)

    public init(wake: WakeWordDetector?, commands: CommandRecognizer, configuration: ListeningConfiguration = ListeningConfiguration()) throws {
        self.wake = wake
        self.commands = commands
        self.configuration = configuration
        self.sampleRate = commands.recognizer.models.sampleRate
        self.vad = try VoiceActivityDetector(sampleRate: sampleRate, frameMilliseconds: 10, aggressiveness: configuration.vadAggressiveness)
        self.frameLength = vad.frameLength
        self.suppressor = configuration.suppressNoise ? try NoiseSuppressor(sampleRate: sampleRate) : nil
        self.lag = suppressor?.delay ?? 0
        self.historyFrames = 150
        wakeWordRequired = wake != nil
        try wake?.begin()
    }

    public var isListening: Bool {
        if case .listening = phase { return true }
        return false
    }

    /// True while the relay has the floor.
    public var isRelaying: Bool {
        if case .relaying = phase { return true }
        return false
    }

    /// Gives the utterance just heard to `relay` (the brain has no answer
    /// for it): its audio now, then the microphone's until the relay has
    /// heard enough, when `.stoppedListening` follows.
    public func handOver(to relay: any UtteranceRelay) {
        guard case .waiting = phase else { return }
        let heard = utteranceAudio
        utteranceAudio = []
        if relay.relay(heard, sampleRate: sampleRate) { phase = .relaying(relay) }
    }

    /// Starts listening for an order now, without the wake word (the
    /// button); safe from any thread.
    public func listenNow() { listenRequested.store(true, ordering: .relaxed) }

    /// True when the stream is cleaned of steady noise before it is heard.
    public var suppressesNoise: Bool { suppressor != nil }

    public func feed(_ samples: [Int16]) throws -> [ListeningEvent] {
        var events: [ListeningEvent] = []
        if let suppressor {
            suppressor.process(samples, appendingTo: &pending)
        } else {
            pending.append(contentsOf: samples)
        }
        var offset = 0
        while pending.count - offset >= frameLength {
            let frame = Array(pending[offset..<offset + frameLength])
            offset += frameLength
            try step(frame, events: &events)
            // What follows an utterance waits for the next feed, so that the
            // relay can be handed it first.
            if relay != nil, events.contains(where: \.isUtterance) { break }
        }
        pending.removeFirst(offset)
        return events
    }

    /// The input ended: an utterance in progress ends here (after the
    /// input's last samples come through the suppressor).
    public func finish() throws -> [ListeningEvent] {
        var events = try feed([Int16](repeating: 0, count: lag))
        if case .listening(let listening) = phase { try close(listening, events: &events) }
        return events
    }

    /// Where a sample of the stream was in the input.
    private func seconds(_ sample: Int) -> Double { Double(max(0, sample - lag)) / Double(sampleRate) }

    private func step(_ frame: [Int16], events: inout [ListeningEvent]) throws {
        let start = position
        position += frame.count
        let speech = (try? vad.isSpeech(frame[...])) ?? false
        history.append((start, frame, speech))
        if history.count > historyFrames { history.removeFirst(history.count - historyFrames) }
        consecutiveSpeech = speech ? consecutiveSpeech + 1 : 0
        consecutiveSilence = speech ? 0 : consecutiveSilence + 1

        switch phase {
        case .waiting:
            if listenRequested.exchange(false, ordering: .relaxed) {
                try beginListening(at: start, events: &events)
            } else if wakeWordRequired {
                guard !isDeaf, let wake else { return }
                if let end = try wake.feed(frame[...]) {
                    let wakeEnd = max(0, min(position, wakeStart + end))
                    events.append(.wake(at: seconds(wakeEnd)))
                    if let relay, relay.takesUtteranceAtWake() {
                        try beginRelaying(to: relay, from: wakeEnd, events: &events)
                    } else {
                        try beginListening(at: wakeEnd, ignoringSpeechFor: configuration.wakeTail, events: &events)
                    }
                } else if position - wakeStart > 5 * sampleRate, consecutiveSilence >= 50 {
                    // A fresh spotting utterance in each pause: the decoder
                    // updates its cepstral mean at an utterance's end (a new
                    // room's level is learnt in seconds, not tens of
                    // seconds) and keeps its per-utterance state small.
                    try wake.begin()
                    wakeStart = position
                }
            } else if consecutiveSpeech >= configuration.speechStartFrames {
                let onset = position - consecutiveSpeech * frameLength
                try beginListening(at: max(0, onset - Int(configuration.preRoll * Double(sampleRate))), events: &events)
            }
        case .listening(var listening):
            if relay != nil { utteranceAudio += frame }
            try commands.feed(frame[...])
            try track(speech: speech, frameStart: start, in: &listening, events: &events)
        case .relaying(let relay):
            if !relay.relay(frame, sampleRate: sampleRate) { try stopListening(at: position, events: &events) }
        }
    }

    /// The relay takes the utterance from the wake word on.
    private func beginRelaying(to relay: any UtteranceRelay, from sample: Int, events: inout [ListeningEvent]) throws {
        events.append(.startedListening(at: seconds(sample)))
        phase = .relaying(relay)
        let heard = audio(since: sample)
        if !heard.isEmpty, !relay.relay(heard, sampleRate: sampleRate) { try stopListening(at: position, events: &events) }
    }

    /// What the history holds from `sample` on.
    private func audio(since sample: Int) -> [Int16] {
        history.filter { $0.start + $0.samples.count > sample }.flatMap { $0.samples[max(0, sample - $0.start)...] }
    }

    /// Opens an utterance at `sample` and replays the history from there.
    private func beginListening(at sample: Int, ignoringSpeechFor tail: Double = 0, events: inout [ListeningEvent]) throws {
        try commands.begin(recognitionMode)
        events.append(.startedListening(at: seconds(sample)))
        var listening = Listening(began: sample, countsFrom: sample + Int(tail * Double(sampleRate)), lastSpeechEnd: sample)
        phase = .listening(listening)
        utteranceAudio = relay == nil ? [] : audio(since: sample)
        for entry in history where entry.start + entry.samples.count > sample {
            let skip = max(0, sample - entry.start)
            try commands.feed(entry.samples[skip...])
            try track(speech: entry.speech, frameStart: entry.start, in: &listening, events: &events)
            guard case .listening = phase else { return }
        }
    }

    private func track(speech: Bool, frameStart: Int, in listening: inout Listening, events: inout [ListeningEvent]) throws {
        let frameEnd = frameStart + frameLength
        if speech, frameStart >= listening.countsFrom {
            if listening.firstSpeech == nil { listening.firstSpeech = max(frameStart, listening.began) }
            listening.lastSpeechEnd = frameEnd
            listening.silentFrames = 0
        } else {
            listening.silentFrames += 1
        }
        phase = .listening(listening)
        let silence = Double(listening.silentFrames * frameLength) / Double(sampleRate)
        if listening.firstSpeech != nil {
            let complete = silence >= configuration.completeOrderHangover && silence < configuration.hangover
                && commands.heardCompleteOrder
            if complete || silence >= configuration.hangover || seconds(frameEnd - listening.began) >= configuration.maxUtterance {
                try close(listening, events: &events)
            }
        } else if seconds(frameEnd - listening.began) >= configuration.noSpeechTimeout {
            _ = try commands.end()
            events.append(.nothingHeard(at: seconds(frameEnd)))
            try stopListening(at: frameEnd, events: &events)
        }
    }

    private func close(_ listening: Listening, events: inout [ListeningEvent]) throws {
        let transcript = try commands.end()
        guard let first = listening.firstSpeech else {
            events.append(.nothingHeard(at: seconds(position)))
            try stopListening(at: position, events: &events)
            return
        }
        events.append(.utterance(HeardUtterance(
            start: seconds(first), end: seconds(listening.lastSpeechEnd),
            decided: Double(position) / Double(sampleRate), transcript: transcript)))
        try stopListening(at: position, events: &events)
    }

    private func stopListening(at sample: Int, events: inout [ListeningEvent]) throws {
        events.append(.stoppedListening(at: seconds(sample)))
        phase = .waiting
        history.removeAll(keepingCapacity: true)
        consecutiveSpeech = 0
        try wake?.begin()
        wakeStart = position
    }
}
