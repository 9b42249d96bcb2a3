import Hummingbird
import NIOCore

/// The dashboard at `/dashboard`: its page and the files the page loads.
/// They hold no secret (the page asks for its token), so they are served
/// without authentication.
struct DashboardRoutes: APIRouteGroup {
    static let prefix = "/dashboard"

    let files: DashboardFiles

    var routes: [APIRoute] {
        [
            APIRoute(.get, Self.prefix) { _, _ in try serve("index.html") },
            APIRoute(.get, Self.prefix + "/:file") { _, context in
                try serve(context.parameters.require("file"))
            },
        ]
    }

    private func serve(_ name: String) throws -> Response {
        guard let file = files.file(named: name) else { throw APIError.routeNotFound }
        return Response(
            status: .ok,
            headers: [.contentType: file.contentType, .cacheControl: "no-cache"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }

    /// Whether `path` is one of the dashboard's.
    static func contains(path: String) -> Bool {
        path == prefix || path.hasPrefix(prefix + "/")
    }
}
