import HearthBrain
import HearthRuntime
import Hummingbird

/// Reading and switching the deaf and mute states. Kalliope 0.4 served them
/// at `/deaf` and `/mute`, 0.7 under `/settings/`; Hearth serves both with
/// the same answers.
struct DeafMuteRoutes: APIRouteGroup {
    let runtime: Runtime
    /// `""` for the 0.4 paths, `"/settings"` for the 0.7 ones.
    let prefix: String
    let bodyLimit: Int

    var routes: [APIRoute] {
        [
            APIRoute(.get, prefix + "/deaf") { _, _ in await answerDeaf() },
            APIRoute(.post, prefix + "/deaf", setDeaf),
            APIRoute(.get, prefix + "/mute") { _, _ in await answerMute() },
            APIRoute(.post, prefix + "/mute", setMute),
        ]
    }

    @Sendable func setDeaf(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let body = try await RequestBody.read(request, limit: bodyLimit)
        try await runtime.applySettingsChange(.deaf(try body.required("deaf").isTruthyFlag))
        return await answerDeaf()
    }

    @Sendable func setMute(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let body = try await RequestBody.read(request, limit: bodyLimit)
        try await runtime.applySettingsChange(.mute(try body.required("mute").isTruthyFlag))
        return await answerMute()
    }

    private func answerDeaf() async -> Response {
        JSONResponse.make(["deaf": .bool(await runtime.isDeaf)])
    }

    private func answerMute() async -> Response {
        JSONResponse.make(["mute": .bool(await runtime.isMuted)])
    }
}
