/// pandas' running state for `roll_mean` (`add_mean`, `remove_mean`, `calc_mean`).
struct RunningMean {
    var sum = 0.0
    var addCompensation = 0.0
    var removeCompensation = 0.0
    /// Non-NaN values in the window.
    var count = 0
    /// Negative values (sign bit set) in the window.
    var negatives = 0
    /// How many values in a row, ending with the last added, equal `previous`.
    var sameRun = 0
    var previous = Double.nan

    init() {}

    /// The state pandas sets up before adding a window from scratch: `prev_value = values[start]`.
    init(first: Double) { previous = first.isInfinite ? .nan : first }

    @inline(__always) mutating func add(_ raw: Double) {
        let x = raw.isInfinite ? Double.nan : raw
        guard !x.isNaN else { return }
        count += 1
        let y = x - addCompensation
        let t = sum + y
        addCompensation = t - sum - y
        sum = t
        if x.sign == .minus { negatives += 1 }
        if x == previous { sameRun += 1 } else { sameRun = 1 }
        previous = x
    }

    @inline(__always) mutating func remove(_ raw: Double) {
        let x = raw.isInfinite ? Double.nan : raw
        guard !x.isNaN else { return }
        count -= 1
        let y = -x - removeCompensation
        let t = sum + y
        removeCompensation = t - sum - y
        sum = t
        if x.sign == .minus { negatives -= 1 }
    }

    /// Slides the window over `values` to end at index `i` (call for i = 0, 1, 2, … in turn) and
    /// returns the rolling mean there, as `roll_mean` steps (it starts afresh when the new window does
    /// not overlap the previous one: at 0, and always for a window of 1).
    @inline(__always) mutating func advance(_ values: UnsafeBufferPointer<Double>, to i: Int, window: Int) -> Double {
        if i == 0 || window == 1 {
            self = RunningMean(first: values[i])
        } else if i >= window {
            remove(values[i - window])
        }
        add(values[i])
        return mean(minimumCount: window)
    }

    @inline(__always) func mean(minimumCount: Int) -> Double {
        guard count >= minimumCount, count > 0 else { return .nan }
        let result = sum / Double(count)
        if sameRun >= count { return previous }
        if negatives == 0 && result < 0 { return 0 }
        if negatives == count && result > 0 { return 0 }
        return result
    }
}
