import Foundation
import HearthBrain
import HearthRuntime

/// The local date and time as strings, for templates: `hours` "%H",
/// `minutes` "%M", `weekday` "%w" ("0" is Sunday), `day_month` "%d",
/// `month` "%m", `year` "%Y".
public struct Systemdate: Neuron {
    public static let name = "systemdate"
    public init() {}

    public func run(_ parameters: [String: Value], context: NeuronContext) async throws -> NeuronResult {
        NeuronResult(outputs: Self.fields(of: context.now(), calendar: .current))
    }

    public static func fields(of date: Date, calendar: Calendar) -> [String: Value] {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
        func two(_ number: Int?) -> Value { .string(String(format: "%02d", number ?? 0)) }
        return [
            "hours": two(parts.hour),
            "minutes": two(parts.minute),
            "weekday": .string(String((parts.weekday ?? 1) - 1)),
            "day_month": two(parts.day),
            "month": two(parts.month),
            "year": .string(String(parts.year ?? 1970)),
        ]
    }
}
