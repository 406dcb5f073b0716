#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Round axis ticks: evenly spaced multiples of a "nice" step (1, 2 or 5 × 10^k).
struct NiceTicks: Equatable {
    var step: Double
    var ticks: [Double]

    /// The lowest and highest tick.
    var lower: Double { ticks.first ?? 0 }
    var upper: Double { ticks.last ?? 0 }

    /// Ticks from a multiple of the step at or below `lo` to one at or above `hi`, with at most
    /// `maxIntervals` intervals, using the smallest nice step (not below `minimumStep`) that allows it;
    /// nil when no nice step does (one interval cannot cover a range that spans zero: it needs −s, 0, s).
    /// `lo < hi`, both finite.
    static func covering(_ lo: Double, _ hi: Double, maxIntervals: Int, minimumStep: Double = 0) -> NiceTicks? {
        let intervals = Swift.max(1, maxIntervals)
        var step = niceStep(atLeast: Swift.max((hi - lo) / Double(intervals), minimumStep))
        // Beyond this step the ticks no longer change (0 and ±step), so a larger one cannot help.
        let largestUseful = 2 * Swift.max(abs(lo), abs(hi), minimumStep)
        while step.isFinite {
            let first = (lo / step + 1e-9).rounded(.down)
            let last = (hi / step - 1e-9).rounded(.up)
            if last - first <= Double(intervals), first * step <= lo + step * 1e-9, last * step >= hi - step * 1e-9 {
                let count = Int(last - first)
                return NiceTicks(step: step, ticks: (0...count).map { (first + Double($0)) * step })
            }
            if step > largestUseful { return nil }
            step = niceStep(atLeast: step * 1.0001)
        }
        return nil
    }

    /// Ticks at multiples of a nice step inside `[lo, hi]`, at most `maxIntervals + 1` of them
    /// (possibly none when the range is narrower than one step). `lo < hi`, both finite.
    static func within(_ lo: Double, _ hi: Double, maxIntervals: Int) -> NiceTicks {
        let step = niceStep(atLeast: (hi - lo) / Double(Swift.max(1, maxIntervals)))
        let first = (lo / step - 1e-9).rounded(.up)
        let last = (hi / step + 1e-9).rounded(.down)
        guard first.isFinite, last.isFinite, last >= first else { return NiceTicks(step: step, ticks: []) }
        let count = Int(Swift.min(last - first, Double(maxIntervals) + 1))
        return NiceTicks(step: step, ticks: (0...count).map { (first + Double($0)) * step }.filter { $0 <= hi + step * 1e-9 })
    }

    /// The smallest 1-2-5 × 10^k number that is ≥ `raw` (raw > 0).
    static func niceStep(atLeast raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for multiple in [1.0, 2, 5, 10] where multiple * magnitude >= raw * (1 - 1e-12) {
            return multiple * magnitude
        }
        return 10 * magnitude
    }
}
