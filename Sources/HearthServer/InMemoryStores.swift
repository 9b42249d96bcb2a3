import Foundation
import HearthRuntime
import HearthStore
import Synchronization

/// Tokens kept in memory: the API's default when no state database is given
/// (tests, embedded use). `hearth run` keeps them in its database.
public final class InMemoryAccessTokenStore: AccessTokenStore {
    private let tokens = Mutex<[AccessToken]>([])

    public init(_ tokens: [AccessToken] = []) {
        self.tokens.withLock { $0 = tokens }
    }

    public func accessTokens() -> [AccessToken] { tokens.withLock { $0 } }

    public func insert(_ token: AccessToken) -> Bool {
        tokens.withLock { list in
            guard !list.contains(where: { $0.name == token.name }) else { return false }
            list.append(token)
            return true
        }
    }

    public func revoke(idOrName: String) -> Bool {
        tokens.withLock { list in
            let before = list.count
            list.removeAll { $0.id == idOrName || $0.name == idOrName }
            return list.count < before
        }
    }
}

/// Speaker profiles kept in memory, starting with the owner, as a new
/// database does.
public final class InMemorySpeakerStore: SpeakerProfileStore {
    private struct State {
        var profiles = [SpeakerProfile.initialOwner]
        var lastNumber = 1
    }

    private let state = Mutex(State())

    public init() {}

    public func profiles() -> [SpeakerProfile] { state.withLock { $0.profiles } }

    public func add(name: String, priority: Int) -> SpeakerProfile? {
        state.withLock { state in
            if priority == SpeakerProfile.ownerPriority, state.profiles.contains(where: { $0.priority == SpeakerProfile.ownerPriority }) {
                return nil
            }
            state.lastNumber += 1
            let profile = SpeakerProfile(id: SpeakerProfile.id(number: state.lastNumber), name: name, priority: priority)
            state.profiles.append(profile)
            return profile
        }
    }

    public func update(_ profile: SpeakerProfile) -> Bool {
        state.withLock { state in
            guard let index = state.profiles.firstIndex(where: { $0.id == profile.id }) else { return false }
            state.profiles[index] = profile
            return true
        }
    }

    public func delete(id: String) -> Bool {
        state.withLock { state in
            let before = state.profiles.count
            state.profiles.removeAll { $0.id == id }
            return state.profiles.count < before
        }
    }
}
