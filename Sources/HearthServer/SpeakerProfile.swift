import Foundation
import HearthBrain
import HearthRuntime
import HearthStore

/// The API's rules for speaker profiles: the owner (priority 0, exactly
/// one, never blocked or deleted), friends (1), guests (2); blocking sets
/// priority 99 and keeps the earlier priority for unblocking. Who spoke is
/// not yet identified from the voice: profiles are managed over the API.
extension SpeakerProfile {
    public static let friendPriority = 1
    public static let guestPriority = 2
    public static let blockedPriority = 99

    /// The profile every store starts with.
    public static let initialOwner = SpeakerProfile(id: id(number: 1), name: "Owner", priority: ownerPriority)

    public var isOwner: Bool { priority == Self.ownerPriority }

    /// As `GET /api/speakers` lists it.
    var json: Value {
        [
            "id": .string(id), "name": .string(name), "priority": .int(priority), "is_blocked": .bool(isBlocked),
            "auto_learned": .bool(autoLearned), "sample_count": .int(sampleCount),
            "last_seen": lastSeen.map { Value.string(ISO8601DateFormatter().string(from: $0)) } ?? .null,
        ]
    }
}

/// Where speaker profiles are kept (Hearth's state database in the daemon).
public protocol SpeakerProfileStore: Sendable {
    /// Every profile, in the order they were created.
    func profiles() throws(StateSaveFailure) -> [SpeakerProfile]
    /// A new profile; nil when it would be a second owner.
    func add(name: String, priority: Int) throws(StateSaveFailure) -> SpeakerProfile?
    /// False when the profile does not exist.
    func update(_ profile: SpeakerProfile) throws(StateSaveFailure) -> Bool
    /// False when the profile does not exist.
    func delete(id: String) throws(StateSaveFailure) -> Bool
}
