import Foundation
import HearthBrain
import HearthRuntime

/// Someone Hearth may hear: the owner (priority 0, exactly one, never
/// blocked or deleted), friends (1), guests (2); blocking sets priority 99
/// and keeps the earlier priority for unblocking. Who spoke is not yet
/// identified from the voice: profiles are managed over the API.
public struct SpeakerProfile: Sendable, Equatable {
    public static let ownerPriority = 0
    public static let friendPriority = 1
    public static let guestPriority = 2
    public static let blockedPriority = 99

    /// The profile every store starts with.
    public static let initialOwner = SpeakerProfile(id: id(number: 1), name: "Owner", priority: ownerPriority)

    public var id: String
    public var name: String
    public var priority: Int
    public var priorityBeforeBlock: Int?
    public var isBlocked: Bool
    public var autoLearned: Bool
    public var sampleCount: Int
    public var lastSeen: Date?

    public init(
        id: String, name: String, priority: Int, priorityBeforeBlock: Int? = nil, isBlocked: Bool = false,
        autoLearned: Bool = false, sampleCount: Int = 0, lastSeen: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.priority = priority
        self.priorityBeforeBlock = priorityBeforeBlock
        self.isBlocked = isBlocked
        self.autoLearned = autoLearned
        self.sampleCount = sampleCount
        self.lastSeen = lastSeen
    }

    /// `spk_001`, `spk_002`...: profile ids in the order they were created.
    public static func id(number: Int) -> String { String(format: "spk_%03d", number) }

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
