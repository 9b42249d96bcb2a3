import HearthBrain
import Hummingbird
import NIOCore

/// Answers with a JSON body, written by `JSON.encode` so keys come out sorted
/// as Kalliope's Flask answers do.
enum JSONResponse {
    static func make(_ value: Value, status: HTTPResponse.Status = .ok) -> Response {
        make(json: JSON.encode(value), status: status)
    }

    /// Answers with JSON text already written.
    static func make(json text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// 204: an answer with no body at all.
    static func noContent() -> Response {
        Response(status: .noContent)
    }
}
