import Foundation
import HearthBrain
import HearthRuntime
import HearthStore
import Hummingbird

/// `GET /api/history?limit=N`: the newest runs of the order history (what
/// the dashboard lists as recent orders), newest first.
struct HistoryRoutes: APIRouteGroup {
    static let defaultLimit = 20
    static let maximumLimit = 1000

    /// Nil when Hearth runs without a state store (nothing is kept).
    let history: (any RunHistory)?

    var routes: [APIRoute] {
        [APIRoute(.get, "/api/history", list)]
    }

    @Sendable func list(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let limit = try Self.limit(request.uri.queryParameters.get("limit"))
        let runs: [RunRecord]
        do {
            runs = try history?.recentRuns(limit: limit) ?? []
        } catch {
            throw APIError.unavailable("the order history cannot be read: \(error.detail)")
        }
        return JSONResponse.make(["history": .list(runs.map(Self.entry))])
    }

    static func limit(_ text: String?) throws -> Int {
        guard let text else { return defaultLimit }
        guard let limit = Int(text), (1...maximumLimit).contains(limit) else {
            throw APIError.badRequest("'limit' must be a whole number from 1 to \(maximumLimit)")
        }
        return limit
    }

    static func entry(_ run: RunRecord) -> Value {
        [
            "time": .string(run.time.formatted(.iso8601)),
            "source": .string(run.source),
            "order": run.order.map(Value.string) ?? .null,
            "synapses": .list(run.synapses.map(Value.string)),
            "status": run.status.map(Value.string) ?? .null,
            "duration": .double(run.duration),
        ]
    }
}
