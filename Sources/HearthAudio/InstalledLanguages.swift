import CSpeechSynthesis
import Foundation

/// The languages this machine can both hear and speak: a pocketsphinx model
/// folder (`/usr/share/pocketsphinx/model/<tag>`, with an acoustic model, a
/// dictionary and a language model) whose language an installed espeak-ng
/// voice speaks.
public struct InstalledLanguage: Sendable, Equatable {
    /// `en` for the model `en-us`.
    public var code: String
    /// The espeak-ng voice for it (`en-us`).
    public var voice: String
    public var models: SpeechModels
    /// The model folder.
    public var modelDirectory: String
}

public enum InstalledLanguages {
    public static let modelRoot = "/usr/share/pocketsphinx/model"

    /// Found on disk now, sorted by code; the first model of a code wins.
    /// `voices`: the tags espeak-ng speaks, when the caller has listed them.
    public static func discover(modelRoot: String = modelRoot, voices: Set<String> = espeakLanguages()) -> [InstalledLanguage] {
        let tags = ((try? FileManager.default.contentsOfDirectory(atPath: modelRoot)) ?? []).sorted()
        var found: [String: InstalledLanguage] = [:]
        for tag in tags {
            let directory = (modelRoot as NSString).appendingPathComponent(tag)
            let code = String(tag.split(separator: "-").first ?? Substring(tag)).lowercased()
            guard found[code] == nil, let models = SpeechModels(directory: directory, tag: tag),
                  let voice = [tag.lowercased(), code].first(where: { voices.contains($0) }) ?? voices.sorted().first(where: { $0.hasPrefix(code + "-") })
            else { continue }
            found[code] = InstalledLanguage(code: code, voice: voice, models: models, modelDirectory: directory)
        }
        return found.values.sorted { $0.code < $1.code }
    }

    /// Every language tag the installed espeak-ng voices speak (read from
    /// espeak-ng's voice files: list them once for several uses).
    public static func espeakLanguages() -> Set<String> {
        var buffer = [CChar](repeating: 0, count: 64 * 1024)
        let status = SpeechEngineLock.shared.withLock { hearth_synthesis_languages(&buffer, buffer.count) }
        guard status == 0 else { return [] }
        let text = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return Set(text.split(separator: "\n").map { $0.lowercased() })
    }
}

extension SpeechModels {
    /// The models in a pocketsphinx model folder laid out as Debian's
    /// (`<tag>/` acoustic model, a `.dict`, `<tag>.lm.bin`); nil when one is missing.
    init?(directory: String, tag: String) {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let acoustic = (directory as NSString).appendingPathComponent(tag)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: acoustic, isDirectory: &isFolder), isFolder.boolValue,
              let dictionary = files.sorted().first(where: { $0.hasSuffix(".dict") }),
              let languageModel = files.first(where: { $0 == "\(tag).lm.bin" }) ?? files.sorted().first(where: { $0.hasSuffix(".lm.bin") && !$0.contains("phone") })
        else { return nil }
        self.init(
            acousticModel: acoustic, dictionary: (directory as NSString).appendingPathComponent(dictionary),
            languageModel: (directory as NSString).appendingPathComponent(languageModel))
    }
}
