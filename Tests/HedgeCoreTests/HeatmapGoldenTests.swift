import Foundation
import Testing
@testable import HedgeCore

/// Heatmap and one-parameter renderings compared with reviewed files in `Fixtures/charts/`
/// (`HEDGE_UPDATE_GOLDEN=1` rewrites them).
@Suite struct HeatmapGoldenTests {
    /// A smooth Sharpe-like surface over rebalance × estimate with a ridge, values of both signs.
    static func surface(rows: [Double], columns: [Double]) -> [[Double]] {
        rows.map { r in columns.map { c in 1.2 - pow((r - 60) / 50, 2) - pow((c - 25) / 20, 2) + 0.1 * sin(r * c / 300) } }
    }

    static func map(rows: [Double], columns: [Double], cells: [[Double]]? = nil, higherIsBetter: Bool = true,
                    metric: String = "sharpe") -> Heatmap {
        Heatmap(rowName: "estimate", rowLabels: rows.map(SweepValues.format),
                columnName: "rebalance", columnLabels: columns.map(SweepValues.format),
                cells: cells ?? surface(rows: rows, columns: columns), metricName: metric, higherIsBetter: higherIsBetter)
    }

    static let rows: [Double] = [20, 40, 60, 80, 100, 120]
    static let columns: [Double] = [5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]

    @Test func ascii80x24() throws {
        Golden.check(try Chart.heatmap(Self.map(rows: Self.rows, columns: Self.columns), style: ChartStyle(width: 80, height: 24, ascii: true)),
                     "heatmap-ascii-80x24")
    }

    @Test func colour80x24WithTitle() throws {
        let style = ChartStyle(width: 80, height: 24, color: true, title: "sharpe by estimate × rebalance")
        Golden.check(try Chart.heatmap(Self.map(rows: Self.rows, columns: Self.columns), style: style), "heatmap-colour-80x24")
    }

    /// Odd sizes: 5 × 7 grid in a 61 × 19 box, braille frame without colour, NaN cells.
    @Test func oddSizeWithNaNCells() throws {
        let rows: [Double] = [30, 45, 60, 75, 90], columns: [Double] = [0, 0.0005, 0.001, 0.0015, 0.002, 0.0025, 0.003]
        var cells = Self.surface(rows: rows, columns: columns.map { $0 * 10_000 })
        cells[0][6] = .nan; cells[3][2] = .nan
        let map = Heatmap(rowName: "estimate", rowLabels: rows.map(SweepValues.format), columnName: "cost",
                          columnLabels: columns.map(SweepValues.format), cells: cells, metricName: "calmar")
        Golden.check(try Chart.heatmap(map, style: ChartStyle(width: 61, height: 19)), "heatmap-unicode-nan-61x19")
        Golden.check(try Chart.heatmap(map, style: ChartStyle(width: 61, height: 19, color: true)), "heatmap-colour-nan-61x19")
        Golden.check(try Chart.heatmap(map, style: ChartStyle(width: 61, height: 19, ascii: true)), "heatmap-ascii-nan-61x19")
    }

    /// A small 3 × 2 grid gets big cells; lower-is-better (volatility): the lowest cell is best.
    @Test func smallGridLowerIsBetter() throws {
        let cells: [[Double]] = [[0.12, 0.10], [0.09, 0.15], [0.11, 0.13]]
        let map = Heatmap(rowName: "rebalance", rowLabels: ["10", "20", "30"], columnName: "estimate", columnLabels: ["60", "120"],
                          cells: cells, metricName: "volatility", higherIsBetter: false)
        Golden.check(try Chart.heatmap(map, style: ChartStyle(width: 41, height: 21, ascii: true)), "heatmap-ascii-lower-41x21")
    }

    @Test func profileOneParameter() throws {
        let x = stride(from: 5.0, through: 120, by: 5).map { $0 }
        var y = x.map { 0.9 - pow(($0 - 45) / 60, 2) }
        y[10] = .nan
        Golden.check(try Chart.profile(x: x, y: y, parameter: "rebalance", metric: "sharpe", style: ChartStyle(width: 70, height: 18)),
                     "profile-braille-70x18")
        Golden.check(try Chart.profile(x: x, y: y, parameter: "rebalance", metric: "sharpe", style: ChartStyle(width: 70, height: 18, ascii: true)),
                     "profile-ascii-70x18")
    }
}

@Suite struct HeatmapRenderingTests {
    @Test func fitsTheBoxAndMarksTheBest() throws {
        let map = HeatmapGoldenTests.map(rows: HeatmapGoldenTests.rows, columns: HeatmapGoldenTests.columns)
        for (w, h) in [(80, 24), (57, 13), (120, 40)] {
            for (ascii, color) in [(true, false), (false, false), (false, true)] {
                let lines = try Chart.heatmap(map, style: ChartStyle(width: w, height: h, ascii: ascii, color: color))
                #expect(lines.count <= h)
                #expect(lines.allSatisfy { TextWidth.of($0) <= w }, "\(w)x\(h)")
                #expect(color == lines.contains { $0.contains("\u{1B}[") })
                // The best cell: the surface's maximum.
                let flat = map.cells.flatMap { $0 }
                let best = flat.indices.max { flat[$0] < flat[$1] }!
                let legend = lines.first { $0.contains(" best ") } ?? ""
                #expect(legend.contains("estimate \(map.rowLabels[best / 12]), rebalance \(map.columnLabels[best % 12])"))
            }
        }
    }

    @Test func shadesAndRamp() {
        let straddle = HeatScale(lower: -1, upper: 2)
        #expect(straddle.shade(-1) == 0 && straddle.shade(-0.01) == 4 && straddle.shade(0) == 5 && straddle.shade(2) == 9)
        #expect(straddle.shade(1) == 7)  // 1/2 of the positive side → 5 + floor(2.5)
        let positive = HeatScale(lower: 1, upper: 2)
        #expect(positive.shade(1) == 0 && positive.shade(1.55) == 5 && positive.shade(2) == 9)
        #expect(HeatScale(lower: 3, upper: 3).shade(3) == 5)
    }

    @Test func tooSmallIsAnError() {
        let map = HeatmapGoldenTests.map(rows: HeatmapGoldenTests.rows, columns: HeatmapGoldenTests.columns)
        #expect(throws: HedgeError("chart width 30 is too small for 12 columns: use at least 40")) {
            try Chart.heatmap(map, style: ChartStyle(width: 30, height: 24))
        }
        #expect(throws: HedgeError("chart height 10 is too small for 6 rows: use at least 12")) {
            try Chart.heatmap(map, style: ChartStyle(width: 80, height: 10))
        }
        let empty = HeatmapGoldenTests.map(rows: [1], columns: [1], cells: [[.nan]])
        #expect(throws: HedgeError("nothing to plot: no configuration has a value of sharpe")) {
            try Chart.heatmap(empty, style: ChartStyle())
        }
    }
}
