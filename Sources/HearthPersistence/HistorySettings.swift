import HearthBrain
import HearthStore

/// The order history's retention from `settings.yml`:
///
/// ```yaml
/// history:
///   max_entries: 10000   # the newest runs kept
///   max_age_days: 30     # none older than this
/// ```
extension StoreConfiguration {
    /// Applies the `history` section; returns a warning for each value it
    /// cannot use (the default stays for that one).
    public mutating func applyHistorySection(_ section: Value?) -> [String] {
        guard let section, !section.isNull else { return [] }
        guard let entries = section.mapValue else { return ["'history' must be a map with max_entries and max_age_days; defaults kept"] }
        var warnings: [String] = []
        for (key, value) in entries.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "max_entries":
                if let count = value.intValue, count > 0 { historyLimit = count } else {
                    warnings.append("history.max_entries must be a whole number above 0; keeping \(historyLimit)")
                }
            case "max_age_days":
                if let days = value.doubleValue, days > 0 { historyMaxAge = days * 24 * 3600 } else {
                    warnings.append("history.max_age_days must be a number above 0; keeping \(historyMaxAge / 86_400) days")
                }
            default:
                warnings.append("history.\(key) is not a history setting; ignored")
            }
        }
        return warnings
    }
}
