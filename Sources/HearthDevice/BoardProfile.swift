/// What Hearth needs to know about a board: its ALSA devices and how its LED
/// and button are wired. One YAML file per board in `board/`.
public struct BoardProfile: Sendable, Equatable {
    public struct Audio: Sendable, Equatable {
        public var captureDevice: String
        public var playbackDevice: String
        public var sampleRate: Int
        public var captureChannels: Int
    }

    public struct LED: Sendable, Equatable {
        public var name: String
        public var line: Int
        public var activeLow: Bool
    }

    public struct Button: Sendable, Equatable {
        public var line: Int
        public var activeLow: Bool
        public var bias: GPIOBias
        public var debounce: Duration
        public var longPress: Duration

        public var configuration: ButtonConfiguration {
            ButtonConfiguration(activeLow: activeLow, debounce: debounce, longPress: longPress)
        }
    }

    public struct GPIO: Sendable, Equatable {
        /// A chip descriptor for libgpiod (name, path, label or number), or
        /// "sim" for the in-process simulated chip.
        public var chip: String
        public var leds: [LED]
        public var button: Button?

        public var isSimulated: Bool { chip == BoardProfile.simulatedChip }
    }

    public static let simulatedChip = "sim"

    public var name: String
    public var description: String
    public var audio: Audio
    /// nil for boards without GPIO (a PC).
    public var gpio: GPIO?
}

extension BoardProfile.GPIO {
    /// Opens the chip this profile names: the simulated one for "sim".
    public func openChip() throws -> any GPIOChip {
        isSimulated ? SimulatedGPIOChip(name: chip) : try LibgpiodChip(chip)
    }
}
