import HearthBrain

/// The `wyoming` section of `settings.yml`:
///
/// ```yaml
/// wyoming:
///   enabled: true            # default false: the server lets any host on the LAN hear orders
///   port: 10700
///   name: "Kitchen Hearth"   # the device name Home Assistant shows
///   area: "Kitchen"
///   mode: local_first        # or home_assistant
/// ```
public struct WyomingSettings: Sendable, Equatable {
    /// Who answers what is said after the wake word.
    public enum Mode: String, Sendable, CaseIterable {
        /// Hearth's brain answers the orders it knows; only speech it does
        /// not understand, or that matches no order, goes to Home Assistant.
        case localFirst = "local_first"
        /// Everything said after the wake word goes to Home Assistant.
        case homeAssistant = "home_assistant"
    }

    /// Off unless asked for: Wyoming has no authentication, and whoever
    /// connects hears every order said after the wake word.
    public var enabled = false
    public var host = "0.0.0.0"
    public var port = 10700
    public var name = "Hearth"
    public var area: String?
    public var mode = Mode.localFirst

    public init() {}

    /// Reads the section; each value it cannot use is named in a warning
    /// and its default kept.
    public static func parse(_ section: Value?) -> (settings: WyomingSettings, warnings: [String]) {
        var settings = WyomingSettings()
        guard let section, !section.isNull else { return (settings, []) }
        guard let entries = section.mapValue else {
            return (settings, ["'wyoming' must be a map (enabled, port, name, area, mode); the Wyoming satellite stays off"])
        }
        var warnings: [String] = []
        for (key, value) in entries.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "enabled":
                if case .bool(let flag) = value { settings.enabled = flag } else { warnings.append("wyoming.enabled must be true or false; keeping \(settings.enabled)") }
            case "host":
                if let host = value.stringValue, !host.isEmpty { settings.host = host } else { warnings.append("wyoming.host must be an address; keeping \(settings.host)") }
            case "port":
                if let port = value.intValue, (0...65535).contains(port) { settings.port = port } else {
                    warnings.append("wyoming.port must be from 0 to 65535; keeping \(settings.port)")
                }
            case "name":
                if let name = value.stringValue, !name.isEmpty { settings.name = name } else { warnings.append("wyoming.name must be text; keeping '\(settings.name)'") }
            case "area":
                if value.isNull { settings.area = nil } else if let area = value.stringValue { settings.area = area } else { warnings.append("wyoming.area must be text; ignored") }
            case "mode":
                if let mode = value.stringValue.flatMap(Mode.init(rawValue:)) { settings.mode = mode } else {
                    warnings.append("wyoming.mode must be local_first or home_assistant; keeping \(settings.mode.rawValue)")
                }
            default:
                warnings.append("wyoming.\(key) is not a Wyoming setting; ignored")
            }
        }
        return (settings, warnings)
    }
}
