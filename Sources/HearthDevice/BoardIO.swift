/// A board's LEDs and button, set up from its profile: what the runtime
/// holds. Boards without GPIO get an object that does nothing.
public final class BoardIO: Sendable {
    public let chip: (any GPIOChip)?
    private let leds: LEDDriver?
    private let button: ButtonMonitor?

    /// Opens the profile's chip, claims its lines and starts the LED and
    /// button threads; `onButton` runs on the button thread.
    public convenience init(profile: BoardProfile, consumer: String = "hearth",
                            onButton: @escaping @Sendable (ButtonEvent) -> Void) throws {
        try self.init(profile: profile, chip: profile.gpio?.openChip(), consumer: consumer, onButton: onButton)
    }

    /// The same on a chip the caller opened (a simulated chip a test drives).
    public init(profile: BoardProfile, chip: (any GPIOChip)?, consumer: String = "hearth",
                onButton: @escaping @Sendable (ButtonEvent) -> Void) throws {
        guard let gpio = profile.gpio, let chip else {
            self.chip = nil
            leds = nil
            button = nil
            return
        }
        var lines: [LEDLine] = []
        do {
            for led in gpio.leds {
                let output = try chip.requestOutput(line: led.line, consumer: "\(consumer)-\(led.name)",
                                                    initialLevel: led.activeLow)
                lines.append(LEDLine(output: output, activeLow: led.activeLow))
            }
            button = try gpio.button.map { wiring in
                try ButtonMonitor(chip: chip, line: wiring.line, configuration: wiring.configuration,
                                  bias: wiring.bias, consumer: "\(consumer)-button", handler: onButton)
            }
        } catch {
            for line in lines { line.output.release() }
            throw error
        }
        self.chip = chip
        leds = lines.isEmpty ? nil : LEDDriver(leds: StatusLEDs(lines: lines), clock: { chip.now() })
        leds?.start()
        button?.start()
    }

    public func show(_ state: IndicatorState) { leds?.show(state) }

    /// Stops both threads and leaves the LEDs off.
    public func stop() {
        button?.stop()
        leds?.stop()
    }
}
