import AsyncHTTPClient
import HearthBrain
import NIOCore

/// `homeassistant: {url, token}` in settings: does `<url>/api/` answer the
/// token? The token goes only into the request's header, never into a line
/// the doctor prints.
enum HomeAssistantCheck {
    static func reachable(settings: Settings) -> DoctorCheck {
        let section = settings.sections["homeassistant"]?.mapValue
        let url = section?["url"]?.stringValue
        let token = section?["token"]?.stringValue
        return DoctorCheck(name: "Home Assistant") {
            guard let url, !url.isEmpty else { return .skipped("no homeassistant.url in settings") }
            let base = url.hasSuffix("/") ? String(url.dropLast()) : url
            var request = HTTPClientRequest(url: base + "/api/")
            if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
            do {
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
                _ = try? await response.body.collect(upTo: 64 * 1024)
                switch response.status.code {
                case 200..<300: return .ok("\(base) answers")
                case 401, 403: return .problem("\(base) refused the token (homeassistant.token); make a long-lived access token in your Home Assistant profile")
                default: return .problem("\(base)/api/ answered \(response.status.code) \(response.status.reasonPhrase)")
                }
            } catch {
                return .problem("cannot reach \(base) (\(error)); is the address right and Home Assistant running?")
            }
        }
    }
}
