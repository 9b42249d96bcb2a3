import Foundation

/// Where Hearth keeps its state database: `--state-dir` when given, else the
/// folder systemd prepares for the service (`StateDirectory=hearth` sets
/// `$STATE_DIRECTORY`, i.e. /var/lib/hearth), else `./state`.
enum StateDirectory {
    static func resolve(_ given: String?) -> String {
        let chosen = given ?? ProcessInfo.processInfo.environment["STATE_DIRECTORY"].flatMap(firstPath) ?? "state"
        return URL(fileURLWithPath: chosen).standardizedFileURL.path
    }

    /// systemd lists several folders separated by colons when a unit has several.
    private static func firstPath(_ list: String) -> String? {
        list.split(separator: ":").first.map(String.init)
    }
}
