import Foundation
import HearthBrain
import Logging

/// A neuron module: what a synapse does, one step at a time.
public protocol Neuron: Sendable {
    /// The module name used in brains (`say`, `shell`, ...).
    static var name: String { get }

    /// Checks parameters as written, before any templating; a message when
    /// they cannot work (used by `hearth check` and the synapse API).
    static func validate(_ parameters: [String: Value]) -> String?

    /// Runs with rendered parameters.
    func run(_ parameters: [String: Value], context: NeuronContext) async throws -> NeuronResult
}

extension Neuron {
    public static func validate(_ parameters: [String: Value]) -> String? { nil }
}

/// What a neuron produced.
public struct NeuronResult: Sendable {
    /// Text to speak and to report as `generated_message`.
    public var message: String?
    /// Values for `say_template`, `file_template` and `kalliope_memory`.
    public var outputs: [String: Value]
    /// Something only the runtime can do.
    public var effect: NeuronEffect?

    public init(message: String? = nil, outputs: [String: Value] = [:], effect: NeuronEffect? = nil) {
        self.message = message
        self.outputs = outputs
        self.effect = effect
    }
}

/// Requests a neuron makes of the runtime that change the flow of synapses.
public enum NeuronEffect: Sendable, Equatable {
    /// Wait for the next order and treat it as the answer.
    case waitForAnswer(links: [AnswerLink], defaultSynapse: String)
    /// Run this synapse now, before anything else queued.
    case runSynapse(name: String, parameters: [String: Value])
    /// End the process once this synapse's response is written.
    case terminate
}

/// One `from_answer_link` entry.
public struct AnswerLink: Sendable, Equatable {
    public var synapse: String
    public var answers: [OrderSignal]

    public init(synapse: String, answers: [String]) {
        self.synapse = synapse
        self.answers = answers.map { OrderSignal(text: $0) }
    }
}

/// What a neuron may see and do while it runs.
public struct NeuronContext: Sendable {
    public var synapseName: String
    /// The order that started the synapse, when there was one.
    public var order: String?
    /// True when nothing may be spoken (global mute or the call's `mute` flag).
    public var muted: Bool
    public var settings: Settings
    /// Relative paths in neuron parameters (scripts, files) resolve here.
    public var baseDirectory: String
    public var logger: Logger
    public var host: any NeuronHost
    public var now: @Sendable () -> Date

    public init(
        synapseName: String, order: String?, muted: Bool, settings: Settings, baseDirectory: String,
        logger: Logger, host: any NeuronHost, now: @escaping @Sendable () -> Date
    ) {
        self.synapseName = synapseName
        self.order = order
        self.muted = muted
        self.settings = settings
        self.baseDirectory = baseDirectory
        self.logger = logger
        self.host = host
        self.now = now
    }

    public func resolvePath(_ path: String) -> String {
        path.hasPrefix("/") ? path : baseDirectory + "/" + path
    }
}

/// The runtime services neurons call. The runtime is the only implementation;
/// tests substitute their own.
public protocol NeuronHost: Sendable {
    @discardableResult
    func setSynapseEnabled(_ name: String, enabled: Bool) async -> Bool
    func applySettings(_ change: SettingsChange) async throws
    @discardableResult
    func scheduleSynapse(_ name: String, after delay: Duration, parameters: [String: Value]) async -> Bool
    func playSound(file path: String) async throws
    func setVolume(_ change: VolumeChange) async throws -> Int
}

/// A change the `settings` neuron, or the API, asks for.
public enum SettingsChange: Sendable, Equatable {
    case deaf(Bool)
    case mute(Bool)
    case defaultEngine(EngineCatalog.Kind, String)
    case variables([String: Value])
    case hooks([Hook: [String]])
    case recognizer(RecognizerOption, Double)
}

public enum RecognizerOption: String, Sendable, CaseIterable {
    case multiplier = "recognizer_multiplier"
    case energyRatio = "recognizer_energy_ratio"
    case recordingTimeout = "recognizer_recording_timeout"
    case recordingTimeoutWithSilence = "recognizer_recording_timeout_with_silence"
}

public enum VolumeChange: Sendable, Equatable {
    case set(Int)
    case raise(Int)
    case lower(Int)

    /// The volume after this change to `current`, kept within 0–100.
    public func applied(to current: Int) -> Int {
        let next: Int
        switch self {
        case .set(let value): next = value
        case .raise(let step): next = current + step
        case .lower(let step): next = current - step
        }
        return min(100, max(0, next))
    }
}

/// Neuron modules by name.
public struct NeuronRegistry: Sendable {
    private var modules: [String: any Neuron]

    public init(_ neurons: [any Neuron] = []) {
        modules = [:]
        for neuron in neurons { register(neuron) }
    }

    public mutating func register(_ neuron: any Neuron) {
        modules[type(of: neuron).name] = neuron
    }

    public func neuron(named name: String) -> (any Neuron)? { modules[name] }

    public var names: [String] { modules.keys.sorted() }
}
