import Foundation
import HearthAudio
import HearthBrain
import HearthHomeAssistant
import HearthPersistence
import HearthServer
import HearthStore
import Logging

/// What `hearth run` gives the control API: souls, installed languages,
/// tokens and speakers from the state database.
enum ControlWiring {
    /// The embedded souls, replaced or extended by the files of
    /// `soul: {directory: ...}` (relative to the brain's folder). A folder
    /// that cannot be read is logged and the embedded souls stay.
    static func souls(settings: Settings, baseDirectory: String, logger: Logger) -> [Soul] {
        var souls = StarterSouls.all
        guard case .string(let folder)? = settings.sections["soul"]?.mapValue?["directory"] else { return souls }
        let directory = folder.hasPrefix("/") ? folder : (baseDirectory as NSString).appendingPathComponent(folder)
        do {
            for soul in try SoulLoader.load(directory: directory) {
                souls.removeAll { $0.id == soul.id }
                souls.append(soul)
            }
        } catch {
            logger.error("souls not loaded, the embedded ones stay: \(error)")
        }
        if !souls.contains(where: { $0.id == settings.soul }) {
            logger.warning("soul '\(settings.soul)' does not exist; speaking as '\(souls[0].id)'")
        }
        return souls
    }

    /// The languages the installed speech models and espeak-ng voices share.
    static func languages(voices: Set<String>, logger: Logger) -> [InstalledLanguage] {
        let installed = InstalledLanguages.discover(voices: voices)
        if installed.isEmpty {
            logger.warning("no language has both a pocketsphinx model and an espeak-ng voice installed")
        }
        return installed
    }

    static func services(
        store: StateStore, languages: [InstalledLanguage], killSwitch: KillSwitchService, startedAt: Date,
        homeAssistant: HomeAssistant?
    ) -> ControlServices {
        ControlServices(
            tokens: SQLiteAccessTokenStore(store: store), speakers: SQLiteSpeakerStore(store: store),
            languages: FixedLanguageCatalog(languages.map {
                SpokenLanguage(code: $0.code, voice: $0.voice, speechModel: $0.modelDirectory)
            }),
            homeAssistantConnected: { homeAssistant?.isConnected ?? false },
            end: { end in killSwitch.trigger(exitStatus: end == .restart ? ProcessEnd.restartExitStatus : 0) },
            startedAt: startedAt)
    }
}
