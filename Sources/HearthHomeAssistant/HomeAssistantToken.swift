/// Home Assistant's long-lived access token. Every way of printing it (a log
/// line, an error, `String(describing:)`, a debugger's mirror) shows
/// `<hidden>`; only the request that carries it reads the value.
public struct HomeAssistantToken: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let value: String

    public init(_ value: String) {
        self.value = value
    }

    /// The `Authorization` header's value.
    var bearer: String { "Bearer \(value)" }

    public var description: String { "<hidden>" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
