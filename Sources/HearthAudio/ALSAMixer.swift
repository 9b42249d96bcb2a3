import CALSA
import Synchronization

/// The speaker's hardware volume: one ALSA simple-mixer control, as 0–100
/// on a loudness scale (see hearth_mixer.h).
public final class ALSAMixer: Sendable {
    /// The C handle, used by one thread at a time.
    private let handle: Mutex<MixerHandle>
    public let card: String
    /// The control's name (the one found when none was asked for).
    public let control: String

    private struct MixerHandle: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    /// Opens `control` of `card`, or the first usual volume control
    /// (Master, PCM, Speaker, Headphone, Digital) when `control` is nil.
    public init(card: String = "default", control: String? = nil) throws(ALSAError) {
        var opened: OpaquePointer?
        var message = [CChar](repeating: 0, count: Int(HEARTH_PCM_ERROR_SIZE))
        let result = card.withCString { card in
            hearth_mixer_open(&opened, card, control, &message, message.count)
        }
        guard result == 0, let opened else { throw .mixerFailed(message: String(cErrorBuffer: message)) }
        self.handle = Mutex(MixerHandle(pointer: opened))
        self.card = card
        self.control = String(cString: hearth_mixer_control(opened))
    }

    deinit {
        handle.withLock { hearth_mixer_close($0.pointer) }
    }

    /// The current volume, 0–100 (the loudest channel).
    public func volume() throws(ALSAError) -> Int {
        var message = [CChar](repeating: 0, count: Int(HEARTH_PCM_ERROR_SIZE))
        var percent: Int32 = 0
        let result = handle.withLock { hearth_mixer_get_percent($0.pointer, &percent, &message, message.count) }
        guard result == 0 else { throw .mixerFailed(message: String(cErrorBuffer: message)) }
        return Int(percent)
    }

    /// Sets every playback channel to `percent` (clamped to 0–100).
    public func setVolume(_ percent: Int) throws(ALSAError) {
        var message = [CChar](repeating: 0, count: Int(HEARTH_PCM_ERROR_SIZE))
        let clamped = Int32(min(100, max(0, percent)))
        let result = handle.withLock { hearth_mixer_set_percent($0.pointer, clamped, &message, message.count) }
        guard result == 0 else { throw .mixerFailed(message: String(cErrorBuffer: message)) }
    }

    /// The card whose mixer goes with an ALSA playback device name:
    /// `hw:1,0` and `plughw:CARD=Headphones` name their card; anything else
    /// (`default`, a PCM defined in asound.conf) is taken to play on the
    /// default card.
    public static func card(forPlaybackDevice device: String) -> String {
        for prefix in ["plughw:", "hw:"] where device.hasPrefix(prefix) {
            let rest = device.dropFirst(prefix.count)
            let first = rest.split(separator: ",").first.map(String.init) ?? ""
            if first.hasPrefix("CARD=") { return "hw:" + first.dropFirst("CARD=".count) }
            if !first.isEmpty, !first.contains("=") { return "hw:" + first }
        }
        return "default"
    }
}
