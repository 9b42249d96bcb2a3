import AsyncHTTPClient
import HearthBrain
import NIOCore
import NIOHTTP1

/// A JSON answer from the API.
struct APIAnswer {
    let status: Int
    let json: Value
}

extension HTTPClient {
    func call(_ method: HTTPMethod, _ url: String, json body: Value? = nil) async throws -> APIAnswer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: JSON.encode(body)))
        }
        let response = try await execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 22)
        let text = String(buffer: bytes)
        return APIAnswer(status: Int(response.status.code), json: text.isEmpty ? .null : try JSON.decode(text))
    }
}
