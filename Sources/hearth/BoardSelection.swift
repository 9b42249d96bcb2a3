import ArgumentParser
import HearthBrain
import HearthDevice

/// The board Hearth runs on: `--board NAME` or `board: NAME` in settings
/// (the option wins); none means no button, no LED and the settings' audio.
enum BoardSelection {
    static func profile(option: String?, settings: Settings) throws -> BoardProfile? {
        let name: String
        if let option {
            name = option
        } else {
            switch settings.sections["board"] {
            case nil, .null?: return nil
            case .string(let given)?: name = given
            case let other?: throw ValidationError("settings: 'board' must be a board name, not \(other.displayText)")
            }
        }
        do {
            return try BoardProfile.find(name)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    /// The board's sound devices stand in for those the settings leave at
    /// ALSA's `default`; a device named in the settings wins.
    static func apply(_ profile: BoardProfile?, to settings: inout Settings) {
        guard let profile else { return }
        let unset = Settings.Audio()
        if settings.audio.captureDevice == unset.captureDevice { settings.audio.captureDevice = profile.audio.captureDevice }
        if settings.audio.playbackDevice == unset.playbackDevice { settings.audio.playbackDevice = profile.audio.playbackDevice }
    }
}
