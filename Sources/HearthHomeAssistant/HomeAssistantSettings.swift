import Foundation
import HearthBrain

/// The `homeassistant` section of `settings.yml`:
///
/// ```yaml
/// homeassistant:
///   url: "http://homeassistant.local:8123"
///   token_file: "/etc/hearth/homeassistant-token"   # or token: "...", or $HEARTH_HOMEASSISTANT_TOKEN
///   language: "en"                                   # sent with conversation commands
///   timeout: 10                                      # seconds for every call
/// ```
///
/// Home Assistant is enabled exactly when `url` is set.
public struct HomeAssistantSettings: Sendable, Equatable {
    /// The environment variable that gives the token (it wins over the file
    /// and the setting, so a service manager can hold the secret).
    public static let tokenVariable = "HEARTH_HOMEASSISTANT_TOKEN"
    public static let defaultTimeout = 10.0

    /// Home Assistant's base address, without a trailing slash.
    public var url: String
    public var token: HomeAssistantToken
    /// The conversation language; nil lets Home Assistant use its own.
    public var language: String?
    /// Seconds any one call may take.
    public var timeout: Double

    public init(url: String, token: HomeAssistantToken, language: String? = nil, timeout: Double = Self.defaultTimeout) {
        self.url = url
        self.token = token
        self.language = language
        self.timeout = timeout
    }

    /// Reads the section; nil when Home Assistant is not configured (no
    /// section, or no `url`).
    public static func read(
        _ section: Value?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(HomeAssistantSettingsError) -> HomeAssistantSettings? {
        guard let section, !section.isNull else { return nil }
        guard let entries = section.mapValue else { throw .init("'homeassistant' must be a map (url, token, language, timeout)") }
        for key in entries.keys.sorted() where !Self.keys.contains(key) {
            throw .init("homeassistant.\(key) is not a Home Assistant setting (use \(Self.keys.sorted().joined(separator: ", ")))")
        }
        guard let rawURL = try text(entries["url"], "url"), !rawURL.isEmpty else { return nil }
        let url = try baseURL(rawURL)

        var timeout = defaultTimeout
        if let value = entries["timeout"], !value.isNull {
            guard let seconds = value.doubleValue, seconds.isFinite, seconds > 0 else {
                throw .init("homeassistant.timeout must be a number of seconds above 0")
            }
            timeout = seconds
        }
        let language = try text(entries["language"], "language").flatMap { $0.isEmpty ? nil : $0 }
        return HomeAssistantSettings(
            url: url, token: try token(entries, environment: environment), language: language, timeout: timeout)
    }

    static let keys: Set<String> = ["url", "token", "token_file", "language", "timeout"]

    private static func text(_ value: Value?, _ key: String) throws(HomeAssistantSettingsError) -> String? {
        guard let value, !value.isNull else { return nil }
        guard let text = value.stringValue else { throw .init("homeassistant.\(key) must be text") }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `http(s)://host[:port][/path]` without a trailing slash; credentials
    /// in the address are refused, as they would show wherever the URL does.
    private static func baseURL(_ text: String) throws(HomeAssistantSettingsError) -> String {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else {
            throw .init("homeassistant.url must be an http:// or https:// address, like http://homeassistant.local:8123")
        }
        guard components.user == nil && components.password == nil else {
            throw .init("homeassistant.url must not hold a login or password; give the token with token, token_file or \(tokenVariable)")
        }
        var url = text
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// The environment variable, else `token_file`, else `token`.
    private static func token(
        _ entries: [String: Value], environment: [String: String]
    ) throws(HomeAssistantSettingsError) -> HomeAssistantToken {
        if let value = environment[tokenVariable]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty {
            return HomeAssistantToken(value)
        }
        let inline = try text(entries["token"], "token")
        let file = try text(entries["token_file"], "token_file")
        if let inline, !inline.isEmpty, let file, !file.isEmpty {
            throw .init("give homeassistant.token or homeassistant.token_file, not both")
        }
        if let file, !file.isEmpty {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw .init("homeassistant.token_file '\(file)' cannot be read")
            }
            let value = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else { throw .init("homeassistant.token_file '\(file)' is empty") }
            return HomeAssistantToken(value)
        }
        if let inline, !inline.isEmpty { return HomeAssistantToken(inline) }
        throw .init("homeassistant.url is set but there is no token: set token, token_file or \(tokenVariable)")
    }
}

/// A `homeassistant` section Hearth cannot use. The message never quotes a
/// token.
public struct HomeAssistantSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}
