import HearthBrain
import HearthHomeAssistant
import HearthNeurons
import HearthRuntime

/// How the REST API is served: where it listens, who may call it, and the
/// limits it enforces. Built from `rest_api` in settings, with command-line
/// overrides applied by the caller.
public struct APIConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Nil when the API is open (`password_protected: false`).
    public var credentials: APICredentials?
    /// `allowed_cors_origin`: nil for no CORS headers, `*` for any origin,
    /// else one origin or several separated by commas.
    public var allowedCORSOrigin: String?
    /// Larger request bodies are refused with 413 before they are read.
    public var maxBodySize: Int
    /// Reported by `GET /` as the "Kalliope version".
    public var version: String
    /// The neurons a synapse posted to the API may use.
    public var neurons: NeuronRegistry
    /// Home Assistant, when settings configure it (`/api/homeassistant/*`).
    public var homeAssistant: HomeAssistant?
    /// Tokens, speakers, languages and the rest the control API (`/api/...`) needs.
    public var control: ControlServices
    /// The order history behind `GET /api/history`; nil when none is kept.
    public var history: (any RunHistory)?
    /// The dashboard page, and the browser microphone behind `WS /api/audio`.
    public var dashboard = DashboardConfiguration()

    public init(
        host: String = "127.0.0.1", port: Int = 5000, credentials: APICredentials? = nil,
        allowedCORSOrigin: String? = nil, maxBodySize: Int = 1 << 20,
        version: String = HearthVersion.current, neurons: NeuronRegistry = CoreNeurons.registry,
        homeAssistant: HomeAssistant? = nil,
        control: ControlServices = ControlServices()
    ) {
        self.host = host
        self.port = port
        self.credentials = credentials
        self.allowedCORSOrigin = allowedCORSOrigin
        self.maxBodySize = maxBodySize
        self.version = version
        self.neurons = neurons
        self.homeAssistant = homeAssistant
        self.control = control
    }

    /// The API as `settings.yml` describes it.
    public init(restAPI: Settings.RestAPI, neurons: NeuronRegistry = CoreNeurons.registry) {
        self.init(
            host: restAPI.host, port: restAPI.port,
            credentials: restAPI.passwordProtected
                ? APICredentials(login: restAPI.login, password: restAPI.password ?? "") : nil,
            allowedCORSOrigin: restAPI.allowedCORSOrigin, neurons: neurons)
    }
}

/// The one login and password the API accepts. Its descriptions never show
/// the password, so it cannot leak through a log line or an error by accident.
public struct APICredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public let login: String
    let password: String

    public init(login: String, password: String) {
        self.login = login
        self.password = password
    }

    /// Compares in time that depends only on the lengths of the expected
    /// values, so a caller cannot learn the password byte by byte.
    func accepts(login candidateLogin: String, password candidatePassword: String) -> Bool {
        let loginMatches = ConstantTime.equals(Array(candidateLogin.utf8), Array(login.utf8))
        let passwordMatches = ConstantTime.equals(Array(candidatePassword.utf8), Array(password.utf8))
        return loginMatches && passwordMatches
    }

    public var description: String { "APICredentials(login: \(login), password: <hidden>)" }
    public var debugDescription: String { description }
}
