import Foundation

/// The dashboard's files (plain HTML, CSS and JavaScript, no build step):
/// read from a folder on disk when there is one (`/usr/share/hearth/dashboard`
/// in the Debian package), else the copies built into the binary, so a
/// checkout's `hearth run` serves the dashboard too.
struct DashboardFiles: Sendable {
    struct File: Sendable, Equatable {
        var bytes: [UInt8]
        var contentType: String
    }

    /// Where the packaged dashboard is installed.
    static let installedDirectory = "/usr/share/hearth/dashboard"

    /// The files the dashboard is made of, as built in. Only these names are
    /// served, from disk or not, so a request cannot reach another file.
    static let embedded: [String: [UInt8]] = [
        "index.html": PackageResources.index_html,
        "dashboard.css": PackageResources.dashboard_css,
        "dashboard.js": PackageResources.dashboard_js,
        "microphone-worklet.js": PackageResources.microphone_worklet_js,
        "icon.svg": PackageResources.icon_svg,
        "manifest.webmanifest": PackageResources.manifest_webmanifest,
    ]

    /// The folder read before the built-in copies; nil when none exists.
    let directory: String?

    /// `directory` if given, else the installed folder when present.
    init(directory: String? = nil) {
        if let directory {
            self.directory = directory
        } else {
            var isFolder: ObjCBool = false
            let installed = FileManager.default.fileExists(atPath: Self.installedDirectory, isDirectory: &isFolder) && isFolder.boolValue
            self.directory = installed ? Self.installedDirectory : nil
        }
    }

    /// The file called `name`, or nil when the dashboard has no such file.
    func file(named name: String) -> File? {
        guard let builtIn = Self.embedded[name] else { return nil }
        var bytes = builtIn
        if let directory, let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name)) {
            bytes = [UInt8](data)
        }
        return File(bytes: bytes, contentType: Self.contentType(of: name))
    }

    static func contentType(of name: String) -> String {
        switch (name as NSString).pathExtension {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "webmanifest": return "application/manifest+json"
        default: return "application/octet-stream"
        }
    }
}
