import HearthBrain
import Hummingbird
import NIOCore

/// The JSON body of a request, read once and within the size limit.
///
/// Kalliope reads bodies with Flask's `get_json()`; Hearth reads any body as
/// JSON whatever its Content-Type, because `curl -d` without `-H` is the
/// most common way these calls are made by hand.
struct RequestBody {
    /// Nil when the request had no body.
    let value: Value?

    static func read(_ request: Request, limit: Int) async throws -> RequestBody {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw APIError.bodyTooLarge(limit: limit)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError.bodyTooLarge(limit: limit)
        }
        let bytes = Array(buffer.readableBytesView)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return RequestBody(value: nil)
        }
        do {
            return RequestBody(value: try JSON.decode(bytes))
        } catch {
            throw APIError.badRequest("the body is not valid JSON: \(error.description)")
        }
    }

    /// The body's top-level keys; empty when it is absent or not an object.
    var fields: [String: Value] { value?.mapValue ?? [:] }

    /// A key the call cannot do without: Kalliope's "Wrong parameters" when
    /// the body is absent, not an object, or lacks the key.
    func required(_ key: String) throws(APIError) -> Value {
        guard let field = fields[key] else { throw .missingParameter(key) }
        return field
    }

    /// A boolean flag (`mute`, `deaf`) in Kalliope's lenient spelling.
    func flag(_ key: String) -> Bool {
        fields[key]?.isTruthyFlag ?? false
    }

    /// The whole body as a map, for calls whose body is the map itself
    /// (`/settings/hooks`, `/settings/variables`).
    func map(describedAs what: String) throws(APIError) -> [String: Value] {
        guard let value, !isEmptyValue(value) else { throw .badRequest("No parameters provided") }
        guard let entries = value.mapValue else { throw .badRequest("\(what) must be a dictionary") }
        return entries
    }

    private func isEmptyValue(_ value: Value) -> Bool {
        switch value {
        case .null: return true
        case .map(let entries): return entries.isEmpty
        default: return false
        }
    }
}
