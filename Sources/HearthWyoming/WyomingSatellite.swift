import HearthAudio
import HearthBrain
import HearthRuntime
import Logging
import NIOCore
import Synchronization

/// Hearth as a Home Assistant voice satellite: the Wyoming session behind
/// the server's connections, and the listening pipeline's relay.
///
/// Any connection may `describe` and `ping`; the one that sends
/// `run-satellite` becomes the session (a later one takes over and the
/// earlier is closed), and only its events act. After Hearth's own wake word
/// (`mode: home_assistant`), or after an utterance the brain does not
/// answer (`mode: local_first`), it sends `detection` and `run-pipeline`,
/// then the microphone as 16 kHz `audio-chunk`s until Home Assistant's
/// `transcript` or `error`, its silence, or its disconnection; Home
/// Assistant's audio is played and answered with `played`.
///
/// Called from the server's event loop (Home Assistant's events), the
/// microphone's thread (the relay) and a watchdog; the state is behind one
/// lock, and channel writes happen outside it.
public final class WyomingSatellite: UtteranceRelay, Sendable {
    public struct Timing: Sendable {
        /// Home Assistant silent this long while an utterance streams (it
        /// pings every few seconds) ends the stream.
        public var silenceLimit: Duration = .seconds(5)
        /// The longest utterance streamed; then `audio-stop` ends it.
        public var streamLimit: Duration = .seconds(20)
        public var watchInterval: Duration = .milliseconds(200)

        public init() {}
    }

    /// Why a stream ended.
    enum StreamEnd: String {
        case transcript, error, silent, disconnected, paused, limit
    }

    public let info: SatelliteInfo
    public let mode: WyomingSettings.Mode
    public let timing: Timing
    let runtime: Runtime
    let output: any SatelliteOutput
    let logger: Logger
    /// Connections held open at once; more are closed at once.
    static let maxConnections = 8
    /// Samples per `audio-chunk` sent (64 ms, as Home Assistant sends its own).
    static let chunkSamples = 1024
    /// The longest audio collected for one playback (2 minutes at 22050 Hz).
    static let maxPlaybackSamples = 22050 * 120

    private struct Stream {
        var started = ContinuousClock.now
        var sentSamples = 0
        var unsent: [Int16] = []
        var ended: StreamEnd?
    }

    private struct Playback {
        var rate: Int
        var samples: [Int16] = []
        var truncated = false
    }

    private struct State {
        var connections: [ObjectIdentifier: any Channel] = [:]
        var session: (any Channel)?
        /// `run-satellite` received and no `pause-satellite` since.
        var running = false
        var lastHeard = ContinuousClock.now
        var stream: Stream?
        var playback: Playback?
        var lastPlayback: Task<Void, Never>?
        var timers: [String: SatelliteTimer] = [:]
    }

    private let state = Mutex(State())

    public init(
        info: SatelliteInfo, mode: WyomingSettings.Mode, runtime: Runtime, output: any SatelliteOutput,
        timing: Timing = Timing(), logger: Logger = Logger(label: "hearth.wyoming")
    ) {
        self.info = info
        self.mode = mode
        self.runtime = runtime
        self.output = output
        self.timing = timing
        self.logger = logger
    }

    // MARK: What others may ask

    /// True while a Home Assistant session runs (connected, not paused).
    public var isRunning: Bool { state.withLock { $0.session != nil && $0.running } }

    /// True while an utterance streams to Home Assistant.
    public var isStreaming: Bool { state.withLock { $0.stream != nil && $0.stream?.ended == nil } }

    /// Home Assistant's timers on this device, by id.
    public var timers: [String: SatelliteTimer] { state.withLock { $0.timers } }

    // MARK: The relay (microphone thread)

    public func takesUtteranceAtWake() -> Bool {
        mode == .homeAssistant && beginStream()
    }

    public func takesUnansweredUtterance() -> Bool {
        beginStream()
    }

    public func relay(_ samples: [Int16], sampleRate: Int) -> Bool {
        let audio = sampleRate == PCMFormat.microphone.rate
            ? samples : AudioBuffer(sampleRate: sampleRate, samples: samples).resampled(to: PCMFormat.microphone.rate).samples
        let (channel, chunks): ((any Channel)?, [WyomingEvent]) = state.withLock { state in
            guard var stream = state.stream, stream.ended == nil, let session = state.session else {
                state.stream = nil
                return (nil, [])
            }
            stream.unsent += audio
            var chunks: [WyomingEvent] = []
            while stream.unsent.count >= Self.chunkSamples {
                let timestamp = stream.sentSamples * 1000 / PCMFormat.microphone.rate
                chunks.append(.audioChunk(Array(stream.unsent.prefix(Self.chunkSamples)), rate: PCMFormat.microphone.rate, timestamp: timestamp))
                stream.unsent.removeFirst(Self.chunkSamples)
                stream.sentSamples += Self.chunkSamples
            }
            state.stream = stream
            return (session, chunks)
        }
        guard let channel else { return false }
        for chunk in chunks { channel.write(chunk, promise: nil) }
        if !chunks.isEmpty { channel.flush() }
        return true
    }

    /// Opens a stream when a session runs and none streams; sends the
    /// detection and the pipeline request.
    private func beginStream() -> Bool {
        let session: (any Channel)? = state.withLock { state in
            guard let session = state.session, state.running, state.stream == nil || state.stream?.ended != nil else { return nil }
            state.stream = Stream()
            state.lastHeard = .now
            return session
        }
        guard let session else { return false }
        session.write(WyomingEvent(WyomingEvent.Kind.detection, data: ["name": .string(info.wakePhrase), "timestamp": .null]), promise: nil)
        session.writeAndFlush(
            WyomingEvent(
                WyomingEvent.Kind.runPipeline,
                data: [
                    "start_stage": "asr", "end_stage": "tts", "restart_on_end": .bool(false),
                    "snd_format": .map(PCMFormat.speaker.fields),
                ]),
            promise: nil)
        publish(.satelliteStreaming)
        logger.info("streaming an utterance to Home Assistant", metadata: ["mode": "\(mode.rawValue)"])
        session.eventLoop.scheduleRepeatedTask(initialDelay: .init(timing.watchInterval), delay: .init(timing.watchInterval)) { [self] task in
            if !watchStream() { task.cancel() }
        }
        return true
    }

    /// Ends a stream Home Assistant has left silent too long, or that has
    /// run too long; false once there is no stream to watch.
    private func watchStream() -> Bool {
        let now = ContinuousClock.now
        let (end, session): (StreamEnd?, (any Channel)?) = state.withLock { state in
            guard let stream = state.stream, stream.ended == nil else { return (nil, nil) }
            if now - state.lastHeard > timing.silenceLimit {
                state.stream?.ended = .silent
                return (.silent, state.session)
            }
            if now - stream.started > timing.streamLimit {
                state.stream?.ended = .limit
                return (.limit, state.session)
            }
            return (nil, state.session)
        }
        switch end {
        case .silent?:
            logger.warning("Home Assistant silent for \(timing.silenceLimit): the utterance is dropped, Hearth listens for its wake word again")
            streamEnded(.silent)
            speak("Home Assistant is not answering.")
            return false
        case .limit?:
            logger.notice("utterance streamed for \(timing.streamLimit): audio-stop sent")
            session?.writeAndFlush(WyomingEvent(WyomingEvent.Kind.audioStop, data: ["timestamp": .null]), promise: nil)
            streamEnded(.limit)
            return false
        default:
            return session != nil && isStreaming
        }
    }

    // MARK: Connections (event loop)

    /// A new connection; false when too many are open.
    func opened(_ channel: any Channel) -> Bool {
        state.withLock { state in
            guard state.connections.count < Self.maxConnections else { return false }
            state.connections[ObjectIdentifier(channel)] = channel
            return true
        }
    }

    func closed(_ channel: any Channel) {
        let (wasSession, streaming): (Bool, Bool) = state.withLock { state in
            state.connections[ObjectIdentifier(channel)] = nil
            guard let session = state.session, session === channel else { return (false, false) }
            state.session = nil
            state.running = false
            state.playback = nil
            let streaming = state.stream != nil && state.stream?.ended == nil
            if streaming { state.stream?.ended = .disconnected }
            return (true, streaming)
        }
        guard wasSession else { return }
        logger.notice("Home Assistant disconnected")
        publish(.satelliteDisconnected)
        if streaming {
            logger.warning("Home Assistant went away while an utterance streamed: Hearth listens for its wake word again")
            streamEnded(.disconnected)
            speak("Home Assistant is not answering.")
        }
    }

    /// Closes every connection (the daemon stops).
    func closeAll() {
        for channel in state.withLock({ Array($0.connections.values) }) { channel.close(promise: nil) }
    }

    func received(_ event: WyomingEvent, on channel: any Channel) {
        switch event.type {
        case WyomingEvent.Kind.describe:
            channel.writeAndFlush(info.event, promise: nil)
        case WyomingEvent.Kind.ping:
            channel.writeAndFlush(WyomingEvent.pong(answering: event), promise: nil)
        case WyomingEvent.Kind.runSatellite:
            take(channel)
        default:
            break
        }
        let isSession = state.withLock { state in
            guard let session = state.session, session === channel else { return false }
            state.lastHeard = .now
            return true
        }
        guard isSession else {
            if ![WyomingEvent.Kind.describe, WyomingEvent.Kind.ping].contains(event.type) {
                logger.debug("ignored: not from the running session", metadata: ["type": "\(event.type)"])
            }
            return
        }
        act(on: event, from: channel)
    }

    /// `run-satellite`: this connection becomes the session.
    private func take(_ channel: any Channel) {
        enum Taking { case resumed, new(replacing: (any Channel)?) }
        let taking: Taking = state.withLock { state in
            if let session = state.session, session === channel {
                state.running = true
                return .resumed
            }
            let previous = state.session
            state.session = channel
            state.running = true
            state.lastHeard = .now
            state.playback = nil
            if state.stream != nil, state.stream?.ended == nil { state.stream?.ended = .disconnected }
            return .new(replacing: previous)
        }
        guard case .new(let replaced) = taking else {
            logger.info("Home Assistant resumed the satellite")
            return
        }
        if let replaced {
            logger.notice("a newer Home Assistant connection took over the satellite; closing the earlier one")
            replaced.close(promise: nil)
        }
        logger.notice("Home Assistant connected", metadata: ["remote": "\(channel.remoteAddress?.description ?? "?")"])
        publish(.satelliteConnected)
    }

    private func act(on event: WyomingEvent, from channel: any Channel) {
        switch event.type {
        case WyomingEvent.Kind.pauseSatellite:
            let streaming = state.withLock { state in
                state.running = false
                guard state.stream != nil, state.stream?.ended == nil else { return false }
                state.stream?.ended = .paused
                return true
            }
            logger.info("Home Assistant paused the satellite")
            if streaming { streamEnded(.paused) }
        case WyomingEvent.Kind.transcript:
            let text = event.string("text") ?? ""
            if end(with: .transcript) { streamEnded(.transcript, text: text) }
            logger.info("Home Assistant heard", metadata: ["text": "\(text)"])
        case WyomingEvent.Kind.error:
            let text = event.string("text") ?? "", code = event.string("code")
            logger.warning("Home Assistant reported an error: \(text)", metadata: ["code": "\(code ?? "none")"])
            if end(with: .error) { streamEnded(.error, text: text) }
            speak(code == "stt-no-text-recognized" ? "Sorry, I did not catch that." : "Home Assistant could not do that.")
        case WyomingEvent.Kind.audioStart:
            state.withLock { $0.playback = Playback(rate: PCMFormat(event: event)?.rate ?? PCMFormat.speaker.rate) }
        case WyomingEvent.Kind.audioChunk:
            collect(event)
        case WyomingEvent.Kind.audioStop:
            play(on: channel)
        case WyomingEvent.Kind.timerStarted, WyomingEvent.Kind.timerUpdated, WyomingEvent.Kind.timerCancelled,
            WyomingEvent.Kind.timerFinished:
            followTimer(event)
        case WyomingEvent.Kind.synthesize:
            logger.info("Home Assistant answers", metadata: ["text": "\(event.string("text") ?? "")"])
        case WyomingEvent.Kind.runSatellite, WyomingEvent.Kind.describe, WyomingEvent.Kind.ping:
            break
        default:
            // detect, transcribe, voice-started/stopped, pong: nothing to do.
            logger.debug("event", metadata: ["type": "\(event.type)"])
        }
    }

    /// Ends the current stream for `reason`; false when none was streaming.
    private func end(with reason: StreamEnd) -> Bool {
        state.withLock { state in
            guard state.stream != nil, state.stream?.ended == nil else { return false }
            state.stream?.ended = reason
            return true
        }
    }

    private func streamEnded(_ reason: StreamEnd, text: String? = nil) {
        var data: [String: Value] = ["reason": .string(reason.rawValue)]
        if let text { data["text"] = .string(text) }
        publish(.satelliteStreamEnded, data)
    }

    // MARK: Home Assistant's audio

    private func collect(_ chunk: WyomingEvent) {
        guard let format = PCMFormat(event: chunk) else {
            logger.warning("audio-chunk in a format Hearth cannot play (16-bit PCM only); skipped")
            return
        }
        var samples = format.monoSamples(chunk.payload)
        let warnTruncated: Bool = state.withLock { state in
            var playback = state.playback ?? Playback(rate: format.rate)
            if format.rate != playback.rate {
                samples = AudioBuffer(sampleRate: format.rate, samples: samples).resampled(to: playback.rate).samples
            }
            let room = Self.maxPlaybackSamples * playback.rate / PCMFormat.speaker.rate - playback.samples.count
            playback.samples += samples.prefix(max(0, room))
            let first = samples.count > room && !playback.truncated
            if samples.count > room { playback.truncated = true }
            state.playback = playback
            return first
        }
        if warnTruncated { logger.warning("Home Assistant's audio is longer than 2 minutes; the rest is not played") }
    }

    /// `audio-stop`: plays what was collected, after anything still playing,
    /// then answers `played`.
    private func play(on channel: any Channel) {
        guard let playback = state.withLock({ state in defer { state.playback = nil }; return state.playback }) else { return }
        let audio = AudioBuffer(sampleRate: playback.rate, samples: playback.samples)
        afterPlayback { [self] in
            publish(.satellitePlaying, ["seconds": .double(audio.duration)])
            do {
                try await output.play(audio)
            } catch {
                logger.error("Home Assistant's audio could not be played: \(error)")
            }
            let stillSession = state.withLock { $0.session.map { $0 === channel } ?? false }
            if stillSession { channel.writeAndFlush(WyomingEvent(WyomingEvent.Kind.played), promise: nil) }
            publish(.satellitePlayed)
        }
    }

    /// Runs `work` once everything handed to the output before has played.
    private func afterPlayback(_ work: @escaping @Sendable () async -> Void) {
        state.withLock { state in
            let previous = state.lastPlayback
            state.lastPlayback = Task {
                await previous?.value
                await work()
            }
        }
    }

    // MARK: Timers

    private func followTimer(_ event: WyomingEvent) {
        guard let id = event.string("id") else {
            logger.warning("\(event.type) without a timer id; ignored")
            return
        }
        let timer: SatelliteTimer? = state.withLock { state in
            switch event.type {
            case WyomingEvent.Kind.timerStarted:
                let timer = SatelliteTimer(id: id, name: event.string("name"), totalSeconds: event.int("total_seconds") ?? 0, isActive: true)
                state.timers[id] = timer
                return timer
            case WyomingEvent.Kind.timerUpdated:
                var timer = state.timers[id] ?? SatelliteTimer(id: id, name: nil, totalSeconds: 0, isActive: true)
                if let seconds = event.int("total_seconds") { timer.totalSeconds = seconds }
                if case .bool(let active)? = event.data["is_active"] { timer.isActive = active }
                state.timers[id] = timer
                return timer
            default:
                return state.timers.removeValue(forKey: id) ?? SatelliteTimer(id: id, name: nil, totalSeconds: 0, isActive: false)
            }
        }
        guard var timer else { return }
        switch event.type {
        case WyomingEvent.Kind.timerStarted: publish(.timerStarted, timer.fields)
        case WyomingEvent.Kind.timerUpdated: publish(.timerUpdated, timer.fields)
        case WyomingEvent.Kind.timerCancelled:
            timer.isActive = false
            publish(.timerCancelled, timer.fields)
        default:
            timer.isActive = false
            timer.totalSeconds = 0
            publish(.timerFinished, timer.fields)
            logger.info("timer finished", metadata: ["id": "\(id)"])
            speak(timer.finishedMessage)
        }
    }

    // MARK: Helpers

    private func publish(_ kind: RuntimeEvent.Kind, _ data: [String: Value] = [:]) {
        runtime.events.publish(RuntimeEvent(kind, data: data, source: "wyoming"))
    }

    /// A short message, after anything still playing.
    private func speak(_ text: String) {
        afterPlayback { [self] in
            do {
                try await output.say(text)
            } catch {
                logger.error("could not say '\(text)': \(error)")
            }
        }
    }
}
