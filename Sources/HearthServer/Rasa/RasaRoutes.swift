import Foundation
import HearthBrain
import HearthDialogue
import Hummingbird
import NIOCore

/// Rasa Core 0.9's HTTP API (seeds 003 and 004), served over `Conversations`.
struct RasaRoutes: APIRouteGroup {
    let conversations: Conversations
    let bodyLimit: Int

    var routes: [APIRoute] {
        let hello = "hello from Rasa Core: \(RasaConfiguration.rasaVersion)"
        return [
            APIRoute(.get, "/") { _, _ in
                Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: hello)))
            },
            APIRoute(.get, "/version") { _, _ in JSONResponse.make(["version": .string(RasaConfiguration.rasaVersion)]) },
            APIRoute(.get, "/conversations") { _, _ in
                JSONResponse.make(.list(try await conversations.conversationIDs().map(Value.string)))
            },
            APIRoute(.post, "/conversations/:id/parse", parse),
            APIRoute(.get, "/conversations/:id/parse", parse),
            APIRoute(.post, "/conversations/:id/continue", continueConversation),
            APIRoute(.post, "/conversations/:id/respond", respond),
            APIRoute(.get, "/conversations/:id/respond", respond),
            APIRoute(.get, "/conversations/:id/tracker", tracker),
            APIRoute(.put, "/conversations/:id/tracker", replaceTracker),
            APIRoute(.post, "/conversations/:id/tracker/events", appendEvents),
        ]
    }

    @Sendable func parse(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let (sender, query) = try await senderAndQuery(request, context)
        return answer(try await conversations.parse(query, sender: sender))
    }

    @Sendable func respond(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let (sender, query) = try await senderAndQuery(request, context)
        return JSONResponse.make(.list(try await conversations.respond(query, sender: sender)))
    }

    @Sendable func continueConversation(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let sender = try senderID(context)
        let body = try await RequestBody.read(request, limit: bodyLimit)
        if let value = body.value, value.mapValue == nil {
            throw RasaError.badRequest("the body must be a JSON object {\"executed_action\": name or null, \"events\": [...]}")
        }
        let executedAction: String?
        switch body.fields["executed_action"] {
        case nil, .null?: executedAction = nil
        case .string(let name)?: executedAction = name
        default: throw RasaError.badRequest("'executed_action' must be an action name or null")
        }
        let events: [Value]
        switch body.fields["events"] {
        case nil, .null?: events = []
        case .list(let list)?: events = list
        default: throw RasaError.badRequest("'events' must be a list of events")
        }
        return answer(try await conversations.continueConversation(sender, executedAction: executedAction, events: events))
    }

    @Sendable func tracker(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let sender = try senderID(context)
        let query = request.uri.queryParameters
        let includeEvents = try flag(query["events"], named: "events", default: true)
        let ignoreRestarts = try flag(query["ignore_restarts"], named: "ignore_restarts", default: false)
        var until: Double?
        if let text = query["until"] {
            guard let time = Double(text), time.isFinite else { throw RasaError.badRequest("'until' must be a unix time in seconds") }
            until = time
        }
        let tracker = try await conversations.tracker(sender, until: until)
        guard includeEvents else { return JSONResponse.make(tracker.state(includeEvents: false)) }
        return JSONResponse.make(json: tracker.stateJSON(ignoreRestarts: ignoreRestarts))
    }

    @Sendable func replaceTracker(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let sender = try senderID(context)
        guard case .list(let events)? = try await RequestBody.read(request, limit: bodyLimit).value else {
            throw RasaError.badRequest("the body must be a JSON list of events")
        }
        let tracker = try await conversations.replaceEvents(sender, with: events)
        return JSONResponse.make(json: tracker.stateJSON(ignoreRestarts: true))
    }

    @Sendable func appendEvents(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let sender = try senderID(context)
        let events: [Value]
        switch try await RequestBody.read(request, limit: bodyLimit).value {
        case .list(let list)?: events = list
        // Rasa 0.9 took one event per call; later versions a list. Both are read.
        case .map(let event)?: events = [.map(event)]
        default: throw RasaError.badRequest("the body must be a JSON list of events")
        }
        let tracker = try await conversations.appendEvents(sender, events)
        return JSONResponse.make(tracker.state(includeEvents: false))
    }

    // MARK: Reading requests

    private func senderID(_ context: APIRequestContext) throws -> String {
        guard let raw = context.parameters.get("id") else { throw RasaError.notFound }
        // Foundation's decoding is slow for what most ids need: nothing.
        let id = raw.utf8.contains(UInt8(ascii: "%")) ? raw.removingPercentEncoding ?? raw : raw
        guard !id.isEmpty else { throw RasaError.badRequest("the conversation id is empty") }
        return id
    }

    /// The text to parse: `?q=`, else the body's `query` or `q`; any
    /// Content-Type (or none).
    private func senderAndQuery(_ request: Request, _ context: APIRequestContext) async throws -> (String, String) {
        let sender = try senderID(context)
        if let query = request.uri.queryParameters["q"] { return (sender, String(query)) }
        let body = try await RequestBody.read(request, limit: bodyLimit)
        guard case .string(let query)? = body.fields["query"] ?? body.fields["q"] else { throw RasaError.missingQuery }
        return (sender, query)
    }

    private func flag(_ text: Substring?, named name: String, default fallback: Bool) throws -> Bool {
        guard let text else { return fallback }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw RasaError.badRequest("'\(name)' must be true or false")
        }
    }

    private func answer(_ prediction: Conversations.Prediction) -> Response {
        var body: [String: Value] = [
            "next_action": prediction.nextAction.map(Value.string) ?? .null,
            "tracker": prediction.tracker.state(includeEvents: false),
        ]
        if let info = prediction.info { body["info"] = .string(info) }
        return JSONResponse.make(.map(body))
    }
}
