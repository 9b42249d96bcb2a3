import Foundation
import HearthAudio
import HearthBrain

/// What Hearth needs on disk: speech models, a voice, a writable state folder.
enum SetupChecks {
    static func speechModels(_ models: SpeechModels = .englishUS) -> DoctorCheck {
        DoctorCheck(name: "speech models") {
            let files = [
                ("acoustic model", models.acousticModel), ("dictionary", models.dictionary),
                ("language model", models.languageModel),
            ]
            let missing = files.filter { !FileManager.default.fileExists(atPath: $0.1) }
            guard missing.isEmpty else {
                let list = missing.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
                return .problem("missing \(list) (install the Debian package pocketsphinx-en-us)")
            }
            return .ok("pocketsphinx models and dictionary in \((models.dictionary as NSString).deletingLastPathComponent)")
        }
    }

    static func voice(settings: Settings) -> DoctorCheck {
        let voice = VoiceSettings(settings: settings)
        return DoctorCheck(name: "voice") {
            do {
                let audio = try SpeechSynthesizer(cacheDirectory: nil).synthesize("ready", voice: voice, sampleRate: 16000)
                guard !audio.samples.isEmpty else { return .problem("espeak-ng produced no sound for voice '\(voice.voice)'") }
                return .ok("espeak-ng speaks with voice '\(voice.voice)'")
            } catch {
                return .problem("\(error)")
            }
        }
    }

    /// Writes and removes a file where the state database lives.
    static func stateDirectory(_ path: String) -> DoctorCheck {
        DoctorCheck(name: "state folder") {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                let parent = (path as NSString).deletingLastPathComponent
                return FileManager.default.isWritableFile(atPath: parent)
                    ? .ok("\(path) does not exist yet; hearth run creates it")
                    : .problem("\(path) does not exist and \(parent) is not writable")
            }
            guard isFolder.boolValue else { return .problem("\(path) is a file, not a folder") }
            let probe = (path as NSString).appendingPathComponent(".hearth-doctor-\(getpid())")
            guard FileManager.default.createFile(atPath: probe, contents: Data("probe".utf8)) else {
                return .problem("\(path) is not writable by this user; settings and history could not be saved")
            }
            try? FileManager.default.removeItem(atPath: probe)
            return .ok("\(path) is writable")
        }
    }
}
