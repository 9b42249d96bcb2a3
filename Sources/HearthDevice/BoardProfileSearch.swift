import Foundation

extension BoardProfile {
    /// Where `--board NAME` is looked for, first match wins: `$HEARTH_BOARD_DIR`,
    /// `board/` in the working folder (a source checkout), then the folder
    /// the Debian package installs.
    public static func searchDirectories(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) -> [URL] {
        var directories: [URL] = []
        if let given = environment["HEARTH_BOARD_DIR"], !given.isEmpty { directories.append(URL(fileURLWithPath: given)) }
        directories.append(URL(fileURLWithPath: workingDirectory).appendingPathComponent("board"))
        directories.append(URL(fileURLWithPath: installedDirectory))
        return directories
    }

    public static let installedDirectory = "/usr/share/hearth/board"

    /// A profile by name from the first search folder that has it, or by
    /// path when `nameOrPath` names a file (`./my-board.yml`).
    public static func find(_ nameOrPath: String, in directories: [URL] = searchDirectories()) throws -> BoardProfile {
        if nameOrPath.contains("/") || fileExtensions.contains((nameOrPath as NSString).pathExtension) {
            return try load(from: URL(fileURLWithPath: nameOrPath))
        }
        for directory in directories {
            for fileExtension in fileExtensions
            where FileManager.default.fileExists(atPath: directory.appendingPathComponent("\(nameOrPath).\(fileExtension)").path) {
                return try named(nameOrPath, in: directory)
            }
        }
        let known = Set(directories.flatMap(availableNames(in:))).sorted()
        throw BoardProfileError(
            file: directories.map(\.path).joined(separator: ", "), key: "",
            message: "no board profile '\(nameOrPath)'"
                + (known.isEmpty ? " (no profiles found)" : "; known boards: \(known.joined(separator: ", "))"))
    }
}
