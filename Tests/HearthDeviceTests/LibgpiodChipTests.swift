import Foundation
import Testing
@testable import HearthDevice

/// The libgpiod backend without a chip: what can be checked here is that
/// it is built, linked and fails clearly.
@Suite struct LibgpiodChipTests {
    static let machineHasGPIO =
        ((try? FileManager.default.contentsOfDirectory(atPath: "/dev")) ?? []).contains { $0.hasPrefix("gpiochip") }

    @Test func missingChipIsAClearError() throws {
        #expect {
            try LibgpiodChip("hearth-no-such-chip")
        } throws: { error in
            guard case GPIOError.chipUnavailable(let chip, let reason) = error else { return false }
            return chip == "hearth-no-such-chip" && reason.contains("'hearth-no-such-chip'")
                && reason.contains("No such file or directory")
        }
    }

    @Test(.enabled(if: !machineHasGPIO, "for machines without /dev/gpiochip*"))
    func errorSaysWhenTheMachineHasNoGPIOAtAll() throws {
        #expect {
            try LibgpiodChip("gpiochip0")
        } throws: { error in
            "\(error)".contains("this machine has no /dev/gpiochip*")
        }
    }

    @Test(.enabled(if: !machineHasGPIO, "for machines without /dev/gpiochip*"))
    func boardProfileChipOpensThroughLibgpiod() throws {
        let gpio = BoardProfile.GPIO(chip: "pinctrl-rp1", leds: [], button: nil)
        #expect(throws: GPIOError.self) { try gpio.openChip() }
    }
}
