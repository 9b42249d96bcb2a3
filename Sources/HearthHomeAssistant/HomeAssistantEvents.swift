import HearthRuntime

/// Runtime events of the Home Assistant module, on the runtime's event bus.
extension RuntimeEvent.Kind {
    /// The probe reached Home Assistant after it was unknown or down: `{url}`.
    public static let homeAssistantConnected = RuntimeEvent.Kind(rawValue: "HA_CONNECTED")
    /// Home Assistant stopped answering, or refuses the token: `{url, error}`.
    public static let homeAssistantDisconnected = RuntimeEvent.Kind(rawValue: "HA_DISCONNECTED")
    /// A conversation command left for Home Assistant: `{text, language}`.
    public static let homeAssistantCommandSent = RuntimeEvent.Kind(rawValue: "HA_COMMAND_SENT")
    /// Home Assistant's answer to it: `{text, response, response_type}` or `{text, error}`.
    public static let homeAssistantCommandResponse = RuntimeEvent.Kind(rawValue: "HA_COMMAND_RESPONSE")
    /// A service call and its outcome: `{domain, service, changed}` or `{domain, service, error}`.
    public static let homeAssistantServiceCalled = RuntimeEvent.Kind(rawValue: "HA_SERVICE_CALLED")
}
