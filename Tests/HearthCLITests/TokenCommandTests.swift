import Foundation
import Testing

/// `hearth token create | list | revoke` as a user runs them.
@Suite(.serialized)
struct TokenCommandTests {
    @Test func createPrintsTheTokenOnceAsTheLastLineAndListNeverShowsIt() async throws {
        let state = try Fixtures.scratch([:])
        let created = try await HearthCommand.run(["token", "create", "--scopes", "read,control", "--name", "kitchen", "--state-dir", state])
        #expect(created.status == 0, "\(created.errorOutput)")
        let lines = created.output.split(separator: "\n").map(String.init)
        let token = try #require(lines.last)
        #expect(token.hasPrefix("hearth_"))
        #expect(token.count > 40)
        #expect(lines.first?.contains("'kitchen'") == true)
        #expect(lines.first?.contains("read,control") == true)

        let listed = try await HearthCommand.run(["token", "list", "--state-dir", state])
        #expect(listed.status == 0)
        #expect(listed.output.contains("kitchen"))
        #expect(listed.output.contains("read,control"))
        #expect(!listed.output.contains(token))
        #expect(!listed.errorOutput.contains(token))

        // Only the hash is in the database.
        let database = try Data(contentsOf: URL(fileURLWithPath: state + "/hearth.sqlite"))
        #expect(database.range(of: Data(token.utf8)) == nil)
    }

    @Test func revokeByNameOrIdAndClearErrors() async throws {
        let state = try Fixtures.scratch([:])
        _ = try await HearthCommand.run(["token", "create", "--scopes", "admin", "--name", "one", "--state-dir", state])
        let second = try await HearthCommand.run(["token", "create", "--scopes", "read", "--state-dir", state])
        let secondID = try #require(second.output.firstMatch(of: /created token (tok_[0-9a-f]+)/)?.1)

        let duplicate = try await HearthCommand.run(["token", "create", "--scopes", "read", "--name", "one", "--state-dir", state])
        #expect(duplicate.status != 0)
        #expect(duplicate.errorOutput.contains("a token named 'one' already exists"))
        let badScope = try await HearthCommand.run(["token", "create", "--scopes", "read,root", "--state-dir", state])
        #expect(badScope.status != 0)
        #expect(badScope.errorOutput.contains("unknown scope 'root'"))

        #expect(try await HearthCommand.run(["token", "revoke", "one", "--state-dir", state]).status == 0)
        #expect(try await HearthCommand.run(["token", "revoke", String(secondID), "--state-dir", state]).status == 0)
        let missing = try await HearthCommand.run(["token", "revoke", "one", "--state-dir", state])
        #expect(missing.status != 0)
        #expect(missing.errorOutput.contains("no token with id or name 'one'"))
        #expect(try await HearthCommand.run(["token", "list", "--state-dir", state]).output.contains("no tokens"))
    }
}
