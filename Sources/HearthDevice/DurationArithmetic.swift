/// Whole-nanosecond arithmetic on `Duration`, which the standard library
/// does not give: patterns need a remainder, waits need milliseconds.
extension Duration {
    var totalNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    var seconds: Double { Double(totalNanoseconds) / 1e9 }

    static func % (lhs: Duration, rhs: Duration) -> Duration {
        .nanoseconds(lhs.totalNanoseconds % rhs.totalNanoseconds)
    }
}
