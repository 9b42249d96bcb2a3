import Foundation
import HearthBrain
import HearthStore
import Logging

/// How a runtime is wired: its neurons, its outputs and its clock.
public struct RuntimeConfiguration: Sendable {
    public var neurons: NeuronRegistry
    public var speech: any SpeechOutput
    public var sound: any SoundOutput
    /// Speech to text for uploaded audio; nil when there is none.
    public var transcriber: (any AudioTranscriber)?
    /// Relative paths in the brain (templates, scripts) resolve here.
    public var baseDirectory: String
    public var logger: Logger
    public var now: @Sendable () -> Date
    /// Called by `kill_switch` once the run's response is complete.
    public var terminate: @Sendable () -> Void
    /// Saves changes made while running; nil keeps them in memory only.
    public var stateStore: (any RuntimeStateStore)?
    /// The personalities `settings.soul` chooses from.
    public var souls: [Soul]

    public init(
        neurons: NeuronRegistry,
        speech: any SpeechOutput = LoggingSpeechOutput(),
        sound: any SoundOutput = LoggingSoundOutput(),
        transcriber: (any AudioTranscriber)? = nil,
        baseDirectory: String = FileManager.default.currentDirectoryPath,
        logger: Logger = Logger(label: "hearth.runtime"),
        now: @escaping @Sendable () -> Date = { Date() },
        terminate: @escaping @Sendable () -> Void = { exit(0) },
        stateStore: (any RuntimeStateStore)? = nil,
        souls: [Soul] = StarterSouls.all
    ) {
        self.neurons = neurons
        self.speech = speech
        self.sound = sound
        self.transcriber = transcriber
        self.baseDirectory = baseDirectory
        self.logger = logger
        self.now = now
        self.terminate = terminate
        self.stateStore = stateStore
        self.souls = souls
    }
}

/// The one owner of brain, settings, memory and the synapse queue. Orders
/// from every source (API, voice, CLI, timers, events) go through it and run
/// one at a time.
public actor Runtime: NeuronHost {
    public nonisolated let events = EventBus()
    public private(set) var brain: Brain
    public private(set) var settings: Settings
    /// `kalliope_memory`: values stored by neurons for later synapses.
    public private(set) var memory: [String: Value] = [:]
    public private(set) var state: RuntimeState

    let configuration: RuntimeConfiguration
    private var matcher: OrderMatcher
    private let gate = SerialGate()
    private var pending: PendingAnswer?
    private var eventScheduler: Task<Void, Never>?
    private var timers: [UUID: Task<Void, Never>] = [:]
    /// What the device does when nothing is running (set by the voice pipeline).
    private var restingState: RuntimeState = .idle
    /// Memory keys changed since the state store last saved memory.
    private var unsavedMemory: Set<String> = []
    /// True when `unsavedMemory` holds a value the brain asked to remember.
    private var unsavedMemoryAskedByBrain = false
    /// True from `start()` to `stop()`.
    public private(set) var isRunning = false
    private var logger: Logger { configuration.logger }

    public init(brain: Brain, settings: Settings, configuration: RuntimeConfiguration) {
        self.brain = brain
        self.settings = settings
        self.configuration = configuration
        self.matcher = OrderMatcher(brain: brain)
        self.state = settings.options.deaf ? .deaf : .idle
    }

    // MARK: Life cycle

    /// Fires `on_start` and starts the `event` signal schedule.
    public func start() async {
        isRunning = true
        restartEventScheduler()
        _ = await gate.withTurn { await self.runHook(.onStart, source: "hook") }
        saveUnsavedMemory()
    }

    /// Returns once the synapse queue could take a turn: the proof of life a
    /// service watchdog wants. A run that never ends (a hung program) holds
    /// the queue, so heartbeats stop with it.
    public func heartbeat() async {
        await gate.withTurn {}
    }

    public func stop() {
        isRunning = false
        eventScheduler?.cancel()
        eventScheduler = nil
        for timer in timers.values { timer.cancel() }
        timers.removeAll()
    }

    // MARK: Running orders and synapses

    /// Matches an order against the brain (or takes it as the awaited answer)
    /// and runs what it starts. `speech` takes what the run says instead of
    /// the device's speaker (the browser microphone's answers go back to
    /// the browser that asked).
    public func runOrder(
        _ order: String, source: String = "api", mute: Bool = false, speech: (any SpeechOutput)? = nil
    ) async -> APIResponse {
        await gate.withTurn { await self.processOrder(order, source: source, mute: mute, speech: speech) }
    }

    /// Runs one synapse by name, with parameters standing in for an order's.
    public func runSynapse(
        named name: String, parameters: [String: Value] = [:], mute: Bool = false, source: String = "api"
    ) async throws(RuntimeError) -> APIResponse {
        let response: APIResponse? = await gate.withTurn {
            await self.processSynapse(named: name, parameters: parameters, mute: mute, source: source)
        }
        guard let response else { throw .synapseNotFound(name) }
        return response
    }

    /// The order spoken in an uploaded audio file, heard against the brain
    /// as it is now.
    public func transcribe(file: [UInt8]) async throws -> String {
        guard let transcriber = configuration.transcriber else {
            throw AudioInputError.unavailable("this Hearth was started without speech to text")
        }
        return try await transcriber.transcribe(file: file, brain: brain)
    }

    /// The synapses an order matches, without running anything (the Rasa
    /// API reads messages with the same brain).
    public func matches(for order: String) -> [OrderMatcher.Match] {
        matcher.match(order)
    }

    /// True while a neurotransmitter waits for the next order as its answer.
    public var isWaitingForAnswer: Bool { pending != nil }

    /// The answers the waiting neurotransmitter links (the voice pipeline
    /// listens for them); empty when nothing waits.
    public var awaitedAnswers: [OrderSignal] { pending?.links.flatMap(\.answers) ?? [] }

    /// Fires a hook from outside a run (the voice pipeline's
    /// `on_triggered`, `on_start_listening`, `on_stt_error`, ...).
    public func fire(_ hook: Hook, source: String = "voice") async {
        _ = await gate.withTurn { await self.runHook(hook, source: source) }
    }

    /// Forgets a waiting neurotransmitter (the control API's reset-context).
    public func resetContext() {
        pending = nil
    }

    /// Barge-in: what is being spoken stops now (the control API's stop).
    public func stopSpeaking() async {
        await configuration.speech.stop()
    }

    /// Speaks `text` as an answer would be spoken (the control API's TTS
    /// test), after whatever runs now; false when mute kept it silent.
    public func speakText(_ text: String) async -> Bool {
        await gate.withTurn { await self.speakUnlessMuted(text) }
    }

    private func speakUnlessMuted(_ text: String) async -> Bool {
        guard !settings.options.mute else { return false }
        await speak(text, muted: false, to: configuration.speech)
        return true
    }

    /// The soul `settings.soul` names; the first one when it names none known.
    public var soul: Soul {
        configuration.souls.first { $0.id == settings.soul } ?? configuration.souls.first
            ?? Soul(id: settings.soul, name: settings.soul)
    }

    public var souls: [Soul] { configuration.souls }

    private func processOrder(_ order: String, source: String, mute: Bool, speech: (any SpeechOutput)?) async -> APIResponse {
        let started = configuration.now()
        setMemory("kalliope_last_order", .string(order))
        var run = RunState(muted: mute || settings.options.mute, order: order)
        run.speech = speech
        if let waiting = pending {
            pending = nil
            await answer(waiting, with: order, source: source, run: &run)
            finish(&run, source: source, started: started)
            return run.response
        }

        let matches = matcher.match(order)
        run.response.userOrder = order
        if matches.isEmpty {
            events.publish(RuntimeEvent(.orderNotFound, data: ["order": .string(order)], source: source))
            logger.info("order not found", metadata: ["order": "\(order)", "source": "\(source)"])
            // The not-found synapses answer the order, so they are listed
            // (matched_order null), as Kalliope 0.4's default_synapse was.
            let jobs = settings.synapses(for: .onOrderNotFound).compactMap { name in
                brain.synapse(named: name).map { Job(synapse: $0, matchedOrder: nil, parameters: [:]) }
            }
            if !jobs.isEmpty { await process(jobs, run: &run) }
        } else {
            events.publish(RuntimeEvent(
                .orderMatched,
                data: ["order": .string(order), "synapses": .list(matches.map { .string($0.synapse.name) })],
                source: source))
            _ = await runHook(.onOrderFound, source: "hook")
            let jobs = matches.map {
                Job(synapse: $0.synapse, matchedOrder: $0.signal.text, parameters: $0.parameters.mapValues(Value.string))
            }
            await process(jobs, run: &run)
            _ = await runHook(.onProcessedSynapses, source: "hook")
        }
        finish(&run, source: source, started: started)
        return run.response
    }

    private func processSynapse(named name: String, parameters: [String: Value], mute: Bool, source: String) async -> APIResponse? {
        guard let synapse = brain.synapse(named: name) else { return nil }
        let started = configuration.now()
        var run = RunState(muted: mute || settings.options.mute, order: nil)
        await process([Job(synapse: synapse, matchedOrder: nil, parameters: parameters)], run: &run)
        finish(&run, source: source, started: started)
        return run.response
    }

    /// Fires a hook's synapses; they run but are not part of any response.
    @discardableResult
    func runHook(_ hook: Hook, source: String) async -> [APIResponse] {
        let names = settings.synapses(for: hook)
        guard !names.isEmpty, !HookGuard.isFiring(hook) else { return [] }
        events.publish(RuntimeEvent(.hookFired, data: ["hook": .string(hook.rawValue)], source: source))
        // A hook runs beside whatever the device was doing; afterwards it is
        // doing that again.
        let stateBefore = state
        defer { setState(stateBefore) }
        var responses: [APIResponse] = []
        await HookGuard.$firing.withValue(HookGuard.firing.union([hook])) {
            for name in names {
                guard let synapse = brain.synapse(named: name) else {
                    logger.warning("hook names a missing synapse", metadata: ["hook": "\(hook.rawValue)", "synapse": "\(name)"])
                    continue
                }
                var run = RunState(muted: settings.options.mute, order: nil)
                await process([Job(synapse: synapse, matchedOrder: nil, parameters: [:])], run: &run)
                responses.append(run.response)
            }
        }
        return responses
    }

    private func finish(_ run: inout RunState, source: String, started: Date) {
        // Null when nothing ran; waiting_for_answer was set where it paused.
        if run.response.status == nil && !run.response.matchedSynapses.isEmpty {
            run.response.status = .complete
        }
        setState(restingState)
        let duration = configuration.now().timeIntervalSince(started)
        saveRun(RunRecord(
            time: started, source: source, order: run.order,
            synapses: run.response.matchedSynapses.map(\.synapseName), status: run.response.status?.rawValue,
            duration: duration))
        events.publish(RuntimeEvent(
            .orderProcessed,
            data: [
                "order": run.order.map(Value.string) ?? .null,
                "synapses": .list(run.response.matchedSynapses.map { .string($0.synapseName) }),
                "status": run.response.status.map { .string($0.rawValue) } ?? .null,
                "duration": .double(duration),
            ],
            source: source))
        if run.terminate {
            logger.notice("kill_switch: stopping")
            configuration.terminate()
        }
    }

    // MARK: Neurotransmitter answers

    private func answer(_ waiting: PendingAnswer, with order: String, source: String, run: inout RunState) async {
        run.response = waiting.response
        run.response.userOrder = nil
        run.response.status = nil
        run.muted = waiting.muted
        // The waiting neurotransmitter completes, then the linked synapse runs
        // before the rest of its synapse and anything else still queued.
        run.response.matchedSynapses[waiting.recordIndex].neuronModuleList.append(
            NeuronRecord(neuronName: "Neurotransmitter", generatedMessage: nil))

        var linked: Job?
        for link in waiting.links {
            for answer in link.answers {
                // Case-insensitive; values keep the user's case.
                if let parameters = OrderMatching.match(order, signal: answer, keepCase: true) {
                    if let synapse = brain.synapse(named: link.synapse) {
                        linked = Job(synapse: synapse, matchedOrder: answer.text, parameters: parameters.mapValues(Value.string))
                    }
                    break
                }
            }
            if linked != nil { break }
        }
        if linked == nil, let fallback = brain.synapse(named: waiting.defaultSynapse) {
            linked = Job(synapse: fallback, matchedOrder: nil, parameters: [:])
        }
        var queue: [QueueItem] = []
        if let linked {
            events.publish(RuntimeEvent(
                .orderMatched,
                data: ["order": .string(order), "synapses": [.string(linked.synapse.name)], "answer": true],
                source: source))
            queue.append(.start(linked))
        } else {
            events.publish(RuntimeEvent(.orderNotFound, data: ["order": .string(order), "answer": true], source: source))
            logger.warning("neurotransmitter: no linked synapse to run", metadata: ["default": "\(waiting.defaultSynapse)"])
        }
        await process(items: queue + waiting.rest, run: &run)
    }

    // MARK: Executing synapses

    struct Job: Sendable {
        var synapse: Synapse
        var matchedOrder: String?
        var parameters: [String: Value]
    }

    /// Where to pick up a synapse paused by a neurotransmitter.
    struct Resume: Sendable {
        var job: Job
        var nextNeuron: Int
        var recordIndex: Int
    }

    /// The synapse queue: synapses to start, and paused synapses to finish.
    enum QueueItem: Sendable {
        case start(Job)
        case resume(Resume)
    }

    struct PendingAnswer: Sendable {
        var links: [AnswerLink]
        var defaultSynapse: String
        /// The response so far; the answer's response continues it.
        var response: APIResponse
        /// The entry of the synapse whose neurotransmitter waits.
        var recordIndex: Int
        /// What runs after the linked synapse.
        var rest: [QueueItem]
        var muted: Bool
    }

    struct RunState {
        var response = APIResponse(userOrder: nil, status: nil, matchedSynapses: [])
        var muted: Bool
        var order: String?
        var terminate = false
        /// Where this run's speech goes; nil for the device's speaker.
        var speech: (any SpeechOutput)?

        init(muted: Bool, order: String?) {
            self.muted = muted
            self.order = order
        }
    }

    private func process(_ jobs: [Job], run: inout RunState) async {
        await process(items: jobs.map(QueueItem.start), run: &run)
    }

    /// Runs the queue in order until it is empty or a neurotransmitter waits;
    /// then everything not yet run waits with it.
    private func process(items: [QueueItem], run: inout RunState) async {
        var queue = items[...]
        while let item = queue.popFirst() {
            let job: Job
            let startNeuron: Int
            let recordIndex: Int
            switch item {
            case .start(let next):
                job = next
                startNeuron = 0
                run.response.matchedSynapses.append(MatchedSynapse(synapseName: job.synapse.name, matchedOrder: job.matchedOrder))
                recordIndex = run.response.matchedSynapses.count - 1
            case .resume(let paused):
                job = paused.job
                startNeuron = paused.nextNeuron
                recordIndex = paused.recordIndex
            }
            let outcome = await execute(job, from: startNeuron, recordIndex: recordIndex, run: &run)
            var waitingRest: [QueueItem] = []
            switch outcome {
            case .completed:
                continue
            case .paused(let links, let defaultSynapse, let nextNeuron):
                if nextNeuron < job.synapse.neurons.count {
                    waitingRest.append(.resume(Resume(job: job, nextNeuron: nextNeuron, recordIndex: recordIndex)))
                }
                waitingRest += queue
                pending = PendingAnswer(
                    links: links, defaultSynapse: defaultSynapse, response: run.response, recordIndex: recordIndex,
                    rest: waitingRest, muted: run.muted)
            case .pausedInside(let nextNeuron):
                // A synapse this one linked to directly is waiting: the rest
                // of this synapse and the queue wait behind it.
                if nextNeuron < job.synapse.neurons.count {
                    waitingRest.append(.resume(Resume(job: job, nextNeuron: nextNeuron, recordIndex: recordIndex)))
                }
                pending?.rest += waitingRest + queue
                pending?.response = run.response
            }
            run.response.status = .waitingForAnswer
            return
        }
    }

    enum Outcome {
        case completed
        /// This synapse's neurotransmitter waits for an answer.
        case paused(links: [AnswerLink], defaultSynapse: String, nextNeuron: Int)
        /// A synapse it ran through a direct link waits for an answer.
        case pausedInside(nextNeuron: Int)
    }

    private func execute(_ job: Job, from startNeuron: Int, recordIndex: Int, run: inout RunState) async -> Outcome {
        if startNeuron == 0 {
            events.publish(RuntimeEvent(.synapseStarted, data: ["synapse": .string(job.synapse.name)]))
        }
        setState(.processing)
        let neurons = job.synapse.neurons
        var index = startNeuron
        while index < neurons.count {
            let call = neurons[index]
            index += 1
            guard let result = await runNeuron(call, job: job, run: &run) else { continue }
            if result.record {
                run.response.matchedSynapses[recordIndex].neuronModuleList.append(
                    NeuronRecord(neuronName: call.className, generatedMessage: result.message))
            }
            switch result.effect {
            case .waitForAnswer(let links, let defaultSynapse):
                return .paused(links: links, defaultSynapse: defaultSynapse, nextNeuron: index)
            case .runSynapse(let name, let parameters):
                guard let linked = brain.synapse(named: name) else {
                    reportError("neurotransmitter: synapse '\(name)' not found", synapse: job.synapse.name)
                    continue
                }
                run.response.matchedSynapses[recordIndex].neuronModuleList.append(
                    NeuronRecord(neuronName: call.className, generatedMessage: nil))
                var merged = job.parameters
                merged.merge(parameters) { _, new in new }
                await process([Job(synapse: linked, matchedOrder: nil, parameters: merged)], run: &run)
                if pending != nil { return .pausedInside(nextNeuron: index) }
            case .terminate:
                run.terminate = true
            case nil:
                break
            }
        }
        return .completed
    }

    private struct NeuronRun {
        var message: String?
        var effect: NeuronEffect?
        /// Effects that add their own entry (direct links) record themselves.
        var record: Bool
    }

    /// Renders, runs and speaks one neuron; nil when it was skipped or failed.
    private func runNeuron(_ call: NeuronCall, job: Job, run: inout RunState) async -> NeuronRun? {
        let synapseName = job.synapse.name
        guard let neuron = configuration.neurons.neuron(named: call.name) else {
            reportError("neuron '\(call.name)' is not available in Hearth", synapse: synapseName)
            return nil
        }
        let context = templateContext(parameters: job.parameters)
        let parameters: [String: Value]
        do {
            parameters = try ParameterRenderer.render(call.parameterMap, context: context)
        } catch let missing as ParameterRenderer.MissingParameter {
            logger.warning(
                "neuron skipped: missing parameter",
                metadata: ["synapse": "\(synapseName)", "neuron": "\(call.name)", "parameter": "\(missing.name)"])
            events.publish(RuntimeEvent(
                .neuronSkipped,
                data: ["synapse": .string(synapseName), "neuron": .string(call.name), "missing": .string(missing.name)]))
            return nil
        } catch {
            reportError("neuron '\(call.name)': \(error)", synapse: synapseName)
            return nil
        }

        let neuronContext = NeuronContext(
            synapseName: synapseName, order: run.order, muted: run.muted, settings: settings,
            baseDirectory: configuration.baseDirectory, logger: logger, host: self, now: configuration.now)
        let result: NeuronResult
        do {
            result = try await neuron.run(parameters, context: neuronContext)
        } catch {
            reportError("neuron '\(call.name)' failed: \(error)", synapse: synapseName)
            return NeuronRun(message: nil, effect: nil, record: true)
        }

        var outputContext = context
        outputContext.merge(result.outputs) { _, new in new }
        var message = result.message
        if !result.failed, let rendered = renderOutputTemplate(call.parameterMap, context: outputContext, synapse: synapseName) {
            message = rendered
        }
        if let memoryTemplates = call.parameterMap["kalliope_memory"]?.mapValue {
            for (key, template) in memoryTemplates {
                if let value = try? ParameterRenderer.render(template, context: outputContext) {
                    setMemory(key, value, askedByBrain: true)
                }
            }
        }
        if let text = message?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            message = text
            events.publish(RuntimeEvent(
                .neuronOutput, data: ["synapse": .string(synapseName), "neuron": .string(call.name), "message": .string(text)]))
            await speak(text, muted: run.muted, to: run.speech ?? configuration.speech)
        }
        if case .runSynapse = result.effect { return NeuronRun(message: message, effect: result.effect, record: false) }
        return NeuronRun(message: message, effect: result.effect, record: !isWaitEffect(result.effect))
    }

    private func isWaitEffect(_ effect: NeuronEffect?) -> Bool {
        if case .waitForAnswer = effect { return true }
        return false
    }

    /// `say_template` (a string or a list, one picked at random) or
    /// `file_template`, rendered with the neuron's output.
    private func renderOutputTemplate(_ parameters: [String: Value], context: [String: Value], synapse: String) -> String? {
        var source: String?
        var name = "say_template"
        if let template = parameters["say_template"] {
            switch template {
            case .string(let text): source = text
            case .list(let options): source = options.randomElement()?.displayText
            default: break
            }
        } else if case .string(let path)? = parameters["file_template"] {
            let resolved = path.hasPrefix("/") ? path : configuration.baseDirectory + "/" + path
            name = path
            do {
                source = try String(contentsOfFile: resolved, encoding: .utf8)
            } catch {
                reportError("file_template '\(path)' cannot be read", synapse: synapse)
                return nil
            }
        }
        guard let source else { return nil }
        do {
            return try Template(source: source, name: name).render(context)
        } catch {
            reportError("\(name): \(error)", synapse: synapse)
            return nil
        }
    }

    /// Order and API parameters, overridden by settings variables, overridden
    /// by `kalliope_memory`.
    private func templateContext(parameters: [String: Value]) -> [String: Value] {
        // `soul` first: an order's placeholder or a variable of that name wins.
        var context: [String: Value] = ["soul": soul.templateValue]
        context.merge(parameters) { _, new in new }
        context.merge(settings.variables) { _, new in new }
        context.merge(memory) { _, new in new }
        return context
    }

    private func speak(_ text: String, muted: Bool, to output: any SpeechOutput) async {
        setMemory("kalliope_last_tts_message", .string(text))
        guard !muted else { return }
        let previous = state
        setState(.speaking)
        events.publish(RuntimeEvent(.ttsStarted, data: ["text": .string(text)]))
        await runHook(.onStartSpeaking, source: "hook")
        do {
            try await output.speak(text, settings: settings)
        } catch {
            reportError("speech failed: \(error)", synapse: nil)
        }
        events.publish(RuntimeEvent(.ttsFinished, data: ["text": .string(text)]))
        await runHook(.onStopSpeaking, source: "hook")
        setState(previous)
    }

    private func reportError(_ message: String, synapse: String?) {
        var metadata: Logger.Metadata = [:]
        if let synapse { metadata["synapse"] = "\(synapse)" }
        logger.error("\(message)", metadata: metadata)
        var data: [String: Value] = ["message": .string(message)]
        if let synapse { data["synapse"] = .string(synapse) }
        events.publish(RuntimeEvent(.error, data: data))
    }

    /// `askedByBrain`: a `kalliope_memory` value, synced to disk with its
    /// run; Hearth's own keys (last order, last message) may wait a second.
    private func setMemory(_ key: String, _ value: Value, askedByBrain: Bool = false) {
        memory[key] = value
        if configuration.stateStore != nil {
            unsavedMemory.insert(key)
            if askedByBrain { unsavedMemoryAskedByBrain = true }
        }
        events.publish(RuntimeEvent(.memoryChanged, data: ["key": .string(key)]))
    }

    /// Restores memory saved by an earlier run of the device.
    public func restoreMemory(_ saved: [String: Value]) {
        memory.merge(saved) { _, stored in stored }
    }

    // MARK: Saving state

    /// Saves a change through the state store before it is made.
    private func save(_ write: (any RuntimeStateStore) throws(StateSaveFailure) -> Void) throws(RuntimeError) {
        guard let store = configuration.stateStore else { return }
        do {
            try write(store)
        } catch {
            throw .notSaved(error)
        }
    }

    /// A run's history entry and the memory it changed. A run that could not
    /// be saved still happened: the failure is logged and the memory is
    /// saved with a later run.
    private func saveRun(_ record: RunRecord) {
        guard let store = configuration.stateStore else { return }
        do {
            try store.saveRun(record, memory: unsavedMemoryValues(), synced: unsavedMemoryAskedByBrain)
            unsavedMemory.removeAll()
            unsavedMemoryAskedByBrain = false
        } catch {
            logger.error("run not saved", metadata: ["error": "\(error)"])
        }
    }

    private func saveUnsavedMemory() {
        guard let store = configuration.stateStore, !unsavedMemory.isEmpty else { return }
        do {
            try store.saveMemory(unsavedMemoryValues())
            unsavedMemory.removeAll()
            unsavedMemoryAskedByBrain = false
        } catch {
            logger.error("memory not saved", metadata: ["error": "\(error)"])
        }
    }

    private func unsavedMemoryValues() -> [String: Value] {
        Dictionary(uniqueKeysWithValues: unsavedMemory.compactMap { key in memory[key].map { (key, $0) } })
    }

    // MARK: State

    private func setState(_ new: RuntimeState) {
        let effective: RuntimeState = (new == .idle || new == .listening) && settings.options.deaf ? .deaf : new
        guard effective != state else { return }
        let previous = state
        state = effective
        events.publish(RuntimeEvent(.stateChanged, data: ["state": .string(effective.rawValue), "previous": .string(previous.rawValue)]))
    }

    /// The voice pipeline says what the device does while nothing runs.
    public func setRestingState(_ resting: RuntimeState) {
        restingState = resting
        if state != .processing && state != .speaking { setState(resting) }
    }

    public var isDeaf: Bool { settings.options.deaf }
    public var isMuted: Bool { settings.options.mute }

    // MARK: Brain changes

    public func addSynapse(_ synapse: Synapse) throws(RuntimeError) {
        guard !brain.contains(synapse.name) else { throw .duplicateSynapse(synapse.name) }
        try save { store throws(StateSaveFailure) in try store.saveAddedSynapse(synapse) }
        brain.append(synapse)
        brainDidChange(["added": .string(synapse.name)])
    }

    public func removeSynapse(named name: String) throws(RuntimeError) {
        guard brain.contains(name) else { throw .synapseNotFound(name) }
        try save { store throws(StateSaveFailure) in try store.saveRemovedSynapse(named: name) }
        brain.remove(named: name)
        brainDidChange(["removed": .string(name)])
    }

    /// Enables or disables a synapse (the `brain` neuron). No client waits
    /// on this answer, so a flag the store cannot save still takes effect
    /// for this run of the device; the failure is logged.
    @discardableResult
    public func setSynapseEnabled(_ name: String, enabled: Bool) -> Bool {
        guard brain.contains(name) else { return false }
        do {
            try save { store throws(StateSaveFailure) in try store.saveSynapseEnabled(enabled, named: name) }
        } catch {
            reportError("synapse '\(name)' \(enabled ? "enabled" : "disabled") but not saved: \(error)", synapse: name)
        }
        brain.setEnabled(enabled, named: name)
        brainDidChange(["synapse": .string(name), "enabled": .bool(enabled)])
        return true
    }

    /// Replaces the whole brain (a reload from disk or the stored state).
    public func replaceBrain(_ new: Brain) {
        brain = new
        brainDidChange([:])
    }

    private func brainDidChange(_ data: [String: Value]) {
        matcher = OrderMatcher(brain: brain)
        restartEventScheduler()
        events.publish(RuntimeEvent(.brainChanged, data: data))
    }

    // MARK: Settings changes

    /// Applies a change and fires the hooks it implies (`on_deaf`, `on_mute`, ...).
    public func applySettings(_ change: SettingsChange) async throws {
        try await applySettingsChange(change)
    }

    public func applySettingsChange(_ change: SettingsChange) async throws(RuntimeError) {
        try validate(change)
        try save { store throws(StateSaveFailure) in try store.saveSettingsChange(change) }
        var hook: Hook?
        switch change {
        case .deaf(let deaf):
            if settings.options.deaf != deaf { hook = deaf ? .onDeaf : .onUndeaf }
            settings.options.deaf = deaf
            events.publish(RuntimeEvent(.deafChanged, data: ["deaf": .bool(deaf)]))
            setState(deaf ? .deaf : (state == .deaf ? restingState : state))
        case .mute(let mute):
            if settings.options.mute != mute { hook = mute ? .onMute : .onUnmute }
            settings.options.mute = mute
            events.publish(RuntimeEvent(.muteChanged, data: ["mute": .bool(mute)]))
        case .defaultEngine(let kind, let name):
            switch kind {
            case .trigger: settings.defaultTrigger = name
            case .speechToText: settings.defaultSpeechToText = name
            case .textToSpeech: settings.defaultTextToSpeech = name
            case .player: settings.defaultPlayer = name
            }
        case .variables(let variables):
            settings.variables.merge(variables) { _, new in new }
        case .hooks(let hooks):
            settings.hooks.merge(hooks) { _, new in new }
        case .language(let code, let speech):
            settings.language = code
            settings.setSpeechParameters(speech)
            events.publish(RuntimeEvent(.languageChanged, data: ["language": .string(code)]))
        case .soul(let id, let speech):
            settings.soul = id
            settings.setSpeechParameters(speech)
            events.publish(RuntimeEvent(.soulChanged, data: ["soul": .string(id)]))
        case .speech(let speech):
            settings.setSpeechParameters(speech)
        case .recognizer(let option, let value):
            switch option {
            case .multiplier: settings.options.recognizerMultiplier = value
            case .energyRatio: settings.options.recognizerEnergyRatio = value
            case .recordingTimeout: settings.options.recognizerRecordingTimeout = value
            case .recordingTimeoutWithSilence: settings.options.recognizerRecordingTimeoutWithSilence = value
            }
        }
        events.publish(RuntimeEvent(.settingsChanged, data: ["change": .string(String(describing: change))]))
        if let hook {
            await gate.withTurn { await self.runHook(hook, source: "hook") }
            saveUnsavedMemory()
        }
    }

    /// Refuses a change that cannot be made, before anything is saved.
    private func validate(_ change: SettingsChange) throws(RuntimeError) {
        switch change {
        case .defaultEngine(let kind, let name):
            guard EngineCatalog.isProvided(name, kind) else { throw .unknownEngine(kind: kind.rawValue, name: name) }
        case .recognizer(let option, let value):
            guard value.isFinite, value >= 0 else { throw .invalidSetting("\(option.rawValue) must be a positive number") }
        case .soul(let id, _):
            guard configuration.souls.contains(where: { $0.id == id }) else { throw .unknownSoul(id) }
        case .language(let code, _):
            guard !code.isEmpty else { throw .invalidSetting("a language is a code such as 'en'") }
        case .deaf, .mute, .variables, .hooks, .speech:
            break
        }
    }

    // MARK: Timers and scheduled events

    @discardableResult
    public func scheduleSynapse(_ name: String, after delay: Duration, parameters: [String: Value]) -> Bool {
        guard brain.contains(name) else { return false }
        let id = UUID()
        // Detached: a timer started inside a run must not inherit its turn.
        timers[id] = Task.detached { [weak self] in
            try? await Task.sleep(for: delay)
            guard !Task.isCancelled, let self else { return }
            _ = try? await self.runSynapse(named: name, parameters: parameters, source: "timer")
            await self.timerFinished(id)
        }
        return true
    }

    private func timerFinished(_ id: UUID) {
        timers[id] = nil
    }

    public var pendingTimerCount: Int { timers.count }

    private func restartEventScheduler() {
        eventScheduler?.cancel()
        let schedules: [(String, EventSchedule)] = brain.synapses.filter(\.enabled).flatMap { synapse in
            synapse.signals.compactMap { signal in
                if case .event(let schedule) = signal.kind { return (synapse.name, schedule) }
                return nil
            }
        }
        guard !schedules.isEmpty else {
            eventScheduler = nil
            return
        }
        let now = configuration.now
        eventScheduler = Task.detached { [weak self] in
            while !Task.isCancelled {
                let current = now()
                let upcoming = schedules.compactMap { name, schedule in schedule.nextFire(after: current).map { (name, $0) } }
                guard let soonest = upcoming.map(\.1).min() else { return }
                try? await Task.sleep(for: .seconds(max(0, soonest.timeIntervalSince(current))))
                guard !Task.isCancelled, let self else { return }
                for (name, fire) in upcoming where fire == soonest {
                    _ = try? await self.runSynapse(named: name, source: "event")
                }
            }
        }
    }

    // MARK: Sound

    public func playSound(file path: String) async throws {
        try await configuration.sound.play(file: path)
    }

    public func setVolume(_ change: VolumeChange) async throws -> Int {
        try await configuration.sound.setVolume(change)
    }
}

/// Which hooks are firing in this task, so a hook's own synapses cannot fire
/// it again (a synapse on `on_start_speaking` that speaks, say).
enum HookGuard {
    @TaskLocal static var firing: Set<Hook> = []

    static func isFiring(_ hook: Hook) -> Bool { firing.contains(hook) }
}
