import Foundation
import HearthBrain
import HearthRuntime
import HearthStore
import Hummingbird

/// Speaker profiles: list, add, delete, block and unblock, with the owner
/// protected (never deleted or blocked, never a second one).
struct SpeakerRoutes: APIRouteGroup {
    let store: any SpeakerProfileStore
    let bodyLimit: Int

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/speakers", list),
            APIRoute(.post, "/api/speakers", add),
            APIRoute(.delete, "/api/speakers/:id", delete),
            APIRoute(.post, "/api/speakers/:id/block", block),
            APIRoute(.post, "/api/speakers/:id/unblock", unblock),
        ]
    }

    @Sendable func list(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        JSONResponse.make(["speakers": .list(try store.profiles().map(\.json))])
    }

    /// `{"name", "priority"?}`: a guest unless the priority says friend; the
    /// owner exists from the start, so priority 0 is a conflict.
    @Sendable func add(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let body = try await RequestBody.read(request, limit: bodyLimit)
        let name = try body.text("name").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100 else { throw APIError.badRequest("'name' must be 1 to 100 characters") }
        var priority = SpeakerProfile.guestPriority
        if let given = body.fields["priority"], !given.isNull {
            let allowed = [SpeakerProfile.ownerPriority, SpeakerProfile.friendPriority, SpeakerProfile.guestPriority]
            guard case .int(let number) = given, allowed.contains(number) else {
                throw APIError.badRequest("'priority' must be 0 (owner), 1 (friend) or 2 (guest); block a profile to give it 99")
            }
            priority = number
        }
        guard let profile = try store.add(name: name, priority: priority) else {
            throw APIError.conflict("there is already an owner; there can be only one")
        }
        return JSONResponse.make(profile.json, status: .created)
    }

    @Sendable func delete(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let profile = try find(context)
        guard !profile.isOwner else { throw APIError.forbidden("the owner's profile cannot be deleted") }
        guard try store.delete(id: profile.id) else { throw APIError.notFound("no speaker '\(profile.id)'") }
        return JSONResponse.make(["deleted": .string(profile.id)])
    }

    /// Priority 99, remembering the priority to restore; blocking twice keeps
    /// the first one.
    @Sendable func block(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        var profile = try find(context)
        guard !profile.isOwner else { throw APIError.badRequest("the owner cannot be blocked") }
        if !profile.isBlocked {
            profile.priorityBeforeBlock = profile.priority
            profile.priority = SpeakerProfile.blockedPriority
            profile.isBlocked = true
            try save(profile)
        }
        return JSONResponse.make(["blocked": .string(profile.id)])
    }

    @Sendable func unblock(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        var profile = try find(context)
        if profile.isBlocked {
            profile.priority = profile.priorityBeforeBlock ?? SpeakerProfile.guestPriority
            profile.priorityBeforeBlock = nil
            profile.isBlocked = false
            try save(profile)
        }
        return JSONResponse.make(["unblocked": .string(profile.id)])
    }

    private func find(_ context: APIRequestContext) throws -> SpeakerProfile {
        let id = context.parameters.get("id") ?? ""
        guard let profile = try store.profiles().first(where: { $0.id == id }) else {
            throw APIError.notFound("no speaker '\(id)'")
        }
        return profile
    }

    private func save(_ profile: SpeakerProfile) throws {
        guard try store.update(profile) else { throw APIError.notFound("no speaker '\(profile.id)'") }
    }
}
