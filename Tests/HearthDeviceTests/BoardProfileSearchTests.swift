import Foundation
import Testing
import HearthDevice

@Suite struct BoardProfileSearchTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theSearchGoesFromTheEnvironmentToTheCheckoutToTheInstalledFolder() {
        let directories = BoardProfile.searchDirectories(environment: ["HEARTH_BOARD_DIR": "/opt/boards"], workingDirectory: "/src/hearth")
        #expect(directories.map(\.path) == ["/opt/boards", "/src/hearth/board", "/usr/share/hearth/board"])
        #expect(BoardProfile.searchDirectories(environment: [:], workingDirectory: "/").map(\.path) == ["/board", "/usr/share/hearth/board"])
    }

    @Test func aNameIsFoundInTheFirstFolderThatHasIt() throws {
        let own = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-boards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: own) }
        try "name: sim\ndescription: my own\naudio:\n  capture: hw:1\n  playback: hw:1\n"
            .write(to: own.appendingPathComponent("sim.yml"), atomically: true, encoding: .utf8)
        let checkout = Self.repository.appendingPathComponent("board")

        #expect(try BoardProfile.find("sim", in: [own, checkout]).description == "my own")
        #expect(try BoardProfile.find("rpi5-2mic-hat", in: [own, checkout]).gpio?.chip == "pinctrl-rp1")
        #expect(try BoardProfile.find(checkout.appendingPathComponent("generic-x86.yml").path, in: []).gpio == nil)
    }

    @Test func anUnknownNameListsTheBoardsThereAre() {
        #expect {
            try BoardProfile.find("pi9", in: [Self.repository.appendingPathComponent("board")])
        } throws: { error in
            let message = (error as? BoardProfileError)?.message ?? ""
            return message.hasPrefix("no board profile 'pi9'; known boards: generic-x86, rpi-usb-mic,")
        }
    }
}
