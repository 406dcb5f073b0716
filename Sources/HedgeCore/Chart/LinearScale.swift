/// Maps values in `[lower, upper]` linearly onto dot positions `0 ..< dots`.
struct LinearScale {
    var lower: Double
    var upper: Double
    var dots: Int

    /// The nearest dot to `value`, clamped just outside the grid (−1 or `dots`) so huge values stay safe;
    /// the middle dot when the range is empty.
    func dot(_ value: Double) -> Int {
        guard upper > lower, dots > 1 else { return dots / 2 }
        let position = (value - lower) / (upper - lower) * Double(dots - 1)
        guard position.isFinite else { return position > 0 ? dots : -1 }
        return Int(Swift.min(Swift.max(position.rounded(), -1), Double(dots)))
    }

    /// The value at dot `index` (inverse of `dot`).
    func value(atDot index: Int) -> Double {
        guard dots > 1 else { return lower }
        return lower + (upper - lower) * Double(index) / Double(dots - 1)
    }
}
