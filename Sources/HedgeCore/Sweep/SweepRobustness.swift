/// Is a sweep's best configuration a plateau or an isolated peak?
///
/// The neighbours of a configuration are those that differ from it by one step (the adjacent value,
/// below or above) in exactly one parameter; a cell of a 2-parameter grid has up to 4, of a
/// k-parameter grid up to 2k. Its neighbour median is the median of its neighbours' finite metric
/// values (NaN when none); the median of an even count is the mean of the middle two (numpy).
///
/// Rule (with g = metric oriented so that higher is better, `best` its maximum, `typical` the median
/// of every finite configuration and `around` the best's neighbour median): the best's **edge** is
/// `best − typical`; it **keeps** `around − typical` of it one step away. The best is an *isolated
/// peak* when the edge is positive and the neighbourhood keeps less than half of it:
/// `best − around > isolatedPeakShare · (best − typical)` with `isolatedPeakShare = 0.5`.
/// A plateau (neighbours close to the best) keeps most of the edge; a spike among ordinary
/// configurations keeps almost none. On a linear ramp of k values the best keeps (k−3)/(k−1) of
/// its edge, so ramps of 3 or 4 values are flagged and of 5 or more are not.
public struct SweepRobustness: Sendable, Equatable {
    /// Share of the best's edge over the typical configuration that may be lost one step away
    /// before the best counts as an isolated peak.
    public static let isolatedPeakShare = 0.5

    /// Configuration number of the best finite metric (the first in sweep order on a tie).
    public var bestIndex: Int
    /// Its metric value.
    public var best: Double
    /// Median of its neighbours' metric values (NaN when it has no finite neighbour).
    public var neighbourMedian: Double
    /// Median of every finite metric value of the sweep.
    public var typical: Double
    /// True when the best stands far above its neighbourhood (see the rule above).
    public var isIsolatedPeak: Bool

    /// Assesses `metric` (one value per configuration, in the grid's order; NaN for none). Nil when no
    /// configuration has a finite value. `higherIsBetter` false orients the rule for metrics such as
    /// volatility (best = lowest, "above" = below).
    public static func assess(_ metric: [Double], grid: SweepGrid, higherIsBetter: Bool = true) -> SweepRobustness? {
        let sign = higherIsBetter ? 1.0 : -1.0
        var bestIndex: Int? = nil
        for (i, v) in metric.enumerated() where v.isFinite {
            if let b = bestIndex, sign * v <= sign * metric[b] { continue }
            bestIndex = i
        }
        guard let bestIndex else { return nil }
        let best = metric[bestIndex]
        let around = neighbourMedian(metric, grid: grid, at: bestIndex)
        let typical = median(metric.filter(\.isFinite))
        let edge = sign * (best - typical)
        let lost = sign * (best - around)
        let isolated = around.isFinite && edge > 0 && lost > isolatedPeakShare * edge
        return SweepRobustness(bestIndex: bestIndex, best: best, neighbourMedian: around, typical: typical,
                               isIsolatedPeak: isolated)
    }

    /// The neighbour median of every configuration (NaN where a configuration has no finite neighbour).
    public static func neighbourMedians(_ metric: [Double], grid: SweepGrid) -> [Double] {
        (0..<grid.count).map { neighbourMedian(metric, grid: grid, at: $0) }
    }

    /// The median of the finite metric values of configuration `flat`'s neighbours.
    public static func neighbourMedian(_ metric: [Double], grid: SweepGrid, at flat: Int) -> Double {
        let here = grid.indices(of: flat)
        var values: [Double] = []
        for a in grid.axes.indices {
            for delta in [-1, 1] {
                var there = here
                there[a] += delta
                guard there[a] >= 0, there[a] < grid.axes[a].values.count else { continue }
                let v = metric[grid.flatIndex(there)]
                if v.isFinite { values.append(v) }
            }
        }
        return median(values)
    }

    /// The median (mean of the middle two for an even count; NaN when empty).
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
