import Foundation
import HearthBrain
import HearthRuntime
import Hummingbird

/// Kalliope's synapse API (0.4 and 0.7): list, show, add and delete
/// synapses, and run them by name, by order or (later) by audio.
struct KalliopeSynapseRoutes: APIRouteGroup {
    let runtime: Runtime
    let validator: BrainValidator
    let bodyLimit: Int

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/synapses", list),
            APIRoute(.post, "/synapses", add),
            APIRoute(.get, "/synapses/:name", show),
            APIRoute(.delete, "/synapses/:name", delete),
            APIRoute(.post, "/synapses/start/id/:name", runByName),
            APIRoute(.post, "/synapses/start/order", runByOrder),
            APIRoute(.post, "/synapses/start/audio", runByAudio),
            // Kalliope's API page shows these two URLs in its curl examples
            // (Kalliope itself answers 405 to them); they are kept working so
            // a command copied from that page does what the page says.
            APIRoute(.post, "/synapses/:name", runByName),
            APIRoute(.delete, "/synapses/start/id/:name", delete),
        ]
    }

    @Sendable func list(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let synapses = await runtime.brain.synapses
        return JSONResponse.make(["synapses": .list(synapses.map(\.serialized))])
    }

    @Sendable func show(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let name = try synapseName(context)
        guard let synapse = await runtime.brain.synapse(named: name) else { throw APIError.synapseNotFound(name) }
        return JSONResponse.make(["synapses": synapse.serialized])
    }

    @Sendable func add(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let body = try await RequestBody.read(request, limit: bodyLimit)
        _ = try body.required("name")
        var warnings: [(String, ValuePath)] = []
        let synapse: Synapse
        do {
            synapse = try SynapseParser(rejectUnknownSignals: true).parse(body.value ?? .null, warnings: &warnings)
        } catch {
            throw APIError.badRequest(error.description)
        }
        let brain = await runtime.brain
        if brain.contains(synapse.name) { throw APIError.duplicateSynapse(synapse.name) }
        let report = validator.validate(newSynapse: synapse, in: brain)
        guard report.isValid else {
            throw APIError.badRequest(report.errors.map(\.description).joined(separator: "; "))
        }
        try await runtime.addSynapse(synapse)
        for (message, _) in warnings { context.logger.warning("\(message)") }
        return JSONResponse.make(synapse.serialized, status: .created)
    }

    @Sendable func delete(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        try await runtime.removeSynapse(named: try synapseName(context))
        return JSONResponse.noContent()
    }

    @Sendable func runByName(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let name = try synapseName(context)
        let body = try await RequestBody.read(request, limit: bodyLimit)
        var parameters: [String: Value] = [:]
        if let given = body.fields["parameters"], !given.isNull {
            guard let entries = given.mapValue else { throw APIError.badRequest("'parameters' must be a map of names to values") }
            parameters = entries
        }
        let response = try await runtime.runSynapse(named: name, parameters: parameters, mute: body.flag("mute"), source: "api")
        return JSONResponse.make(response.json, status: .created)
    }

    @Sendable func runByOrder(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let body = try await RequestBody.read(request, limit: bodyLimit)
        guard case .string(let order) = try body.required("order") else {
            throw APIError.badRequest("'order' must be a string")
        }
        let response = await runtime.runOrder(order, source: "api", mute: body.flag("mute"))
        return JSONResponse.make(response.json, status: .created)
    }

    /// Speech to text arrives with the voice module; until then the route
    /// exists (so clients get a clear answer, not a 404) and says so.
    @Sendable func runByAudio(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        throw APIError.notImplemented("running a synapse from audio is not available yet: this Hearth has no speech-to-text engine")
    }

    /// The `:name` path segment, percent-decoded.
    private func synapseName(_ context: APIRequestContext) throws(APIError) -> String {
        guard let raw = context.parameters.get("name") else { throw .routeNotFound }
        return raw.removingPercentEncoding ?? raw
    }
}
