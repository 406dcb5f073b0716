import Foundation
import Testing
@testable import HedgeCore

/// Renderings compared with reviewed files in `Fixtures/charts/` (`HEDGE_UPDATE_GOLDEN=1` rewrites them).
@Suite struct ChartGoldenTests {
    static let spy = ChartTestData.returns("SPY", seed: 1, noise: 0.006)
    static let qqq = ChartTestData.returns("QQQ", seed: 2, drift: 0.0008, noise: 0.009)
    static let iwm = ChartTestData.returns("IWM", seed: 3, drift: -0.0002, noise: 0.008)

    @Test func cumulativeBraille80x24() throws {
        Golden.check(try Chart.line([Self.spy, Self.qqq], transform: .cumulative, style: ChartStyle(width: 80, height: 24)),
                     "line-cumulative-braille-80x24")
    }

    @Test func cumulativeBraille80x20() throws {
        Golden.check(try Chart.line([Self.spy, Self.qqq], transform: .cumulative, style: ChartStyle(width: 80, height: 20)),
                     "line-cumulative-braille-80x20")
    }

    @Test func cumulativeAscii60x15WithTitle() throws {
        let style = ChartStyle(width: 60, height: 15, ascii: true, title: "Growth of 1: SPY vs QQQ")
        Golden.check(try Chart.line([Self.spy, Self.qqq], transform: .cumulative, style: style), "line-cumulative-ascii-60x15")
    }

    @Test func drawdownBraille120x30ThreeSeries() throws {
        let style = ChartStyle(width: 120, height: 30, title: "Drawdown")
        Golden.check(try Chart.line([Self.spy, Self.qqq, Self.iwm], transform: .drawdown, style: style), "line-drawdown-braille-120x30")
    }

    @Test func drawdownAscii80x24ThreeSeries() throws {
        Golden.check(try Chart.line([Self.spy, Self.qqq, Self.iwm], transform: .drawdown, style: ChartStyle(width: 80, height: 24, ascii: true)),
                     "line-drawdown-ascii-80x24")
    }

    @Test func returnsWithGapBraille60x15() throws {
        var gappy = ChartTestData.returns("XLE", count: 120, seed: 4, noise: 0.012)
        for i in 50..<65 { gappy.values[i] = .nan }
        Golden.check(try Chart.line([gappy], unit: .percent, style: ChartStyle(width: 60, height: 15)), "line-returns-gap-braille-60x15")
    }

    /// A backtest-like portfolio value at monthly rebalances against the benchmark's growth of the same capital.
    @Test func portfolioValuesAscii80x24() throws {
        let dates = (0..<36).compactMap { Day(year: 2021 + $0 / 12, month: $0 % 12 + 1, day: 1) }
        var random = ChartTestData.LCG(state: 9)
        var portfolio = 1_000_000.0, benchmark = 1_000_000.0
        var p: [Double] = [], b: [Double] = []
        for _ in dates {
            p.append(portfolio); b.append(benchmark)
            let market = 0.008 + 0.04 * random.normal()
            portfolio *= 1 + 0.004 + 0.02 * random.normal()
            benchmark *= 1 + market
        }
        let style = ChartStyle(width: 80, height: 24, ascii: true, title: "Backtest: portfolio value at each rebalance")
        Golden.check(try Chart.line([Series(name: "hedged portfolio", dates: dates, values: p),
                                     Series(name: "SPY (same capital)", dates: dates, values: b)], style: style),
                     "line-portfolio-ascii-80x24")
    }

    static func scatterPair() -> (x: Series, y: Series) {
        let x = ChartTestData.returns("SPY", seed: 1)
        var random = ChartTestData.LCG(state: 5)
        let y = Series(name: "TSLA", dates: x.dates, values: x.values.map { 0.001 + 1.67 * $0 + 0.006 * random.normal() })
        return (x, y)
    }

    @Test func scatterBraille80x24() throws {
        let (x, y) = Self.scatterPair()
        Golden.check(try Chart.scatter(x: x, y: y, style: ChartStyle(width: 80, height: 24, title: "TSLA on SPY, daily returns")),
                     "scatter-braille-80x24")
    }

    @Test func scatterAscii60x15() throws {
        let (x, y) = Self.scatterPair()
        Golden.check(try Chart.scatter(x: x, y: y, style: ChartStyle(width: 60, height: 15, ascii: true)), "scatter-ascii-60x15")
    }

    @Test func histogramBraille80x24() throws {
        Golden.check(try Chart.histogram(ChartTestData.returns("SPY", seed: 1), style: ChartStyle(width: 80, height: 24)),
                     "histogram-braille-80x24")
    }

    @Test func histogramAscii60x15() throws {
        Golden.check(try Chart.histogram(ChartTestData.returns("SPY", seed: 1), bins: 15, style: ChartStyle(width: 60, height: 15, ascii: true)),
                     "histogram-ascii-60x15")
    }

    @Test func cumulativeColour80x20() throws {
        Golden.check(try Chart.line([Self.spy, Self.qqq], transform: .cumulative, style: ChartStyle(width: 80, height: 20, color: true)),
                     "line-cumulative-colour-80x20")
    }
}
