import Foundation
import HearthBrain

/// How the Rasa Core API is served, from the `rasa:` section of settings:
///
/// ```yaml
/// rasa:
///   active: true          # default true: served on 127.0.0.1 only, unless host says otherwise
///   host: 127.0.0.1
///   port: 5005
///   token: a-secret       # then every conversation route needs ?token=a-secret
///   cors: "*"             # or one origin, or a list of origins
///   domain: domain.yml    # relative to the settings file's folder
///   stories: stories.md
/// ```
public struct RasaConfiguration: Sendable, CustomStringConvertible {
    /// The Rasa Core API version Hearth answers as (`GET /version`).
    public static let rasaVersion = "0.9.0"

    public var active = true
    public var host = "127.0.0.1"
    public var port = 5005
    /// Never logged, shown or returned; nil leaves the API open.
    public var token: String?
    /// CORS origins as `CrossOriginMiddleware` reads them: `*` or a comma-separated list.
    public var allowedCORSOrigin: String?
    /// Absolute paths of the domain and stories files, when configured.
    public var domainPath: String?
    public var storiesPath: String?
    public var maxBodySize = 1 << 20
    /// Keys of the section that were not understood.
    public var warnings: [String] = []

    public init() {}

    /// Reads the section; `baseDirectory` is the settings file's folder.
    public init(section: Value?, baseDirectory: String) throws(BrainLoadError) {
        guard let section, !section.isNull else { return }
        guard let fields = section.mapValue else { throw Self.error("'rasa' must be a map") }
        for key in fields.keys.sorted() {
            let field = fields[key]!
            switch key {
            case "active":
                guard case .bool(let flag) = field else { throw Self.error("'rasa.active' must be true or false") }
                active = flag
            case "host":
                guard let host = field.stringValue, !host.isEmpty else { throw Self.error("'rasa.host' must be an address") }
                self.host = host
            case "port":
                guard case .int(let port) = field, (0...65535).contains(port) else {
                    throw Self.error("'rasa.port' must be a number from 0 to 65535")
                }
                self.port = port
            case "token":
                token = field.isNull ? nil : field.displayText
            case "cors":
                switch field {
                case .null, .bool(false): allowedCORSOrigin = nil
                case .string(let origins): allowedCORSOrigin = origins
                case .list(let origins) where origins.allSatisfy({ $0.stringValue != nil }):
                    allowedCORSOrigin = origins.compactMap(\.stringValue).joined(separator: ",")
                default: throw Self.error("'rasa.cors' must be \"*\", an origin, or a list of origins")
                }
            case "domain", "stories":
                guard let path = field.stringValue, !path.isEmpty else { throw Self.error("'rasa.\(key)' must be a file path") }
                let absolute = path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
                if key == "domain" { domainPath = absolute } else { storiesPath = absolute }
            default:
                warnings.append("unknown setting 'rasa.\(key)' ignored (known: active, host, port, token, cors, domain, stories)")
            }
        }
    }

    private static func error(_ message: String) -> BrainLoadError { BrainLoadError(message: message) }

    /// Serving beyond this machine without a token lets anyone on the
    /// network read and write conversations.
    public var isOpenToNetwork: Bool {
        token == nil && !["127.0.0.1", "localhost", "::1"].contains(host)
    }

    public var description: String {
        "RasaConfiguration(host: \(host), port: \(port), token: \(token == nil ? "none" : "<hidden>"))"
    }
}
