import AsyncHTTPClient
import Foundation
import HearthBrain
import HearthRuntime
import NIOCore
import NIOHTTP1

/// Calls a URL. Parameters: `url`, `method` (GET), `headers`, `data` or
/// `data_from_file`, `user`/`password` (basic auth), `timeout` (seconds).
/// Outputs `status_code`, `content` (decoded when it is JSON) and
/// `response_header`.
public struct URI: Neuron {
    public static let name = "uri"
    public init() {}

    static let methods: Set<String> = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]
    static let maximumBody = 4 << 20

    public static func validate(_ parameters: [String: Value]) -> String? {
        guard parameters["url"]?.stringValue != nil else { return "uri needs a 'url'" }
        if let method = parameters["method"]?.stringValue, !methods.contains(method.uppercased()) {
            return "unknown method '\(method)' (use one of \(methods.sorted().joined(separator: ", ")))"
        }
        if parameters["data"] != nil && parameters["data_from_file"] != nil {
            return "give 'data' or 'data_from_file', not both"
        }
        return nil
    }

    public func run(_ parameters: [String: Value], context: NeuronContext) async throws -> NeuronResult {
        if let problem = Self.validate(parameters) { throw NeuronParameterError(problem) }
        let url = try parameters.requiredString("url")
        let method = (try parameters.optionalString("method") ?? "GET").uppercased()
        let timeout = try parameters.optionalNumber("timeout") ?? 30

        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        if let headers = parameters["headers"]?.mapValue {
            for (name, value) in headers { request.headers.add(name: name, value: value.displayText) }
        }
        if let user = try parameters.optionalString("user") {
            let password = try parameters.optionalString("password") ?? ""
            let token = Data("\(user):\(password)".utf8).base64EncodedString()
            request.headers.replaceOrAdd(name: "Authorization", value: "Basic \(token)")
        }
        if let data = parameters["data"], !data.isNull {
            let body = data.stringValue ?? JSON.encode(data)
            request.body = .bytes(ByteBuffer(string: body))
        } else if let file = try parameters.optionalString("data_from_file") {
            let path = context.resolvePath(file)
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw NeuronParameterError("data_from_file '\(file)' cannot be read")
            }
            request.body = .bytes(ByteBuffer(bytes: contents))
        }

        let response = try await HTTPClient.shared.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
        let body = try await response.body.collect(upTo: Self.maximumBody)
        let text = String(buffer: body)
        var content: Value = .string(text)
        if response.headers.first(name: "content-type")?.lowercased().contains("json") == true,
            let decoded = try? JSON.decode(text)
        {
            content = decoded
        }
        var headers: [String: Value] = [:]
        for (name, value) in response.headers { headers[name] = .string(value) }
        return NeuronResult(outputs: [
            "status_code": .int(Int(response.status.code)),
            "content": content,
            "response_header": .map(headers),
        ])
    }
}
