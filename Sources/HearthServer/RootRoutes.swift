import HearthBrain
import Hummingbird

/// `GET /` (the version, as Kalliope answers it, or a redirect to the
/// dashboard for a browser) and `GET /openapi.json`.
struct RootRoutes: APIRouteGroup {
    let version: String

    var routes: [APIRoute] {
        let versionBody: Value = ["Kalliope version": .string(version)]
        // Kept encoded: the document as values is ~0.5 MB of small objects.
        let document = JSON.encode(OpenAPIDocument.json(version: version))
        return [
            APIRoute(.get, "/") { request, _ in
                guard !Self.isBrowserPage(request) else {
                    return Response(status: .found, headers: [.location: DashboardRoutes.prefix])
                }
                return JSONResponse.make(versionBody)
            },
            APIRoute(.get, "/openapi.json") { _, _ in JSONResponse.make(json: document) },
        ]
    }

    /// A browser opening `/` asks for HTML first; API clients (curl, Kalliope's
    /// clients) ask for anything or JSON and keep getting the version.
    static func isBrowserPage(_ request: Request) -> Bool {
        request.uri.path == "/" && request.headers[values: .accept].contains { $0.contains("text/html") }
    }
}
