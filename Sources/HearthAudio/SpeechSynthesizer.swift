import CSpeechSynthesis
import Foundation
import HearthBrain
import HearthRuntime

/// How espeak-ng speaks: `text_to_speech: - espeak-ng: {voice, rate, pitch, volume}`.
public struct VoiceSettings: Sendable, Equatable, Hashable {
    public var voice = "en-us"
    /// Words per minute, 80–450.
    public var rate = 160
    /// 0–100.
    public var pitch = 50
    /// 0–200; 100 is normal.
    public var volume = 100

    public init(voice: String = "en-us", rate: Int = 160, pitch: Int = 50, volume: Int = 100) {
        self.voice = voice
        self.rate = rate
        self.pitch = pitch
        self.volume = volume
    }

    /// The voice of the settings' default text-to-speech engine (`espeak`
    /// and `espeak-ng` share parameters); missing keys keep the defaults.
    public init(settings: Settings) {
        self.init()
        let engine = EngineCatalog.resolve(settings.defaultTextToSpeech, .textToSpeech)
        let parameters = settings.parameters(of: settings.defaultTextToSpeech, in: settings.textToSpeech)
            .merging(settings.parameters(of: engine, in: settings.textToSpeech)) { written, _ in written }
        if case .string(let name)? = parameters["voice"] { voice = name }
        rate = Self.integer(parameters["rate"]).map { min(450, max(80, $0)) } ?? rate
        pitch = Self.integer(parameters["pitch"]).map { min(100, max(0, $0)) } ?? pitch
        volume = Self.integer(parameters["volume"]).map { min(200, max(0, $0)) } ?? volume
    }

    private static func integer(_ value: Value?) -> Int? {
        switch value {
        case .int(let number)?: return number
        case .double(let number)?: return Int(number.rounded())
        case .string(let text)?: return Int(text)
        default: return nil
        }
    }
}

public enum SpeechSynthesisError: Error, Equatable, CustomStringConvertible {
    case unknownVoice(String)
    case engineUnavailable
    case failed(String)

    public var description: String {
        switch self {
        case .unknownVoice(let name): return "espeak-ng has no voice '\(name)'"
        case .engineUnavailable: return "espeak-ng could not be initialised (is espeak-ng-data installed?)"
        case .failed(let text): return "espeak-ng could not speak '\(text)'"
        }
    }
}

/// Text to speech with espeak-ng, converted to mono 16-bit at the device's
/// rate, and cached as WAV files by text, voice and rate so a repeated
/// answer costs a file read.
public final class SpeechSynthesizer: Sendable {
    public let cache: SpeechCache?

    public init(cacheDirectory: String?) {
        cache = cacheDirectory.map(SpeechCache.init(directory:))
    }

    /// For a command's own thread (`hearth say`, `hearth doctor`).
    public func synthesize(_ text: String, voice: VoiceSettings, sampleRate: Int) throws(SpeechSynthesisError) -> AudioBuffer {
        let key = SpeechCache.Key(text: text, voice: voice, sampleRate: sampleRate)
        if let cached = cache?.load(key) { return cached }
        return try rendered(key)
    }

    /// For async code (the runtime's answers): a cached answer comes back
    /// at once, where the caller runs; a new sentence (tens to hundreds of
    /// milliseconds of espeak-ng) is rendered on a thread of its own so it
    /// holds none of the cooperative pool's threads.
    public func synthesize(_ text: String, voice: VoiceSettings, sampleRate: Int) async throws(SpeechSynthesisError) -> AudioBuffer {
        let key = SpeechCache.Key(text: text, voice: voice, sampleRate: sampleRate)
        if let cached = cache?.load(key) { return cached }
        return try await DedicatedThread.run(named: "hearth.speech-synthesis") { [self] () throws(SpeechSynthesisError) in
            try rendered(key)
        }
    }

    private func rendered(_ key: SpeechCache.Key) throws(SpeechSynthesisError) -> AudioBuffer {
        let audio = try Self.render(key.text, voice: key.voice).resampled(to: key.sampleRate)
        cache?.store(audio, for: key)
        return audio
    }

    /// Whether espeak-ng has voices to speak with; found without starting it.
    public static var isInstalled: Bool { !InstalledLanguages.espeakLanguages().isEmpty }

    /// The rate espeak-ng speaks at (22 050 Hz); nil when it cannot start.
    public static var nativeSampleRate: Int? {
        let rate = SpeechEngineLock.shared.withLock { hearth_synthesis_initialize() }
        return rate > 0 ? Int(rate) : nil
    }

    /// espeak-ng's own output, at its native rate (22 050 Hz).
    static func render(_ text: String, voice: VoiceSettings) throws(SpeechSynthesisError) -> AudioBuffer {
        let result: Result<AudioBuffer, SpeechSynthesisError> = SpeechEngineLock.shared.withLock {
            let rate = hearth_synthesis_initialize()
            guard rate > 0 else { return .failure(.engineUnavailable) }
            var samples: UnsafeMutablePointer<Int16>?
            var count = 0
            let status = voice.voice.withCString { name in
                var settings = hearth_synthesis_voice(
                    name: name, rate: Int32(voice.rate), pitch: Int32(voice.pitch), volume: Int32(voice.volume))
                return hearth_synthesis_speak(&settings, text, &samples, &count)
            }
            defer { free(samples) }
            switch status {
            case 0:
                let buffer = samples.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
                return .success(AudioBuffer(sampleRate: Int(rate), samples: buffer))
            case -1: return .failure(.unknownVoice(voice.voice))
            default: return .failure(.failed(text))
            }
        }
        return try result.get()
    }
}
