import Foundation
import Hummingbird
import Logging

/// One log line per request: method, path, query, status and duration. A
/// `token` in the query (how browsers pass the control API's token to a
/// WebSocket) is logged as `REDACTED`; headers and bodies (credentials,
/// orders) are left out.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status.code, since: start, logger: context.logger)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, status: status, since: start, logger: context.logger)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, since start: ContinuousClock.Instant, logger: Logger) {
        let microseconds = Int((ContinuousClock.now - start) / .microseconds(1))
        var metadata: Logger.Metadata = [
            "method": "\(request.method.rawValue)",
            "path": "\(request.uri.path)",
            "status": "\(status)",
            "duration_us": "\(microseconds)",
        ]
        if let query = request.uri.query, !query.isEmpty { metadata["query"] = "\(Self.redacted(query: query))" }
        logger.info("request", metadata: metadata)
    }

    /// The query with the value of every `token` parameter replaced.
    static func redacted(query: String) -> String {
        query.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            let name = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return (name.removingPercentEncoding ?? String(name)).lowercased() == "token" ? "\(name)=REDACTED" : String(pair)
        }.joined(separator: "&")
    }
}
