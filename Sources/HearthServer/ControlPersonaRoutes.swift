import Foundation
import HearthBrain
import HearthRuntime
import Hummingbird

/// How Hearth speaks: languages, souls and the TTS test.
struct ControlPersonaRoutes: APIRouteGroup {
    let runtime: Runtime
    let languages: any LanguageCatalog
    let bodyLimit: Int

    static let defaultTestText = "Hello, I am Hearth."

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/languages", listLanguages),
            APIRoute(.post, "/api/language", switchLanguage),
            APIRoute(.get, "/api/souls", listSouls),
            APIRoute(.get, "/api/soul/current", currentSoul),
            APIRoute(.post, "/api/soul", switchSoul),
            APIRoute(.post, "/api/tts/test", testSpeech),
        ]
    }

    private var persona: PersonaSwitch { PersonaSwitch(runtime: runtime, languages: languages) }

    @Sendable func listLanguages(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        JSONResponse.make([
            "current": .string(await runtime.settings.language),
            "available": .list(languages.languages().map { .string($0.code) }),
        ])
    }

    @Sendable func switchLanguage(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let code = try await RequestBody.read(request, limit: bodyLimit).text("language")
        try await persona.switchLanguage(to: code)
        return JSONResponse.make(["language": .string(code)])
    }

    @Sendable func listSouls(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let active = await runtime.soul.id
        return JSONResponse.make([
            "souls": .list(await runtime.souls.map { soul in
                var entry = Self.describe(soul)
                entry["active"] = .bool(soul.id == active)
                return .map(entry)
            })
        ])
    }

    @Sendable func currentSoul(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        JSONResponse.make(.map(Self.describe(await runtime.soul)))
    }

    @Sendable func switchSoul(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let id = try await RequestBody.read(request, limit: bodyLimit).text("soul")
        try await persona.switchSoul(to: id)
        let soul = await runtime.soul
        return JSONResponse.make([
            "soul": .string(soul.id), "name": .string(soul.name), "nsfw": .bool(soul.nsfw),
            "model": soul.model.map(Value.string) ?? .null,
        ])
    }

    /// Answers at once; the text is spoken after whatever runs now, in the
    /// current voice. With mute on nothing is spoken and the status says so.
    @Sendable func testSpeech(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let body = try await RequestBody.read(request, limit: bodyLimit)
        var text = Self.defaultTestText
        if let given = body.fields["text"], !given.isNull {
            guard let words = given.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines), !words.isEmpty else {
                throw APIError.badRequest("'text' must be the words to speak")
            }
            text = words
        }
        guard !(await runtime.isMuted) else { return JSONResponse.make(["status": "muted", "text": .string(text)]) }
        let runtime = runtime
        Task { _ = await runtime.speakText(text) }
        return JSONResponse.make(["status": "speaking", "text": .string(text)])
    }

    static func describe(_ soul: Soul) -> [String: Value] {
        [
            "id": .string(soul.id), "name": .string(soul.name), "description": .string(soul.description),
            "nsfw": .bool(soul.nsfw), "model": soul.model.map(Value.string) ?? .null,
        ]
    }
}

extension RequestBody {
    /// A required text field of the control API's bodies.
    func text(_ key: String) throws(APIError) -> String {
        guard let field = fields[key] else { throw .badRequest("'\(key)' is required") }
        guard let text = field.stringValue, !text.isEmpty else { throw .badRequest("'\(key)' must be a non-empty string") }
        return text
    }
}
