import ArgumentParser
import Foundation
import HearthPersistence
import HearthServer
import HearthStore
import Logging

/// `hearth token`: the control API's bearer tokens, kept (hashed) in the
/// state database, so a running daemon accepts a new token at once and
/// refuses a revoked one at once.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke the control API's tokens.",
        discussion: """
            Until a token exists, the control API (/api/...) answers only clients on this device.
            Scopes: read (GETs, WebSockets), control (settings, stop, language, soul...), tts,
            speakers, admin (restart, shutdown; implies all).
            """,
        subcommands: [TokenCreateCommand.self, TokenListCommand.self, TokenRevokeCommand.self])
}

/// The state folder option and the store behind it, shared by the token commands.
struct TokenStoreOptions: ParsableArguments {
    @Option(help: "Hearth's state folder. Default: $STATE_DIRECTORY under systemd, else ./state.")
    var stateDir: String?

    /// Logging goes to standard error, warnings only, so standard output
    /// holds exactly what the command prints.
    func openStore() throws -> (StateStore, SQLiteAccessTokenStore) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let store = StateStore(configuration: StoreConfiguration(directory: StateDirectory.resolve(stateDir)))
        guard store.isAvailable else {
            throw ValidationError("the state database at \(store.configuration.databasePath) cannot be opened")
        }
        return (store, SQLiteAccessTokenStore(store: store))
    }
}

struct TokenCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a token; it is printed once, as the last line, and never again.")

    @Option(help: "Comma-separated scopes: read, control, tts, speakers, admin.")
    var scopes: String

    @Option(help: "A name to recognise (and revoke) the token by. Default: its id.")
    var name: String?

    @OptionGroup var storeOptions: TokenStoreOptions

    func run() throws {
        let scopes: Set<AccessScope>
        do {
            scopes = try AccessScope.parse(self.scopes)
        } catch {
            throw ValidationError(error.description)
        }
        let (store, tokens) = try storeOptions.openStore()
        defer { store.close() }
        let (record, token) = AccessToken.generate(name: name, scopes: scopes)
        guard try tokens.insert(record) else { throw ValidationError(AccessTokenError.nameTaken(record.name).description) }
        print("created token \(record.id) '\(record.name)' with scopes \(record.scopes.sorted().map(\.rawValue).joined(separator: ","))")
        print("keep it now: Hearth stores only its hash and cannot show it again")
        print(token)
    }
}

struct TokenListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the tokens (id, name, scopes, created), never the tokens themselves.")

    @OptionGroup var storeOptions: TokenStoreOptions

    func run() throws {
        let (store, tokens) = try storeOptions.openStore()
        defer { store.close() }
        let list = try tokens.accessTokens()
        guard !list.isEmpty else {
            print("no tokens: the control API answers clients on this device only")
            return
        }
        let dates = ISO8601DateFormatter()
        for token in list {
            print("\(token.id)\t\(token.name)\t\(token.scopes.sorted().map(\.rawValue).joined(separator: ","))\t\(dates.string(from: token.createdAt))")
        }
    }
}

struct TokenRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke a token by id or name; it stops working at once.")

    @Argument(help: "The token's id (tok_...) or name.")
    var token: String

    @OptionGroup var storeOptions: TokenStoreOptions

    func run() throws {
        let (store, tokens) = try storeOptions.openStore()
        defer { store.close() }
        guard try tokens.revoke(idOrName: token) else { throw ValidationError(AccessTokenError.notFound(token).description) }
        print("revoked \(token)")
    }
}
