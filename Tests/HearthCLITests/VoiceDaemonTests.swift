import Foundation
import HearthTestSupport
import Testing

/// The device as a whole with no hardware: flite speech of "hey hearth …
/// turn on the kitchen lights" is the microphone (an ALSA `file` capture
/// PCM), a real `hearth run` hears it, runs the synapse, and its spoken
/// answer arrives in the speaker's file.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct VoiceDaemonTests {
    static let brain = """
        - name: "lights-on"
          signals:
            - order: "turn on the kitchen lights"
          neurons:
            - say:
                message: "The kitchen lights are on"
        """

    @Test func aSpokenOrderRunsItsSynapseAndTheAnswerIsPlayed() async throws {
        let folder = try Fixtures.scratch([
            "brain.yml": Self.brain,
            "settings.yml": """
                rest_api: {active: true}
                audio: {capture_device: hearth_mic, playback_device: hearth_speaker, sample_rate: 16000}
                """,
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Half a second of room, the wake phrase, a breath, the order, and
        // enough silence after it for the end of speech to be heard (the
        // file plugin repeats its last block once the file has ended).
        try await shell("""
            flite -voice rms -t "hey hearth" -o wake.wav && flite -voice rms -t "turn on the kitchen lights" -o order.wav &&
            sox -n -r 16000 -c 1 -b 16 lead.wav trim 0 0.5 && sox -n -r 16000 -c 1 -b 16 gap.wav trim 0 0.4 &&
            sox -n -r 16000 -c 1 -b 16 tail.wav trim 0 3 &&
            sox lead.wav "|sox wake.wav -r 16000 -p" gap.wav "|sox order.wav -r 16000 -p" tail.wav -t raw -e signed -b 16 mic.raw
            """, in: folder)
        try """
            pcm.hearth_mic { type file; slave.pcm { type null }; file "/dev/null"; infile "\(folder)/mic.raw"; format "raw" }
            pcm.hearth_speaker { type file; slave.pcm { type null }; file "\(folder)/speaker.raw"; format "raw" }
            """.write(toFile: folder + "/asound.conf", atomically: true, encoding: .utf8)
        let alsa = ["ALSA_CONFIG_PATH": "/usr/share/alsa/alsa.conf:\(folder)/asound.conf"]

        // What the answer sounds like, from the same voice settings.
        let said = try await HearthCommand.run(
            ["say", "The kitchen lights are on", "--settings", "settings.yml", "--no-cache", "--output", "answer.wav"],
            directory: folder)
        try #require(said.status == 0, "\(said.errorOutput)")
        try await shell("sox answer.wav -t raw -e signed -b 16 answer.raw", in: folder)

        let daemon = try await LiveHearth.start(
            in: URL(fileURLWithPath: folder), brain: "brain.yml", settings: "settings.yml", stateDirectory: "state", environment: alsa)
        // Up to a minute: the speech models load before the microphone is heard.
        let heard = try await daemon.waitForLine(within: .seconds(60)) { $0.contains("ORDER_MATCHED") && $0.contains("lights-on") }
        #expect(heard, "the order was not matched; log:\n\(daemon.log)")
        #expect(daemon.log.contains("WAKE_WORD_DETECTED"))
        #expect(daemon.log.contains("text=turn on the kitchen lights"))
        // The file PCM writes what it was given when the device closes.
        #expect(try await daemon.terminate() == 0)

        let played = try Self.samples(folder + "/speaker.raw")
        let answer = try Self.samples(folder + "/answer.raw")
        let body = Array(answer.drop { $0 == 0 }.prefix(4000))
        try #require(body.count == 4000)
        #expect(Self.contains(played, body), "the answer's samples are not in what was played (\(played.count) samples)")
    }

    static func samples(_ path: String) throws -> [Int16] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return data.withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
    }

    static func contains(_ haystack: [Int16], _ needle: [Int16]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start] == first && haystack[start..<start + needle.count].elementsEqual(needle)
        }
    }

    func shell(_ script: String, in folder: String) async throws {
        let result = try await HearthCommand.shell(script, directory: folder)
        try #require(result.status == 0, "\(script)\n\(result.errorOutput)")
    }
}
