import Foundation
import GRDB

/// A control-API token as stored: its SHA-256, never the token itself.
public struct StoredAccessToken: Sendable, Equatable {
    public var id: String
    public var name: String
    public var scopes: [String]
    public var hash: [UInt8]
    public var createdAt: Date

    public init(id: String, name: String, scopes: [String], hash: [UInt8], createdAt: Date) {
        self.id = id
        self.name = name
        self.scopes = scopes
        self.hash = hash
        self.createdAt = createdAt
    }
}

extension StateStore {
    /// Saves a new token; false when its name is taken.
    public func insertAccessToken(_ token: StoredAccessToken) throws(StoreError) -> Bool {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO access_token (id, name, scopes, token_hash, created_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (name) DO NOTHING
                    """,
                arguments: [token.id, token.name, token.scopes.joined(separator: ","), Data(token.hash), token.createdAt.timeIntervalSince1970])
            return db.changesCount > 0
        }
    }

    /// Every token, oldest first.
    public func accessTokens() throws(StoreError) -> [StoredAccessToken] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, scopes, token_hash, created_at FROM access_token ORDER BY created_at, id").map { row in
                let scopes: String = row["scopes"]
                let hash: Data = row["token_hash"]
                return StoredAccessToken(
                    id: row["id"], name: row["name"], scopes: scopes.split(separator: ",").map(String.init), hash: Array(hash),
                    createdAt: Date(timeIntervalSince1970: row["created_at"]))
            }
        }
    }

    /// Deletes the token with this id or name; false when there is none.
    public func deleteAccessToken(idOrName: String) throws(StoreError) -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM access_token WHERE id = ? OR name = ?", arguments: [idOrName, idOrName])
            return db.changesCount > 0
        }
    }
}
