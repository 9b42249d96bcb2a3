import Crypto
import Foundation
import HearthRuntime

/// What a control-API token may do.
public enum AccessScope: String, Sendable, CaseIterable, Comparable {
    /// GETs and the WebSockets (`/api/events`, `/api/audio`).
    case read
    /// Config changes, stop, reset-context, language, soul, Home Assistant commands.
    case control
    /// `POST /api/tts/test`.
    case tts
    /// Speaker profile changes.
    case speakers
    /// Restart and shutdown; implies every other scope.
    case admin

    public static func < (lhs: AccessScope, rhs: AccessScope) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Scopes as a user writes them: `read,control`. Throws the first word
    /// that is not a scope.
    public static func parse(_ list: String) throws(AccessTokenError) -> Set<AccessScope> {
        var scopes: Set<AccessScope> = []
        for word in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
            guard let scope = AccessScope(rawValue: word) else { throw .unknownScope(word) }
            scopes.insert(scope)
        }
        guard !scopes.isEmpty else { throw .noScopes }
        return scopes
    }
}

/// A control-API token as Hearth keeps it: the SHA-256 of the token, never
/// the token, which is shown once when it is created.
public struct AccessToken: Sendable, Equatable {
    public var id: String
    public var name: String
    public var scopes: Set<AccessScope>
    public var digest: [UInt8]
    public var createdAt: Date

    public init(id: String, name: String, scopes: Set<AccessScope>, digest: [UInt8], createdAt: Date) {
        self.id = id
        self.name = name
        self.scopes = scopes
        self.digest = digest
        self.createdAt = createdAt
    }

    public func allows(_ scope: AccessScope) -> Bool {
        scopes.contains(scope) || scopes.contains(.admin)
    }

    /// A new token: 32 random bytes, base64url, behind a `hearth_` prefix
    /// that lets secret scanners recognise it. Returns the record to store and
    /// the token to show once.
    public static func generate(name: String?, scopes: Set<AccessScope>, now: Date = Date()) -> (record: AccessToken, token: String) {
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let token = "hearth_" + Data(secret).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let id = "tok_" + randomHex(6, using: &generator)
        return (AccessToken(id: id, name: name ?? id, scopes: scopes, digest: digest(of: token), createdAt: now), token)
    }

    public static func digest(of token: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(token.utf8)))
    }

    private static func randomHex(_ bytes: Int, using generator: inout SystemRandomNumberGenerator) -> String {
        (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }
}

public enum AccessTokenError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownScope(String)
    case noScopes
    case nameTaken(String)
    case notFound(String)

    public var description: String {
        switch self {
        case .unknownScope(let word):
            return "unknown scope '\(word)' (scopes: \(AccessScope.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .noScopes: return "give at least one scope, e.g. --scopes read,control"
        case .nameTaken(let name): return "a token named '\(name)' already exists"
        case .notFound(let key): return "no token with id or name '\(key)'"
        }
    }
}

/// Where tokens are kept (Hearth's state database in the daemon).
public protocol AccessTokenStore: Sendable {
    func accessTokens() throws(StateSaveFailure) -> [AccessToken]
    /// False when the name is taken.
    func insert(_ token: AccessToken) throws(StateSaveFailure) -> Bool
    /// False when no token has this id or name.
    func revoke(idOrName: String) throws(StateSaveFailure) -> Bool
}
