import Foundation
import Testing
@testable import HedgeCore

@Suite struct RollingBetaChartTests {
    static func rolling() throws -> RollingBeta {
        let x = (0..<120).map { sin(Double($0) * 0.9) * 0.01 }
        let y = x.enumerated().map { 0.0002 + (1 + Double($0.offset) / 200) * $0.element + 0.002 * cos(Double($0.offset) * 2.3) }
        let dates = (0..<120).map { Day(ordinal: 19_000 + $0) }
        return try RollingBeta.window(Series(name: "p", dates: dates, values: y), on: [Series(name: "QQQ", dates: dates, values: x)], window: 30)
    }

    @Test func windowChartHasBandAndReference() throws {
        let rolling = try Self.rolling()
        let full = try rolling.fullSampleRegression()
        let lines = try Chart.rollingBeta(rolling, fullSampleBeta: full.betas[0], style: ChartStyle(width: 70, height: 14, ascii: true))
        let text = lines.joined(separator: "\n")
        #expect(text.contains("beta QQQ"))
        #expect(text.contains("beta ± 2 s.e.") && !text.contains("beta - 2 s.e."))
        #expect(text.contains("full-sample beta \(String(format: "%.4f", full.betas[0]))"))
        #expect(lines.count == 14)
    }

    @Test func ewmaChartHasNoBand() throws {
        let r = try Self.rolling()
        let ewma = try RollingBeta.ewma(r.dependent, on: r.regressors[0], halflife: 10)
        let text = try Chart.rollingBeta(ewma, fullSampleBeta: nil, style: ChartStyle(width: 60, height: 10, ascii: true)).joined(separator: "\n")
        #expect(text.contains("beta QQQ") && !text.contains("s.e."))
        #expect(throws: HedgeError.self) { try Chart.rollingBeta(ewma, regressor: 1, fullSampleBeta: nil, style: ChartStyle()) }
    }
}
