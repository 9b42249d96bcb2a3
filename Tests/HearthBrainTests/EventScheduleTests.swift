import Foundation
import Testing
@testable import HearthBrain

struct EventScheduleTests {
    let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.date(from: text)!
    }

    @Test func lessSignificantFieldsDefaultToTheirMinimum() throws {
        let schedule = try EventSchedule(fields: ["hour": "8"])
        #expect(schedule.nextFire(after: date("2026-11-21T07:59:59Z"), calendar: calendar) == date("2026-11-21T08:00:00Z"))
        #expect(schedule.nextFire(after: date("2026-11-21T08:00:00Z"), calendar: calendar) == date("2026-11-22T08:00:00Z"))
    }

    @Test func weekdaysRangesAndSteps() throws {
        // 2026-11-21 is a Saturday.
        let weekdays = try EventSchedule(fields: ["day_of_week": "mon-fri", "hour": "7", "minute": "30"])
        #expect(weekdays.nextFire(after: date("2026-11-21T12:00:00Z"), calendar: calendar) == date("2026-11-23T07:30:00Z"))
        let everyFifteen = try EventSchedule(fields: ["minute": "*/15"])
        #expect(everyFifteen.nextFire(after: date("2026-11-21T10:16:00Z"), calendar: calendar) == date("2026-11-21T10:30:00Z"))
        let list = try EventSchedule(fields: ["month": "jan,jun", "day": 1, "hour": 0])
        #expect(list.nextFire(after: date("2026-11-21T00:00:00Z"), calendar: calendar) == date("2027-01-01T00:00:00Z"))
    }

    @Test func secondsFireEverySecond() throws {
        let schedule = try EventSchedule(fields: ["second": "*/10"])
        #expect(schedule.nextFire(after: date("2026-11-21T10:00:05Z"), calendar: calendar) == date("2026-11-21T10:00:10Z"))
    }

    @Test func badFieldsAreRefused() {
        #expect(throws: ScheduleError.self) { try EventSchedule(fields: ["hour": 24]) }
        #expect(throws: ScheduleError.self) { try EventSchedule(fields: ["fortnight": 1]) }
        #expect(throws: ScheduleError.self) { try EventSchedule(fields: ["minute": "*/0"]) }
        #expect(throws: ScheduleError.self) { try EventSchedule(fields: [:]) }
    }
}
