import Foundation
import HearthBrain

/// A brain and its settings, from files or the embedded starter.
public struct LoadedConfiguration: Sendable {
    public var brain: Brain
    public var settings: Settings
    public var warnings: [LoadWarning]
    /// Relative paths in the brain (templates, scripts, sounds) resolve here.
    public var baseDirectory: String
    /// Where the brain came from, for messages.
    public var brainSource: String
    public var settingsSource: String

    /// Loads `brainPath` and `settingsPath`, or the starter brain and
    /// settings for whichever is not given.
    public static func load(brainPath: String?, settingsPath: String?) throws(BrainLoadError) -> LoadedConfiguration {
        let settingsResult = try settingsPath.map { path throws(BrainLoadError) in try SettingsLoader.load(file: path) }
            ?? StarterBrain.loadSettings()
        let brainResult = try brainPath.map { path throws(BrainLoadError) in try BrainLoader.load(file: path) }
            ?? StarterBrain.loadBrain()
        let baseDirectory = brainPath.map { (URL(fileURLWithPath: $0).standardizedFileURL.path as NSString).deletingLastPathComponent }
            ?? FileManager.default.currentDirectoryPath
        return LoadedConfiguration(
            brain: brainResult.brain, settings: settingsResult.settings,
            warnings: settingsResult.warnings + brainResult.warnings, baseDirectory: baseDirectory,
            brainSource: brainPath ?? StarterBrain.brainName, settingsSource: settingsPath ?? StarterBrain.settingsName)
    }
}
