import Foundation
import Testing
@testable import HedgeCore

@Suite struct ChartRenderingTests {
    static let days = ChartTestData.weekdays(300)

    static func series(_ name: String, _ values: [Double]) -> Series {
        Series(name: name, dates: Array(ChartTestData.weekdays(values.count)), values: values)
    }

    /// Every chart kind in many sizes: exactly `height` lines, none wider than `width`, never a crash.
    @Test(arguments: [false, true])
    func linesFitTheRequestedSize(ascii: Bool) throws {
        let a = ChartTestData.returns("SPY", seed: 1), b = ChartTestData.returns("A very long series name that will not fit", seed: 2)
        for width in stride(from: 20, through: 140, by: 15) {
            for height in stride(from: 5, through: 45, by: 6) {
                for color in [false, true] {
                    for title: String? in [nil, "A title longer than the narrowest chart can show"] {
                        let style = ChartStyle(width: width, height: height, ascii: ascii, color: color, title: title)
                        let charts: [() throws -> [String]] = [
                            { try Chart.line([a, b], transform: .cumulative, style: style) },
                            { try Chart.line([a, b, a.renamed("x"), b.renamed("y"), a.renamed("z")], transform: .drawdown, style: style) },
                            { try Chart.scatter(x: a, y: b, style: style) },
                            { try Chart.histogram(a, style: style) },
                        ]
                        for chart in charts {
                            do {
                                let lines = try chart()
                                #expect(lines.count == height, "\(width)×\(height)")
                                for line in lines { #expect(TextWidth.of(line) <= width, "\(width)×\(height): \(line)") }
                                if !color { #expect(!lines.joined().contains("\u{1B}")) }
                                if ascii { #expect(lines.joined().unicodeScalars.allSatisfy { $0.isASCII }) }
                            } catch let error as HedgeError {
                                #expect(error.message.contains("too small"), "\(width)×\(height): \(error.message)")
                            }
                        }
                    }
                }
            }
        }
    }

    @Test func asciiModeIsPlainAscii() throws {
        let a = ChartTestData.returns("SPY", seed: 1), b = ChartTestData.returns("QQQ", seed: 2)
        let style = ChartStyle(width: 70, height: 20, ascii: true, title: "Plain")
        let all = try Chart.line([a, b], transform: .cumulative, style: style) + Chart.scatter(x: a, y: b, style: style)
            + Chart.histogram(a, style: style)
        #expect(all.joined().unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func colourOnlyWhenAsked() throws {
        let a = ChartTestData.returns("SPY", seed: 1), b = ChartTestData.returns("QQQ", seed: 2)
        let plain = try Chart.line([a, b], style: ChartStyle(width: 60, height: 15))
        let coloured = try Chart.line([a, b], style: ChartStyle(width: 60, height: 15, color: true))
        #expect(!plain.joined().contains("\u{1B}"))
        #expect(coloured.joined().contains(ANSIColor.code(forSeries: 0)))
        #expect(coloured.joined().contains(ANSIColor.code(forSeries: 1)))
        // Same picture once the codes are stripped (braille with colour draws every line solid, so compare widths).
        #expect(coloured.map(TextWidth.of).max() ?? 0 <= 60)
    }

    @Test func aSingleSpikeAmongTenThousandPointsIsDrawn() throws {
        var values = Array(repeating: 0.0, count: 10_000)
        values[6_123] = 1
        let spiky = Self.series("spiky", values)
        for ascii in [false, true] {
            let lines = try Chart.line([spiky], style: ChartStyle(width: 80, height: 24, ascii: ascii))
            // The y axis tops out at 1, so the top plot row must hold the spike.
            let top = lines[0].drop { $0 != "┤" && $0 != "+" }.dropFirst()
            #expect(top.contains { $0 != " " }, "\(lines.joined(separator: "\n"))")
        }
    }

    @Test func downsamplingKeepsEachColumnsMinAndMax() {
        let points = [(x: 0, y: 3.0), (x: 0, y: 9), (x: 0, y: -1), (x: 0, y: 4), (x: 1, y: 2), (x: 2, y: 5), (x: 2, y: 5)]
        let reduced = Downsampling.minMaxPerColumn(points)
        #expect(reduced.map(\.x) == [0, 0, 1, 2])
        #expect(reduced.map(\.y) == [9, -1, 2, 5])
        #expect(Downsampling.finiteRuns([1, .nan, 2, 3, .infinity, .nan, 4]) == [0..<1, 2..<4, 6..<7])
    }

    @Test func nanGapsLeaveEmptyColumns() throws {
        var values = Array(repeating: 1.0, count: 100)
        for i in 40..<60 { values[i] = .nan }
        let lines = try Chart.line([Self.series("gappy", values)], style: ChartStyle(width: 60, height: 10, ascii: true))
        let row = try #require(lines.first { $0.contains("*") })
        let plot = Array(row.drop { $0 != "|" && $0 != "+" }.dropFirst())
        let marked = plot.indices.filter { plot[$0] == "*" }
        let gaps = zip(marked, marked.dropFirst()).filter { $1 - $0 > 1 }
        #expect(gaps.count == 1, "\(row)")
        #expect((gaps.first.map { $0.1 - $0.0 } ?? 0) > 5)
    }

    @Test func transforms() {
        let s = Self.series("r", [0.1, .nan, -0.5, 0.2])
        let growth = ChartTransform.cumulative.apply(to: s).values
        #expect(abs(growth[0] - 1.1) < 1e-12 && growth[1].isNaN && abs(growth[2] - 0.55) < 1e-12 && abs(growth[3] - 0.66) < 1e-12)
        let drawdown = ChartTransform.drawdown.apply(to: s).values
        #expect(drawdown[0] == 0 && drawdown[1].isNaN && abs(drawdown[2] + 0.5) < 1e-12 && abs(drawdown[3] + 0.4) < 1e-12)
        let losing = ChartTransform.drawdown.apply(to: Self.series("l", [-0.1])).values
        #expect(abs(losing[0] + 0.1) < 1e-12)
    }

    @Test func emptySeriesIsAClearError() {
        let empty = Series(name: "EMPTY", dates: [], values: [])
        let full = ChartTestData.returns("SPY", seed: 1)
        let style = ChartStyle(width: 60, height: 15)
        #expect(throws: HedgeError("nothing to plot: series EMPTY is empty")) { try Chart.line([full, empty], style: style) }
        #expect(throws: HedgeError("nothing to plot: series EMPTY is empty")) { try Chart.scatter(x: full, y: empty, style: style) }
        #expect(throws: HedgeError("nothing to plot: series EMPTY is empty")) { try Chart.histogram(empty, style: style) }
        #expect(throws: HedgeError("nothing to plot: no series given")) { try Chart.line([], style: style) }
        #expect(throws: HedgeError("nothing to plot: series N has no values")) { try Chart.line([Self.series("N", [.nan, .nan])], style: style) }
    }

    @Test func tooSmallSizesAreRejected() {
        let s = ChartTestData.returns("SPY", seed: 1)
        #expect(throws: HedgeError("chart width 19 is too small: use at least 20")) { try Chart.line([s], style: ChartStyle(width: 19, height: 10)) }
        #expect(throws: HedgeError("chart height 5 is too small: use at least 6")) { try Chart.line([s], style: ChartStyle(width: 40, height: 5)) }
        #expect(throws: HedgeError.self) { try Chart.line([s], style: ChartStyle(width: -5, height: -5)) }
        #expect(throws: HedgeError.self) { try Chart.line([s], style: ChartStyle(width: 40, height: 6, title: "T")) }
    }

    @Test func singlePointAndConstantSeriesStillDraw() throws {
        for ascii in [false, true] {
            let style = ChartStyle(width: 40, height: 10, ascii: ascii)
            let one = Self.series("ONE", [0.02])
            let flat = Self.series("FLAT", Array(repeating: 100.0, count: 50))
            for lines in [try Chart.line([one], unit: .percent, style: style), try Chart.line([flat], style: style),
                          try Chart.histogram(one, style: style), try Chart.histogram(flat, unit: .number, style: style),
                          try Chart.scatter(x: one, y: one, style: style), try Chart.scatter(x: flat, y: flat, unit: .number, style: style)] {
                #expect(lines.count == 10)
                let plotText = lines.prefix(7).map { $0.drop { $0 != "┤" && $0 != "│" && $0 != "|" && $0 != "+" }.dropFirst() }.joined()
                #expect(plotText.contains { $0 != " " }, "\(lines.joined(separator: "\n"))")
            }
        }
    }

    @Test func scatterEquationAndFit() throws {
        let fit = try #require(LinearFit.leastSquares(x: [0, 1, 2, 3, .nan], y: [1, 3, 5, 7, 100]))
        #expect(abs(fit.intercept - 1) < 1e-12 && abs(fit.slope - 2) < 1e-12)
        #expect(LinearFit(intercept: 0.001, slope: 1.67012).equation() == "y = 0.0010 + 1.6701·x")
        #expect(LinearFit(intercept: -0.0004, slope: -0.5).equation(ascii: true) == "y = -0.0004 - 0.5000*x")
        #expect(LinearFit.leastSquares(x: [1, 1, 1], y: [1, 2, 3]) == nil)
        let (x, y) = ChartGoldenTests.scatterPair()
        let lines = try Chart.scatter(x: x, y: y, fit: LinearFit(intercept: 0.001, slope: 1.6701), style: ChartStyle(width: 80, height: 20))
        #expect(lines.last?.contains("y = 0.0010 + 1.6701·x") == true)
    }

    @Test func sharedCellsShowBothSeries() {
        var canvas = DotCanvas(columns: 1, rows: 1, dotsPerCell: (2, 4), layers: 2)
        canvas.plot(x: 0, y: 0, layer: 1)
        canvas.plot(x: 1, y: 3, layer: 0)
        let cell = canvas.cell(column: 0, row: 0)
        #expect(cell.bits == Braille.bit(x: 0, y: 3) | Braille.bit(x: 1, y: 0))
        #expect(cell.layer == 0)
        canvas.setBlend(.invert, layer: 0)
        canvas.plot(x: 0, y: 0, layer: 0)
        #expect(canvas.cell(column: 0, row: 0).bits == Braille.bit(x: 1, y: 0))
    }

    @Test func hostileInputsGiveMessagesNotCrashes() throws {
        let huge = Self.series("HUGE", [-1e308, 1e308, 5])
        let style = ChartStyle(width: 60, height: 15)
        for chart in [{ try Chart.line([huge], style: style) }, { try Chart.histogram(huge, style: style) },
                      { try Chart.scatter(x: huge, y: huge, style: style) }] as [() throws -> [String]] {
            #expect(throws: HedgeError.self) { try chart() }
        }
        let overflowing = Self.series("BOOM", Array(repeating: 1e200, count: 10))
        _ = try Chart.line([overflowing], transform: .cumulative, style: style)  // growth overflows to ∞: drawn as gaps
        #expect(throws: HedgeError("chart width 5000 is too large: use at most 2000")) {
            try Chart.line([huge], style: ChartStyle(width: 5000, height: 20))
        }
        let named = Self.series("evil\nname\u{1B}[31m", [1, 2, 3])
        let lines = try Chart.line([named], style: ChartStyle(width: 40, height: 10, title: "two\nlines\u{1B}[2J"))
        #expect(lines.count == 10)
        #expect(!lines.joined().contains("\u{1B}") && !lines.joined().contains("\n"))
        let counts = try Chart.histogram(Self.series("FEW", [0.01, 0.02]), style: ChartStyle(width: 40, height: 15))
        #expect(!counts.joined().contains("0.5┤"))
    }

    /// Random short series (NaNs, duplicates in value, tiny and large magnitudes) in random sizes: always
    /// either the exact size or a `HedgeError`.
    @Test func randomInputsNeverCrash() {
        var random = ChartTestData.LCG(state: 2024)
        for _ in 0..<400 {
            let count = 1 + Int(random.next() * 40)
            let scale = pow(10, random.next() * 16 - 8)
            let values = (0..<count).map { _ in random.next() < 0.2 ? Double.nan : (random.next() < 0.3 ? 1 : random.normal()) * scale }
            let s = Self.series("R", values)
            let style = ChartStyle(width: 15 + Int(random.next() * 100), height: 3 + Int(random.next() * 40),
                                   ascii: random.next() < 0.5, color: random.next() < 0.3)
            let transform = ChartTransform.allCases[Int(random.next() * 3)]
            let unit = ChartUnit.allCases[Int(random.next() * 3)]
            for chart in [{ try Chart.line([s, s.renamed("S")], transform: transform, unit: unit, style: style) },
                          { try Chart.histogram(s, bins: Int(random.next() * 200) - 20, unit: unit, style: style) },
                          { try Chart.scatter(x: s, y: s.renamed("T"), unit: unit, style: style) }] as [() throws -> [String]] {
                do {
                    let lines = try chart()
                    #expect(lines.count == style.height)
                    #expect(lines.allSatisfy { TextWidth.of($0) <= style.width })
                } catch {
                    #expect(error is HedgeError)
                }
            }
        }
    }
}
