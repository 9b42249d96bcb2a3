import HearthBrain
import HearthHomeAssistant
import Hummingbird

/// The control API's Home Assistant routes. They are served whether or not
/// Home Assistant is configured, so a client can always ask: the status
/// says `enabled: false`, and a command is refused with 503.
///
/// Scopes, once the control API has tokens: status needs `read`, command
/// needs `control`.
struct HomeAssistantRoutes: APIRouteGroup {
    let homeAssistant: HomeAssistant?
    let bodyLimit: Int

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/homeassistant/status") { _, _ in status() },
            APIRoute(.post, "/api/homeassistant/command", command),
        ]
    }

    /// `{enabled, connected, url, language}`; never the token.
    func status() -> Response {
        guard let homeAssistant else {
            return JSONResponse.make(["enabled": false, "connected": false, "url": nil, "language": nil])
        }
        return JSONResponse.make([
            "enabled": true,
            "connected": .bool(homeAssistant.isConnected),
            "url": .string(homeAssistant.settings.url),
            "language": homeAssistant.settings.language.map(Value.string) ?? .null,
        ])
    }

    /// `{"text", "language"?}` → `{"response": <Home Assistant's answer>, "command": <text>}`.
    @Sendable func command(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let (text, language) = try await readCommand(request)
        guard let homeAssistant else { throw APIError.unavailable("Home Assistant is not configured") }
        guard homeAssistant.isConnected else { throw APIError.unavailable("Home Assistant is not connected") }
        let answer: ConversationAnswer
        do throws(HomeAssistantError) {
            answer = try await homeAssistant.converse(text, language: language)
        } catch {
            throw error.isConnectionFailure ? APIError.unavailable(error.description) : APIError.badGateway(error.description)
        }
        guard !answer.speech.isEmpty else { throw APIError.badGateway("Home Assistant gave an empty answer") }
        return JSONResponse.make(["response": .string(answer.speech), "command": .string(text)])
    }

    private func readCommand(_ request: Request) async throws -> (text: String, language: String?) {
        let body: RequestBody
        do {
            body = try await RequestBody.read(request, limit: bodyLimit)
        } catch APIError.badRequest(let message) {
            throw APIError.badRequest(message)
        }
        guard let fields = body.value?.mapValue else {
            throw APIError.badRequest(#"the body must be a JSON object: {"text": "...", "language": "en"}"#)
        }
        guard let text = fields["text"]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            throw APIError.badRequest("'text' must be a non-empty string")
        }
        var language: String?
        if let value = fields["language"], !value.isNull {
            guard let code = value.stringValue, !code.isEmpty else { throw APIError.badRequest("'language' must be a language code") }
            language = code
        }
        return (text, language)
    }
}
