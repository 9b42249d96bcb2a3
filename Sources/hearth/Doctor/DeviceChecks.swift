import HearthAudio
import HearthBrain
import HearthDevice

/// The sound devices and the board's GPIO lines, opened as `hearth run`
/// opens them and closed again.
enum DeviceChecks {
    static func microphone(settings: Settings, channels: Int) -> DoctorCheck {
        let device = settings.audio.captureDevice
        let rate = settings.audio.sampleRate
        return DoctorCheck(name: "microphone") {
            do {
                let capture = try ALSACapture(ALSAStreamRequest(device: device, sampleRate: rate, channels: channels))
                capture.stop()
                return .ok("'\(device)' opens for recording at \(rate) Hz")
            } catch {
                return .problem("'\(device)' cannot be opened for recording (\(error)); `arecord -L` lists the devices")
            }
        }
    }

    static func speaker(settings: Settings) -> DoctorCheck {
        let device = settings.audio.playbackDevice
        let rate = settings.audio.sampleRate
        return DoctorCheck(name: "speaker") {
            do {
                let playback = try ALSAPlayback(ALSAStreamRequest(device: device, sampleRate: rate))
                playback.stop()
                return .ok("'\(device)' opens for playback at \(rate) Hz")
            } catch {
                return .problem("'\(device)' cannot be opened for playback (\(error)); `aplay -L` lists the devices")
            }
        }
    }

    /// Claims every line the profile uses and releases them: a chip that is
    /// missing, a line out of range or one held by another program shows here.
    static func gpio(board: BoardProfile?) -> DoctorCheck {
        DoctorCheck(name: "GPIO") {
            guard let board else { return .skipped("no board chosen (--board or board: in settings)") }
            guard let gpio = board.gpio else { return .skipped("board '\(board.name)' has no button or LED") }
            var claimed: [String] = []
            do {
                let chip = try gpio.openChip()
                for led in gpio.leds {
                    let output = try chip.requestOutput(line: led.line, consumer: "hearth-doctor", initialLevel: led.activeLow)
                    output.release()
                    claimed.append("LED line \(led.line)")
                }
                if let button = gpio.button {
                    let input = try chip.requestEdges(line: button.line, consumer: "hearth-doctor", bias: button.bias)
                    input.release()
                    claimed.append("button line \(button.line)")
                }
            } catch let error as GPIOError {
                if case .lineBusy = error {
                    return .problem("\(error) (stop the hearth service before running the doctor)")
                }
                return .problem("\(error); `gpiodetect` and `gpioinfo` show the chips and lines")
            } catch {
                return .problem("\(error)")
            }
            let lines = claimed.isEmpty ? "no lines" : claimed.joined(separator: " and ")
            return .ok("chip '\(gpio.chip)': \(lines) usable")
        }
    }
}
