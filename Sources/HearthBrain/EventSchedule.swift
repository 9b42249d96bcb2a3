import Foundation

/// The `event` signal's cron fields, with APScheduler's rules (what Kalliope
/// runs): fields more significant than the least significant given default to
/// every value, the less significant ones to their minimum, so `{hour: 8}`
/// fires at 08:00:00 every day.
public struct EventSchedule: Sendable, Equatable {
    public enum Field: String, Sendable, CaseIterable {
        case year, month, day, week, dayOfWeek = "day_of_week", hour, minute, second
    }

    /// Allowed values per field, after defaults are applied.
    let allowed: [Field: Set<Int>]
    /// The fields exactly as written, for display.
    public let written: [String: String]

    public init(fields: [String: Value]) throws(ScheduleError) {
        var written: [String: String] = [:]
        for (key, value) in fields {
            guard Field(rawValue: key) != nil else {
                throw ScheduleError(message: "unknown event field '\(key)' (expected one of \(Field.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            written[key] = value.displayText
        }
        guard !written.isEmpty else { throw ScheduleError(message: "an event needs at least one cron field") }

        // Order of significance used for defaults (week and day_of_week sit
        // beside day, as in APScheduler).
        let significance: [Field] = [.year, .month, .week, .day, .dayOfWeek, .hour, .minute, .second]
        let leastGiven = significance.lastIndex { written[$0.rawValue] != nil } ?? 0
        var allowed: [Field: Set<Int>] = [:]
        for (position, field) in significance.enumerated() {
            if let expression = written[field.rawValue] {
                allowed[field] = try Self.parse(expression, field: field)
            } else if position > leastGiven, [.hour, .minute, .second].contains(field) {
                allowed[field] = [0]
            }
            // Unset fields are absent: every value allowed.
        }
        self.allowed = allowed
        self.written = written
    }

    /// The first time strictly after `date` at which the schedule fires, or nil
    /// when none within the next eight years.
    public func nextFire(after date: Date, calendar: Calendar = .current) -> Date? {
        // The next whole second after `date`.
        let start = date.addingTimeInterval(1)
        let startParts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: start)
        guard var day = calendar.date(from: DateComponents(year: startParts.year, month: startParts.month, day: startParts.day)) else {
            return nil
        }
        for dayOffset in 0..<(366 * 8) {
            if dayMatches(day, calendar: calendar) {
                let isFirstDay = dayOffset == 0
                if let time = firstTime(
                    from: isFirstDay ? (startParts.hour!, startParts.minute!, startParts.second!) : (0, 0, 0))
                {
                    var parts = calendar.dateComponents([.year, .month, .day], from: day)
                    parts.hour = time.0
                    parts.minute = time.1
                    parts.second = time.2
                    if let fire = calendar.date(from: parts), fire > date { return fire }
                }
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { return nil }
            day = next
        }
        return nil
    }

    private func permits(_ field: Field, _ value: Int) -> Bool {
        allowed[field].map { $0.contains(value) } ?? true
    }

    private func dayMatches(_ day: Date, calendar: Calendar) -> Bool {
        let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
        // Foundation: 1 = Sunday; APScheduler: 0 = Monday.
        let mondayBased = (parts.weekday! + 5) % 7
        var iso = Calendar(identifier: .iso8601)
        iso.timeZone = calendar.timeZone
        let week = iso.component(.weekOfYear, from: day)
        return permits(.year, parts.year!) && permits(.month, parts.month!) && permits(.day, parts.day!)
            && permits(.dayOfWeek, mondayBased) && permits(.week, week)
    }

    private func firstTime(from start: (Int, Int, Int)) -> (Int, Int, Int)? {
        for hour in start.0..<24 where permits(.hour, hour) {
            let minuteStart = hour == start.0 ? start.1 : 0
            for minute in minuteStart..<60 where permits(.minute, minute) {
                let secondStart = (hour == start.0 && minute == start.1) ? start.2 : 0
                for second in secondStart..<60 where permits(.second, second) {
                    return (hour, minute, second)
                }
            }
        }
        return nil
    }

    private static func range(of field: Field) -> ClosedRange<Int> {
        switch field {
        case .year: return 1970...2999
        case .month: return 1...12
        case .day: return 1...31
        case .week: return 1...53
        case .dayOfWeek: return 0...6
        case .hour: return 0...23
        case .minute, .second: return 0...59
        }
    }

    private static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func number(_ text: String, field: Field) throws(ScheduleError) -> Int {
        let lowered = text.lowercased()
        if field == .dayOfWeek, let index = dayNames.firstIndex(of: lowered) { return index }
        if field == .month, let index = monthNames.firstIndex(of: lowered) { return index + 1 }
        guard let value = Int(lowered), range(of: field).contains(value) else {
            throw ScheduleError(message: "'\(text)' is not a valid \(field.rawValue) (allowed \(range(of: field)))")
        }
        return value
    }

    /// `*`, `*/n`, `a`, `a-b`, `a-b/n`, and comma-separated lists of those.
    static func parse(_ expression: String, field: Field) throws(ScheduleError) -> Set<Int> {
        var result = Set<Int>()
        let full = range(of: field)
        for part in expression.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            var body = Substring(part)
            var step = 1
            if let slash = part.firstIndex(of: "/") {
                guard let parsed = Int(part[part.index(after: slash)...]), parsed > 0 else {
                    throw ScheduleError(message: "bad step in '\(part)' for \(field.rawValue)")
                }
                step = parsed
                body = part[..<slash]
            }
            let bounds: ClosedRange<Int>
            if body == "*" {
                bounds = full
            } else if let dash = body.dropFirst().firstIndex(of: "-") {
                let low = try number(String(body[..<dash]), field: field)
                let high = try number(String(body[body.index(after: dash)...]), field: field)
                guard low <= high else { throw ScheduleError(message: "empty range '\(part)' for \(field.rawValue)") }
                bounds = low...high
            } else {
                let single = try number(String(body), field: field)
                bounds = single...(step > 1 ? full.upperBound : single)
            }
            result.formUnion(stride(from: bounds.lowerBound, through: bounds.upperBound, by: step))
        }
        if result.isEmpty { throw ScheduleError(message: "'\(expression)' selects no \(field.rawValue)") }
        return result
    }
}

public struct ScheduleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension EventSchedule {
    public static func == (lhs: EventSchedule, rhs: EventSchedule) -> Bool { lhs.written == rhs.written }
}
