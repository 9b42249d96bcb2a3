import HearthRuntime
import HearthServer
import HearthStore

/// The control API's tokens in Hearth's database (only their SHA-256).
public struct SQLiteAccessTokenStore: AccessTokenStore {
    public let store: StateStore

    public init(store: StateStore) {
        self.store = store
    }

    public func accessTokens() throws(StateSaveFailure) -> [AccessToken] {
        try mappingFailure { () throws(StoreError) in
            try store.accessTokens().map { stored in
                AccessToken(
                    id: stored.id, name: stored.name, scopes: Set(stored.scopes.compactMap(AccessScope.init(rawValue:))),
                    digest: stored.hash, createdAt: stored.createdAt)
            }
        }
    }

    public func insert(_ token: AccessToken) throws(StateSaveFailure) -> Bool {
        let stored = StoredAccessToken(
            id: token.id, name: token.name, scopes: token.scopes.sorted().map(\.rawValue), hash: token.digest, createdAt: token.createdAt)
        return try mappingFailure { () throws(StoreError) in try store.insertAccessToken(stored) }
    }

    public func revoke(idOrName: String) throws(StateSaveFailure) -> Bool {
        try mappingFailure { () throws(StoreError) in try store.deleteAccessToken(idOrName: idOrName) }
    }
}

/// Speaker profiles in Hearth's database.
public struct SQLiteSpeakerStore: SpeakerProfileStore {
    public let store: StateStore

    public init(store: StateStore) {
        self.store = store
    }

    public func profiles() throws(StateSaveFailure) -> [SpeakerProfile] {
        try mappingFailure { () throws(StoreError) in try store.speakers() }
    }

    public func add(name: String, priority: Int) throws(StateSaveFailure) -> SpeakerProfile? {
        try mappingFailure { () throws(StoreError) in try store.insertSpeaker(name: name, priority: priority) }
    }

    public func update(_ profile: SpeakerProfile) throws(StateSaveFailure) -> Bool {
        try mappingFailure { () throws(StoreError) in try store.updateSpeaker(profile) }
    }

    public func delete(id: String) throws(StateSaveFailure) -> Bool {
        try mappingFailure { () throws(StoreError) in try store.deleteSpeaker(id: id) }
    }
}

/// A store call whose failure the callers see as the runtime's kind of failure.
func mappingFailure<T>(_ body: () throws(StoreError) -> T) throws(StateSaveFailure) -> T {
    do {
        return try body()
    } catch {
        throw StateSaveFailure(error)
    }
}
