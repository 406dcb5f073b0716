#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How axis values are labelled.
public enum ChartUnit: String, Sendable, CaseIterable {
    /// Fractions shown as percentages: 0.05 → `5%`, 0.005 → `0.5%`.
    case percent
    /// Growth of 1: `1.25x`.
    case growth
    /// Plain numbers with thousands separators (`250,000`), or compact (`1.2M`) when long.
    case number

    /// Labels for evenly spaced `ticks` `step` apart, with just enough decimals to tell them apart
    /// (in scientific notation when steps are too fine for 12 decimals to tell them apart).
    func labels(for ticks: [Double], step: Double) -> [String] {
        let labels = fixedLabels(for: ticks, step: step)
        guard Set(labels).count < Set(ticks).count else { return labels }
        let scale = self == .percent ? 100.0 : 1
        let suffix = self == .percent ? "%" : self == .growth ? "x" : ""
        for digits in 3...17 {
            let scientific = ticks.map { CFormat.double("%.\(digits)g", clean($0, step) * scale) + suffix }
            if Set(scientific).count == Set(ticks).count { return scientific }
        }
        return labels
    }

    private func fixedLabels(for ticks: [Double], step: Double) -> [String] {
        switch self {
        case .percent:
            let decimals = ChartUnit.decimals(for: step * 100)
            return ticks.map { NumberFormat.tick(clean($0, step) * 100, decimals) + "%" }
        case .growth:
            let decimals = ChartUnit.decimals(for: step)
            return ticks.map { NumberFormat.tick(clean($0, step), decimals) + "x" }
        case .number:
            let decimals = ChartUnit.decimals(for: step)
            let full = ticks.map { NumberFormat.tickGrouped(clean($0, step), decimals) }
            let widest = full.map(\.count).max() ?? 0
            guard widest > ChartUnit.longestFullNumber else { return full }
            let largest = ticks.map(abs).max() ?? 0
            let (divisor, suffix) = ChartUnit.compactScale(for: largest)
            let compactDecimals = ChartUnit.decimals(for: step / divisor)
            return ticks.map { NumberFormat.tick(clean($0, step) / divisor, compactDecimals) + suffix }
        }
    }

    /// A single value labelled with the precision that suits it (legend text, equations).
    func label(_ value: Double, significantStep: Double) -> String {
        labels(for: [value], step: significantStep)[0]
    }

    /// Number labels longer than this switch to the compact `1.2M` form.
    static let longestFullNumber = 8

    /// Decimals needed to show multiples of `step` exactly (1-2-5 steps): 0.5 → 1, 0.05 → 2, 20 → 0.
    static func decimals(for step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        return Swift.min(12, Swift.max(0, Int((-log10(step) - 1e-9).rounded(.up))))
    }

    /// The divisor and suffix for compact numbers: thousands `k`, millions `M`, billions `B`, trillions `T`.
    static func compactScale(for magnitude: Double) -> (Double, String) {
        if magnitude >= 1e12 { return (1e12, "T") }
        if magnitude >= 1e9 { return (1e9, "B") }
        if magnitude >= 1e6 { return (1e6, "M") }
        if magnitude >= 1e3 { return (1e3, "k") }
        return (1, "")
    }
}

/// `value` with floating noise far below `step` removed (so 0.30000000000000004 labels as 0.3 and ~0 as 0).
private func clean(_ value: Double, _ step: Double) -> Double {
    guard step > 0, step.isFinite else { return value }
    return abs(value) < step * 1e-9 ? 0 : value
}
