import HearthBrain
import HearthServer
import HummingbirdTesting
import Testing

/// The OpenAPI document describes exactly the routes the server registers.
@Suite struct OpenAPIDocumentTests {
    /// "METHOD /path" with OpenAPI's `{name}` for path parameters.
    static func registered(_ table: RouteTable) -> Set<String> {
        Set(table.routes.map { route in
            let path = route.path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            return "\(route.method.rawValue) /" + path.joined(separator: "/")
        })
    }

    static func documented(_ document: Value) throws -> Set<String> {
        let paths = try #require(document.mapValue?["paths"]?.mapValue)
        let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        var operations = Set<String>()
        for (path, item) in paths {
            for key in try #require(item.mapValue).keys where methods.contains(key) {
                operations.insert("\(key.uppercased()) \(path)")
            }
        }
        return operations
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        let api = try TestAPI()
        let registered = Self.registered(api.routeTable)
        try await api.test { client in
            let response = try await client.send(.get, "/openapi.json")
            #expect(response.status == .ok)
            let document = response.json
            #expect(document.mapValue?["openapi"] == "3.0.3")
            #expect(document.mapValue?["info"]?.mapValue?["version"] == "0.1.0")
            let documented = try Self.documented(document)
            #expect(registered.subtracting(documented).isEmpty, "undocumented: \(registered.subtracting(documented).sorted())")
            #expect(documented.subtracting(registered).isEmpty, "not served: \(documented.subtracting(registered).sorted())")
        }
    }

    @Test func everyReferenceInTheDocumentResolves() async throws {
        let api = try TestAPI()
        try await api.test { client in
            let document = try await client.send(.get, "/openapi.json").json
            var references: [String] = []
            func collect(_ value: Value) {
                switch value {
                case .map(let entries):
                    if case .string(let target)? = entries["$ref"] { references.append(target) }
                    entries.values.forEach(collect)
                case .list(let items): items.forEach(collect)
                default: break
                }
            }
            collect(document)
            #expect(!references.isEmpty)
            for reference in references {
                var node: Value? = document
                for part in reference.dropFirst(2).split(separator: "/") { node = node?.mapValue?[String(part)] }
                #expect(node != nil, "\(reference) does not resolve")
            }
        }
    }
}
