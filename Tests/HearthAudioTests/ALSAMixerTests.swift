import CALSA
import HearthRuntime
import Testing
@testable import HearthAudio

/// The volume scale (pure), choosing a card, and what happens where no
/// mixer exists (this machine has no sound card, so the control itself is
/// exercised on real boards only).
@Suite struct ALSAMixerTests {
    @Test func aRawScaleIsLinearAndRoundTrips() {
        #expect(hearth_mixer_raw_from_percent(0, 0, 255) == 0)
        #expect(hearth_mixer_raw_from_percent(100, 0, 255) == 255)
        #expect(hearth_mixer_raw_from_percent(50, 0, 255) == 128)
        #expect(hearth_mixer_raw_from_percent(150, -10, 10) == 10)
        #expect(hearth_mixer_raw_from_percent(-5, -10, 10) == -10)
        for percent in Int32(0)...100 {
            let raw = hearth_mixer_raw_from_percent(percent, 0, 255)
            #expect(hearth_mixer_percent_from_raw(raw, 0, 255) == percent)
        }
    }

    @Test func aNarrowDecibelRangeIsLinear() {
        // -20 dB .. 0 dB in hundredths.
        #expect(hearth_mixer_db_from_percent(50, -2000, 0) == -1000)
        #expect(hearth_mixer_percent_from_db(-500, -2000, 0) == 75)
    }

    @Test func aWideDecibelRangeFollowsLoudness() {
        // A Raspberry Pi headphone control: -102.39 dB .. +4 dB.
        let (low, high) = (-10239, 400)
        #expect(hearth_mixer_db_from_percent(100, low, high) == high)
        #expect(hearth_mixer_db_from_percent(0, low, high) == low)
        let half = hearth_mixer_db_from_percent(50, low, high)
        // Half the volume is about 6 dB down on a power scale over 60 dB,
        // not the middle of the range (-49 dB) a linear dB scale would give.
        #expect((high - 1900)...(high - 1700) ~= half)
        var previous = Int.min
        for percent in Int32(0)...100 {
            let db = hearth_mixer_db_from_percent(percent, low, high)
            #expect(db > previous, "not rising at \(percent)%")
            previous = db
            #expect(hearth_mixer_percent_from_db(db, low, high) == percent)
        }
    }

    @Test func aPlaybackDeviceNamesItsMixersCard() {
        #expect(ALSAMixer.card(forPlaybackDevice: "default") == "default")
        #expect(ALSAMixer.card(forPlaybackDevice: "hw:1,0") == "hw:1")
        #expect(ALSAMixer.card(forPlaybackDevice: "plughw:2") == "hw:2")
        #expect(ALSAMixer.card(forPlaybackDevice: "plughw:CARD=Headphones,DEV=0") == "hw:Headphones")
        #expect(ALSAMixer.card(forPlaybackDevice: "hearth_speaker") == "default")
    }

    @Test func aMissingCardIsAClearError() {
        #expect {
            _ = try ALSAMixer(card: "hw:7", control: "Master")
        } throws: { error in
            guard case .mixerFailed(let message) = error as? ALSAError else { return false }
            return message.contains("hw:7")
        }
    }

    @Test func withoutAMixerTheSpeakerKeepsASoftwareGain() async throws {
        _ = ALSATestDevices.installed
        let speaker = try SpeakerOutput(
            playback: ALSAPlayback(ALSAStreamRequest(device: ALSATestDevices.device("play_mono"))),
            synthesizer: SpeechSynthesizer(cacheDirectory: nil), volume: 60)
        defer { speaker.playback.stop() }
        #expect(speaker.mixer == nil)
        #expect(try await speaker.setVolume(.raise(30)) == 90)
        #expect(try await speaker.setVolume(.raise(30)) == 100)
        #expect(try await speaker.setVolume(.lower(45)) == 55)
        #expect(try await speaker.setVolume(.set(0)) == 0)
        #expect(speaker.volume == 0)
    }

    @Test func aVolumeChangeStaysWithinRange() {
        #expect(VolumeChange.set(140).applied(to: 10) == 100)
        #expect(VolumeChange.lower(20).applied(to: 10) == 0)
        #expect(VolumeChange.raise(5).applied(to: 10) == 15)
    }
}
