#if canImport(Glibc)
import Glibc
#endif
import Logging

/// The daemon's log: one line per message on standard error, written with a
/// single write(2), so lines from many threads never interleave and a line
/// costs no lock and no buffered stream.
///
/// Under systemd (`JOURNAL_STREAM` set) a line starts with its syslog
/// priority (`<6>`) and carries no time: the journal stamps each line itself
/// and can then filter by level (`journalctl -p warning`). Elsewhere a line
/// starts with the UTC time to the millisecond and the level.
struct DaemonLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    let journal: Bool

    init(label: String, level: Logger.Level, journal: Bool) {
        self.label = label
        self.logLevel = level
        self.journal = journal
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var line = journal ? "<\(Self.syslogPriority(event.level))>" : Self.utcTimestamp() + " \(event.level) "
        line += label
        line += ": "
        line += event.message.description
        let fields = event.metadata.map { metadata.merging($0) { _, new in new } } ?? metadata
        for key in fields.keys.sorted() {
            line += " \(key)=\(fields[key]!)"
        }
        line += "\n"
        Self.writeToStandardError(line)
    }

    /// sd-daemon(3)'s levels.
    static func syslogPriority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: return 7
        case .info: return 6
        case .notice: return 5
        case .warning: return 4
        case .error: return 3
        case .critical: return 2
        }
    }

    /// `2026-11-21T10:51:00.123Z`, without Foundation's formatters.
    static func utcTimestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let milliseconds = Int(now.tv_nsec / 1_000_000)
        let fraction = milliseconds < 10 ? "00\(milliseconds)" : (milliseconds < 100 ? "0\(milliseconds)" : "\(milliseconds)")
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(fraction)Z"
    }

    private static func writeToStandardError(_ line: String) {
        var line = line
        line.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(2, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return  // nowhere to report a failing log
                }
            }
        }
    }
}
