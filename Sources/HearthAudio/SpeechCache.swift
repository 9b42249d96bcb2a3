import Foundation

/// Synthesised speech kept as WAV files under `cache_path`, one per text,
/// voice and rate. A file is written to a temporary name and renamed, so a
/// reader never sees half of one; an unreadable entry is a miss.
public struct SpeechCache: Sendable {
    public struct Key: Sendable, Hashable {
        public var text: String
        public var voice: VoiceSettings
        public var sampleRate: Int

        /// A stable file name: FNV-1a over every field (Swift's `hashValue`
        /// changes between runs).
        var fileName: String {
            let description = "\(voice.voice)|\(voice.rate)|\(voice.pitch)|\(voice.volume)|\(sampleRate)|\(text)"
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in description.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            return String(hash, radix: 16) + ".wav"
        }
    }

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public func path(for key: Key) -> String { (directory as NSString).appendingPathComponent(key.fileName) }

    func load(_ key: Key) -> AudioBuffer? {
        guard let file = try? WaveFile(contentsOfFile: path(for: key)), file.format.sampleRate == key.sampleRate,
              file.format.channels == 1
        else { return nil }
        return file.audioBuffer(sampleRate: key.sampleRate)
    }

    /// Best effort: a cache that cannot be written only costs speed.
    func store(_ audio: AudioBuffer, for key: Key) {
        guard let bytes = try? audio.waveBytes() else { return }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let final = path(for: key)
        let temporary = final + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { return }
        if rename(temporary, final) != 0 { unlink(temporary) }
    }
}
