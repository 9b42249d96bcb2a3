import HTTPTypes
import HearthBrain
import HearthServer
import HummingbirdTesting
import Testing

/// Speaker profiles: one owner always, guests by default, block and unblock.
@Suite struct SpeakerRoutesTests {
    let tokens = TestTokens()
    let speakers: HTTPFields

    init() {
        speakers = tokens.add([.speakers, .read])
    }

    func profiles(_ client: some TestClientProtocol) async throws -> [[String: Value]] {
        let list = try await client.send(.get, "/api/speakers", headers: speakers).json.mapValue?["speakers"]?.listValue ?? []
        return list.compactMap(\.mapValue)
    }

    @Test func theOwnerExistsFromTheStartAndANewProfileIsAGuest() async throws {
        let api = try TestAPI.control(tokens: tokens)
        try await api.test { client in
            let initial = try await profiles(client)
            #expect(initial.count == 1)
            #expect(initial.first?["priority"] == 0)
            #expect(initial.first?["name"] == "Owner")
            #expect(initial.first?["is_blocked"] == false)
            #expect(Set(initial.first?.keys ?? [:].keys) == ["id", "name", "priority", "is_blocked", "auto_learned", "sample_count", "last_seen"])

            let guest = try await client.send(.post, "/api/speakers", json: #"{"name": "Ann"}"#, headers: speakers)
            #expect(guest.status == .created)
            #expect(guest.json.mapValue?["name"] == "Ann")
            #expect(guest.json.mapValue?["priority"] == 2)
            #expect(guest.json.mapValue?["is_blocked"] == false)

            let friend = try await client.send(.post, "/api/speakers", json: #"{"name": "Bob", "priority": 1}"#, headers: speakers)
            #expect(friend.json.mapValue?["priority"] == 1)
            #expect(try await profiles(client).compactMap { $0["name"]?.stringValue } == ["Owner", "Ann", "Bob"])
        }
    }

    @Test func aSecondOwnerIsAConflictAndBadInputIs400() async throws {
        let api = try TestAPI.control(tokens: tokens)
        try await api.test { client in
            let owner = try await client.send(.post, "/api/speakers", json: #"{"name": "Eve", "priority": 0}"#, headers: speakers)
            #expect(owner.status == .conflict)
            #expect(owner.errorMessage?.contains("owner") == true)
            #expect(try await client.send(.post, "/api/speakers", json: #"{"name": "Eve", "priority": 99}"#, headers: speakers).status == .badRequest)
            #expect(try await client.send(.post, "/api/speakers", json: #"{"priority": 1}"#, headers: speakers).status == .badRequest)
            #expect(try await client.send(.post, "/api/speakers", json: #"{"name": "  "}"#, headers: speakers).status == .badRequest)
            #expect(try await profiles(client).count == 1)
        }
    }

    @Test func blockSets99AndUnblockRestoresThePriority() async throws {
        let api = try TestAPI.control(tokens: tokens)
        try await api.test { client in
            let created = try await client.send(.post, "/api/speakers", json: #"{"name": "Bob", "priority": 1}"#, headers: speakers)
            let id = try #require(created.json.mapValue?["id"]?.stringValue)

            let blocked = try await client.send(.post, "/api/speakers/\(id)/block", headers: speakers)
            #expect(blocked.json == ["blocked": .string(id)])
            var bob = try #require(try await profiles(client).first { $0["id"]?.stringValue == id })
            #expect(bob["priority"] == 99)
            #expect(bob["is_blocked"] == true)
            // Blocking again keeps the priority to restore.
            _ = try await client.send(.post, "/api/speakers/\(id)/block", headers: speakers)

            let unblocked = try await client.send(.post, "/api/speakers/\(id)/unblock", headers: speakers)
            #expect(unblocked.json == ["unblocked": .string(id)])
            bob = try #require(try await profiles(client).first { $0["id"]?.stringValue == id })
            #expect(bob["priority"] == 1)
            #expect(bob["is_blocked"] == false)
        }
    }

    @Test func theOwnerCannotBeBlockedOrDeletedAndUnknownIdsAre404() async throws {
        let api = try TestAPI.control(tokens: tokens)
        try await api.test { client in
            let ownerID = try #require(try await profiles(client).first?["id"]?.stringValue)
            let block = try await client.send(.post, "/api/speakers/\(ownerID)/block", headers: speakers)
            #expect(block.status == .badRequest)
            let delete = try await client.send(.delete, "/api/speakers/\(ownerID)", headers: speakers)
            #expect(delete.status == .forbidden)
            for (method, path) in [(HTTPRequest.Method.delete, "/api/speakers/spk_999"), (.post, "/api/speakers/spk_999/block"),
                                   (.post, "/api/speakers/spk_999/unblock")] {
                let response = try await client.send(method, path, headers: speakers)
                #expect(response.status == .notFound)
                #expect(response.errorMessage == "no speaker 'spk_999'")
            }
        }
    }

    @Test func deleteRemovesAProfileAndItsIdIsNotReused() async throws {
        let api = try TestAPI.control(tokens: tokens)
        try await api.test { client in
            let ann = try await client.send(.post, "/api/speakers", json: #"{"name": "Ann"}"#, headers: speakers)
            let id = try #require(ann.json.mapValue?["id"]?.stringValue)
            #expect(try await client.send(.delete, "/api/speakers/\(id)", headers: speakers).json == ["deleted": .string(id)])
            #expect(try await profiles(client).count == 1)
            let next = try await client.send(.post, "/api/speakers", json: #"{"name": "Cy"}"#, headers: speakers)
            #expect(next.json.mapValue?["id"]?.stringValue != id)
        }
    }
}
