import HearthBrain
import Hummingbird

/// `GET /` (the version, as Kalliope answers it) and `GET /openapi.json`.
struct RootRoutes: APIRouteGroup {
    let version: String

    var routes: [APIRoute] {
        let versionBody: Value = ["Kalliope version": .string(version)]
        let document = OpenAPIDocument.json(version: version)
        return [
            APIRoute(.get, "/") { _, _ in JSONResponse.make(versionBody) },
            APIRoute(.get, "/openapi.json") { _, _ in JSONResponse.make(document) },
        ]
    }
}
