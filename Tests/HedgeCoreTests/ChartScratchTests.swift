import Testing
@testable import HedgeCore

@Suite struct ChartScratch {
    @Test func show() throws {
        let a = ChartTestData.returns("SPY", seed: 1)
        let b = ChartTestData.returns("QQQ", seed: 2, drift: 0.0008, noise: 0.015)
        for style in [ChartStyle(width: 80, height: 20), ChartStyle(width: 60, height: 15, ascii: true, title: "Growth of 1")] {
            print(try Chart.line([a, b], transform: .cumulative, style: style).joined(separator: "\n"))
        }
        print(try Chart.line([a, b], transform: .drawdown, style: ChartStyle(width: 80, height: 20)).joined(separator: "\n"))
    }
}
