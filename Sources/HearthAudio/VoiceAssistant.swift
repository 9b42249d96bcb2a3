import Dispatch
import HearthBrain
import HearthRuntime
import Synchronization

/// What happened to one utterance the pipeline heard.
public struct VoiceOutcome: Sendable, Equatable {
    public var utterance: HeardUtterance
    /// The synapses the order ran (empty when rejected or unmatched).
    public var synapses: [String]
    /// Parameters read from placeholders (`{{ city }}`).
    public var parameters: [String: String]
    public var response: APIResponse?
    /// When the audio that completed the utterance was handed over: the
    /// start of the wait for the answer.
    public var received: ContinuousClock.Instant
    /// The brain had no answer and the pipeline's relay took the utterance.
    public var handedOver = false
}

/// Whose microphone a voice assistant hears, and where its answers go.
public struct VoiceChannel: Sendable {
    /// The orders' `source` in events and the history.
    public var source: String
    /// Where answers are spoken; nil for the device's speaker.
    public var answers: (any SpeechOutput)?
    /// The device's own microphone: it sets the device's resting state
    /// (LISTENING, RECORDING) and fires the voice hooks. A remote one only
    /// runs its orders.
    public var isDevice: Bool
    /// Told what was heard (empty when not understood) before the order runs.
    public var heard: (@Sendable (String) async -> Void)?

    public static let device = VoiceChannel(source: "voice", answers: nil, isDevice: true, heard: nil)

    /// A microphone elsewhere (the browser's), answered through `answers`.
    public static func remote(
        source: String, answers: any SpeechOutput, heard: @escaping @Sendable (String) async -> Void
    ) -> VoiceChannel {
        VoiceChannel(source: source, answers: answers, isDevice: false, heard: heard)
    }
}

/// The voice side of the device: the listening pipeline wired to the
/// runtime. Orders heard go to `runtime.runOrder(_, source: "voice")`; the
/// runtime's state steers listening (deaf, a waiting neurotransmitter, the
/// brain's orders); the pipeline's moments fire the runtime's hooks.
///
/// Fed from one task at a time (a file reader, or the microphone's thread
/// through `MicrophoneListener`).
public final class VoiceAssistant: @unchecked Sendable {
    public let runtime: Runtime
    public let pipeline: ListeningPipeline
    public let commands: CommandRecognizer
    public let channel: VoiceChannel
    private let wakeWordEnabled: Bool
    private var brain: Brain?
    /// Set by the runtime's events (brain, deaf, settings changed), taken
    /// before the next samples when no utterance is open.
    private let needsSync = Atomic(false)
    private var watcher: Task<Void, Never>?

    /// Loads the models and builds the grammar; `wakeWord: false` listens
    /// to every utterance (`hearth listen --no-wake`).
    public init(runtime: Runtime, models: SpeechModels = .englishUS, wakeWord: Bool = true,
                configuration: ListeningConfiguration = ListeningConfiguration(), channel: VoiceChannel = .device) async throws {
        let settings = await runtime.settings
        var timing = configuration
        timing.maxUtterance = settings.options.recognizerRecordingTimeout
        // The device's own microphone; a browser cleans its audio itself.
        if channel.isDevice && settings.audio.noiseSuppression { timing.suppressNoise = true }
        // Seconds of pocketsphinx model loading on the board: a browser
        // opening its microphone must not hold up the API meanwhile.
        let loaded = try await DedicatedThread.run(named: "hearth.speech-models") { [timing] in
            try Self.loadPipeline(models: models, settings: settings, wakeWord: wakeWord, configuration: timing)
        }
        commands = loaded.commands
        pipeline = loaded.pipeline
        self.runtime = runtime
        self.channel = channel
        self.wakeWordEnabled = wakeWord
        try await synchronise()
        let events = runtime.events.subscribe(to: [.brainChanged, .deafChanged, .settingsChanged])
        watcher = Task { [weak self] in
            for await _ in events {
                self?.needsSync.store(true, ordering: .relaxed)
            }
        }
        if channel.isDevice {
            await runtime.setRestingState(.listening)
            await runtime.fire(.onWaitingForTrigger)
        }
    }

    deinit { watcher?.cancel() }

    private static func loadPipeline(
        models: SpeechModels, settings: Settings, wakeWord: Bool, configuration: ListeningConfiguration
    ) throws -> (commands: CommandRecognizer, pipeline: ListeningPipeline) {
        let voice = VoiceSettings(settings: settings).voice
        let recognizer = try SpeechRecognizer(models: models, withLanguageModel: false)
        let commands = try CommandRecognizer(
            recognizer: recognizer, languageModel: SpeechRecognizer(models: models), pronunciationVoice: voice,
            wordPenalty: wordPenalty(settings) ?? CommandRecognizer.defaultWordPenalty,
            minimumScorePerSecond: minimumScorePerSecond(settings) ?? CommandRecognizer.defaultMinimumScorePerSecond)
        let wake = wakeWord
            ? try WakeWordDetector(recognizer: recognizer, settings: WakeWordSettings(settings: settings), pronunciationVoice: voice) : nil
        return (commands, try ListeningPipeline(wake: wake, commands: commands, configuration: configuration))
    }

    /// Whether the runtime changed since the pipeline last followed it, and
    /// the pipeline is between utterances (a grammar cannot change under one).
    private var shouldSynchronise: Bool {
        !pipeline.isListening && needsSync.exchange(false, ordering: .relaxed)
    }

    /// `speech_to_text: - pocketsphinx: {word_penalty: 0.05}`: lower makes
    /// a placeholder's phones dearer against real words, and an answer
    /// harder to lose to the phone loop.
    static func wordPenalty(_ settings: Settings) -> Double? {
        speechToTextNumber("word_penalty", in: settings) { $0 > 0 && $0 <= 1 }
    }

    /// `speech_to_text: - pocketsphinx: {min_score_per_second: -0.5}`: lower
    /// keeps more orders spoken in noise and lets more other speech pass as
    /// an order (see `CommandRecognizer.defaultMinimumScorePerSecond`).
    static func minimumScorePerSecond(_ settings: Settings) -> Double? {
        speechToTextNumber("min_score_per_second", in: settings) { $0 <= 0 }
    }

    /// A number among pocketsphinx's speech-to-text parameters, written as
    /// a number or a string; nil when absent or not `valid`.
    private static func speechToTextNumber(_ key: String, in settings: Settings, valid: (Double) -> Bool) -> Double? {
        let number: Double?
        switch settings.parameters(of: "pocketsphinx", in: settings.speechToText)[key] {
        case .double(let value)?: number = value
        case .int(let value)?: number = Double(value)
        case .string(let text)?: number = Double(text)
        default: number = nil
        }
        return number.flatMap { valid($0) ? $0 : nil }
    }

    /// Feeds microphone samples (mono, at the models' rate) and acts on what
    /// they complete.
    public func process(_ samples: [Int16]) async throws -> [VoiceOutcome] {
        if shouldSynchronise { try await synchronise() }
        let received = ContinuousClock.now
        return try await handle(pipeline.feed(samples), received: received)
    }

    /// The same from a thread of the caller's own (the microphone's): the
    /// decoding runs here, off Swift's cooperative pool, and the thread
    /// waits while the runtime acts on what was heard.
    public func processOnThisThread(_ samples: [Int16]) throws -> [VoiceOutcome] {
        if shouldSynchronise { try waiting { try await self.synchronise() } }
        let received = ContinuousClock.now
        let events = try pipeline.feed(samples)
        guard !events.isEmpty else { return [] }
        return try waiting { try await self.handle(events, received: received) }
    }

    /// The input ended, from the feeding thread: an utterance under way
    /// ends here and is acted on.
    public func finishOnThisThread() throws -> [VoiceOutcome] {
        let events = try pipeline.finish()
        guard !events.isEmpty else { return [] }
        return try waiting { try await self.handle(events, received: .now) }
    }

    /// Runs `body` as a task and blocks this (non-pool) thread until it ends.
    private func waiting<Value: Sendable>(_ body: @escaping @Sendable () async throws -> Value) throws -> Value {
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<Result<Value, any Error>?>(nil)
        Task {
            do {
                let value = try await body()
                result.withLock { $0 = .success(value) }
            } catch {
                result.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0! }.get()
    }

    /// Listen for an order now, without the wake word (a short press of
    /// the button); safe from any thread.
    public func listenNow() { pipeline.listenNow() }

    /// The input ended (end of a file).
    public func finish() async throws -> [VoiceOutcome] {
        try await handle(pipeline.finish(), received: .now)
    }

    /// The events so far, for reports (`hearth listen --json`).
    public private(set) var wakeTimes: [Double] = []

    private func handle(_ events: [ListeningEvent], received: ContinuousClock.Instant) async throws -> [VoiceOutcome] {
        var outcomes: [VoiceOutcome] = []
        let device = channel.isDevice
        for event in events {
            switch event {
            case .wake(let time):
                wakeTimes.append(time)
                runtime.events.publish(RuntimeEvent(.wakeWordDetected, data: ["time": .double(time)], source: channel.source))
                await runtime.fire(.onTriggered)
            case .startedListening:
                guard device else { continue }
                await runtime.setRestingState(.recording)
                await runtime.fire(.onStartListening)
            case .nothingHeard:
                if device { await runtime.fire(.onSTTError) }
            case .stoppedListening:
                // An utterance handed over goes on being heard by the relay;
                // its end comes with the relay's own `.stoppedListening`.
                guard !pipeline.isRelaying else { continue }
                if device {
                    await runtime.fire(.onStopListening)
                    await runtime.setRestingState(.listening)
                }
                try await synchronise()
                if device { await runtime.fire(.onWaitingForTrigger) }
            case .utterance(let heard):
                outcomes.append(await act(on: heard, received: received))
            }
        }
        return outcomes
    }

    private func act(on heard: HeardUtterance, received: ContinuousClock.Instant) async -> VoiceOutcome {
        let text = heard.transcript.text
        runtime.events.publish(RuntimeEvent(
            .speechRecognized, data: ["text": .string(text), "rejected": .bool(heard.transcript.rejected)], source: channel.source))
        let understood = !heard.transcript.rejected && !text.isEmpty
        let matches = understood && pipeline.recognitionMode == .orders ? OrderMatcher(brain: await runtime.brain).match(text) : []
        if pipeline.recognitionMode == .orders, matches.isEmpty, let relay = pipeline.relay, relay.takesUnansweredUtterance() {
            pipeline.handOver(to: relay)
            if pipeline.isRelaying {
                var outcome = VoiceOutcome(utterance: heard, synapses: [], parameters: [:], response: nil, received: received)
                outcome.handedOver = true
                return outcome
            }
        }
        await channel.heard?(understood ? text : "")
        guard understood else {
            if channel.isDevice { await runtime.fire(.onSTTError) }
            return VoiceOutcome(utterance: heard, synapses: [], parameters: [:], response: nil, received: received)
        }
        let response = await runtime.runOrder(text, source: channel.source, speech: channel.answers)
        var parameters: [String: String] = [:]
        for match in matches { parameters.merge(match.parameters) { first, _ in first } }
        return VoiceOutcome(
            utterance: heard, synapses: response.matchedSynapses.map(\.synapseName), parameters: parameters, response: response,
            received: received)
    }

    /// Follows the runtime: deaf, the answers a neurotransmitter waits for
    /// (no wake word needed for them), and the brain's orders. A grammar is
    /// compiled on a thread of its own: new words wait for espeak-ng, which
    /// may be busy speaking a long answer.
    private func synchronise() async throws {
        pipeline.isDeaf = await runtime.isDeaf
        let current = await runtime.brain
        let commands = commands
        if current != brain {
            let orders = CommandGrammar(brain: current)
            try await DedicatedThread.run(named: "hearth.grammar") { try commands.setOrders(orders) }
            brain = current
        }
        if await runtime.isWaitingForAnswer {
            let answers = CommandGrammar(orders: await runtime.awaitedAnswers)
            try await DedicatedThread.run(named: "hearth.grammar") { try commands.setAnswers(answers) }
            pipeline.recognitionMode = .answers
            pipeline.wakeWordRequired = false
        } else {
            pipeline.recognitionMode = .orders
            pipeline.wakeWordRequired = wakeWordEnabled
        }
    }
}
