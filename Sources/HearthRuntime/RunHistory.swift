import HearthStore

/// The order history as saved (newest first), for the dashboard's recent
/// orders; the state store supplies it.
public protocol RunHistory: Sendable {
    func recentRuns(limit: Int) throws(StateSaveFailure) -> [RunRecord]
}
