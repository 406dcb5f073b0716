/// Rolling-window statistics with pandas' `rolling(window)` conventions.
public enum Rolling {
    /// pandas `rolling(window).mean()` with the default `min_periods = window`: element i is the mean of
    /// `values[i-window+1 ... i]`, or NaN when i < window-1 or when any value of that window is NaN.
    /// A window below 1 gives all NaN.
    ///
    /// Computed as pandas computes it (`roll_mean` in `pandas/_libs/window/aggregations.pyx`), so the
    /// results agree to the last bit: ±infinity counts as NaN; one running sum over the whole series,
    /// `sum += x` as each value enters and `sum += -x` as it leaves, each a Kahan–Babuška compensated
    /// addition (`y = x − c; t = sum + y; c = (t − sum) − y; sum = t`) with separate compensations for
    /// adding and removing; NaNs are skipped by both, and a window counts its non-NaN values `nobs`.
    /// The mean is `sum / nobs` when `nobs == window`, except: when the last `nobs` values added were
    /// all equal, that value itself; 0 when the mean's sign contradicts the window's (no negative value
    /// but a negative mean, or all negative and a positive mean). O(values.count), independent of `window`.
    public static func mean(_ values: [Double], window: Int) -> [Double] {
        var out = [Double](repeating: .nan, count: values.count)
        guard window >= 1, values.count >= window else { return out }
        values.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                mean(input, window: window, into: output)
            }
        }
        return out
    }

    /// `mean(_:window:)` writing into `output` (same count as `input`, every element written).
    /// Requires `window >= 1`.
    static func mean(_ input: UnsafeBufferPointer<Double>, window: Int, into output: UnsafeMutableBufferPointer<Double>) {
        var state = RunningMean()
        for i in 0..<input.count {
            if i == 0 || window == 1 {
                // pandas restarts when the window does not overlap the previous one (always, for window 1).
                state = RunningMean(first: input[i])
                state.add(input[i])
            } else {
                if i >= window { state.remove(input[i - window]) }
                state.add(input[i])
            }
            output[i] = state.mean(minimumCount: window)
        }
    }
}

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

    @inline(__always) func mean(minimumCount: Int) -> Double {
        guard count >= minimumCount, count > 0 else { return .nan }
        let result = sum / Double(count)
        if sameRun >= count { return previous }
        if negatives == 0 && result < 0 { return 0 }
        if negatives == count && result > 0 { return 0 }
        return result
    }
}
