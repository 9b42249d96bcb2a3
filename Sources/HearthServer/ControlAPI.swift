import HTTPTypes

/// The device control API: everything under `/api/`. Bearer tokens guard it
/// (not Kalliope's basic auth), its errors are flat JSON, and each route
/// needs one scope.
public enum ControlAPI {
    public static let prefix = "/api"

    /// True for `/api` and every path under it.
    public static func contains(path: String) -> Bool {
        path == prefix || path.hasPrefix(prefix + "/")
    }

    /// The scope a request needs: reading (GETs, WebSocket upgrades) needs
    /// `read`; the TTS test `tts`; speaker changes `speakers`; restart and
    /// shutdown `admin`; every other change `control`.
    public static func requiredScope(method: HTTPRequest.Method, path: String) -> AccessScope {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        if method == .get || method == .head { return .read }
        switch segments.dropFirst().first {
        case "tts": return .tts
        case "speakers": return .speakers
        case "restart", "shutdown": return .admin
        default: return .control
        }
    }
}
