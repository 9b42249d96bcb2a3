/// One thing `hearth doctor` looks at, and what it found. Checks are plain
/// values in a list, so a module adds its own by appending one.
struct DoctorCheck: Sendable {
    /// Short name printed before the finding ("microphone", "GPIO").
    var name: String
    var run: @Sendable () async -> DoctorFinding
}

enum DoctorFinding: Sendable, Equatable {
    case ok(String)
    /// Something is wrong: what, in plain words, and what to do when known.
    case problem(String)
    /// Nothing to check (no board, no Home Assistant configured).
    case skipped(String)

    var isProblem: Bool {
        if case .problem = self { return true }
        return false
    }

    /// One line: "ok       microphone: 'default' opens at 16000 Hz".
    func line(for name: String) -> String {
        switch self {
        case .ok(let text): "ok       \(name): \(text)"
        case .problem(let text): "PROBLEM  \(name): \(text)"
        case .skipped(let text): "skipped  \(name): \(text)"
        }
    }
}
