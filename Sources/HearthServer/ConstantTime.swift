/// Comparisons whose duration does not depend on where the inputs differ.
enum ConstantTime {
    /// True when `candidate` equals `expected`. Every byte of `expected` is
    /// visited whatever the candidate holds, and a length mismatch is folded
    /// into the result instead of returning early.
    static func equals(_ candidate: [UInt8], _ expected: [UInt8]) -> Bool {
        var difference = UInt(candidate.count ^ expected.count)
        for index in expected.indices {
            let other = index < candidate.count ? candidate[index] : ~expected[index]
            difference |= UInt(other ^ expected[index])
        }
        return difference == 0
    }
}
