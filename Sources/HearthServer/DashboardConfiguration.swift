import HearthBrain
import HearthRuntime

/// `dashboard:` in settings: where the page's files are read from, and how
/// many browsers may use their microphone at once.
public struct DashboardConfiguration: Sendable {
    /// A folder with the dashboard's files; nil for the installed folder
    /// when present, else the files built into Hearth.
    public var directory: String?
    /// At most this many `/api/audio` clients at once; one more gets 429.
    public var maxClients = 3
    /// Speech to text and answers for `/api/audio`; nil when Hearth has no
    /// speech engines (the route then answers 503).
    public var microphone: (any RemoteMicrophone)?

    public init(directory: String? = nil, maxClients: Int = 3, microphone: (any RemoteMicrophone)? = nil) {
        self.directory = directory
        self.maxClients = maxClients
        self.microphone = microphone
    }

    /// Reads `dashboard: {directory, max_clients}`; returns warnings for
    /// values it cannot use (the defaults stay).
    public mutating func apply(section: Value?) -> [String] {
        guard let section else { return [] }
        guard let entries = section.mapValue else { return ["'dashboard' must be a map (directory, max_clients); ignored"] }
        var warnings: [String] = []
        for (key, value) in entries {
            switch (key, value) {
            case ("directory", .string(let path)):
                directory = path
            case ("max_clients", .int(let count)) where count >= 1:
                maxClients = count
            case ("directory", _), ("max_clients", _):
                warnings.append("dashboard.\(key) has an unusable value; the default is kept")
            default:
                warnings.append("dashboard.\(key) is not a Hearth setting; ignored")
            }
        }
        return warnings
    }
}
