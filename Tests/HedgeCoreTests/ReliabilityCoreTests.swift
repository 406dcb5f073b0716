import Foundation
import Testing
@testable import HedgeCore

/// Issue 13 in the core: escaping text for the terminal, cancellation of long computations, and
/// y axes that are right at every accepted chart size.
@Suite struct ReliabilityCoreTests {
    // MARK: Item 7 — non-printable characters are escaped

    @Test func printableTextIsUnchanged() {
        for text in ["AAPL", "cannot read \"12x\" as a number", "Zürich 漢字 ✓ ⣿", "tab-free, newline-free", ""] {
            #expect(TerminalText.escaped(text) == text)
        }
    }

    @Test func controlAndFormatCharactersAreEscaped() {
        #expect(TerminalText.escaped("a\u{1B}[2Jb") == "a\\x1B[2Jb")
        #expect(TerminalText.escaped("\u{1B}]0;pwned\u{07}") == "\\x1B]0;pwned\\x07")
        #expect(TerminalText.escaped("x\0y") == "x\\0y")
        #expect(TerminalText.escaped("one\ntwo\r\tthree") == "one\\ntwo\\r\\tthree")
        #expect(TerminalText.escaped("\u{7F}\u{9B}") == "\\x7F\\x9B")
        #expect(TerminalText.escaped("abc\u{202E}cba") == "abc\\u{202E}cba")   // right-to-left override
        #expect(TerminalText.escaped("a\u{2028}b\u{200B}c") == "a\\u{2028}b\\u{200B}c")
        #expect(TerminalText.escaped("\u{E000}") == "\\u{E000}")
    }

    @Test func escapedTextHasNoNonPrintableCharacterLeft() {
        var random = ChartTestData.LCG(state: 7)
        for _ in 0..<500 {
            let scalars = (0..<20).compactMap { _ in Unicode.Scalar(UInt32(random.next() * 0x3000)) }
            let escaped = TerminalText.escaped(String(String.UnicodeScalarView(scalars)))
            #expect(!escaped.unicodeScalars.contains(where: TerminalText.needsEscape), "\(escaped.debugDescription)")
        }
    }

    // MARK: Item 2 — cancellation

    static func cancelled() -> Cancellation {
        let cancellation = Cancellation()
        cancellation.cancel()
        return cancellation
    }

    @Test func regressionStopsWhenCancelled() {
        let x = ChartTestData.returns("X", count: 300, seed: 1), y = ChartTestData.returns("Y", count: 300, seed: 2)
        #expect(throws: HedgeError("interrupted")) { try DatedRegression.fit(y, on: [x], cancellation: Self.cancelled()) }
        #expect(throws: HedgeError("interrupted")) {
            try OLS.fit(y: y.values, regressors: [x.values], cancellation: Self.cancelled())
        }
        #expect(throws: HedgeError("interrupted")) {
            try HouseholderQR(columns: [Array(repeating: 1, count: 300), x.values], rhs: y.values, cancellation: Self.cancelled())
        }
        // Not cancelled: the same fit as without a cancellation.
        #expect((try? OLS.fit(y: y.values, regressors: [x.values], cancellation: Cancellation())) == (try? OLS.fit(y: y.values, regressors: [x.values])))
    }

    @Test func backtestStopsWhenCancelled() {
        let long = ChartTestData.returns("L", count: 300, seed: 3), benchmark = ChartTestData.returns("B", count: 300, seed: 4)
        #expect(throws: HedgeError("interrupted")) {
            try NotebookBacktest.run(portfolio: long, benchmark: benchmark, cancellation: Self.cancelled())
        }
        #expect((try? NotebookBacktest.run(portfolio: long, benchmark: benchmark, cancellation: Cancellation()))
                == (try? NotebookBacktest.run(portfolio: long, benchmark: benchmark)))
    }

    @Test func chartsStopWhenCancelled() {
        let a = ChartTestData.returns("A", seed: 5), b = ChartTestData.returns("B", seed: 6)
        let style = ChartStyle(width: 60, height: 16)
        #expect(throws: HedgeError("interrupted")) { try Chart.line([a, b], style: style, cancellation: Self.cancelled()) }
        #expect(throws: HedgeError("interrupted")) { try Chart.scatter(x: a, y: b, style: style, cancellation: Self.cancelled()) }
        #expect(throws: HedgeError("interrupted")) { try Chart.histogram(a, style: style, cancellation: Self.cancelled()) }
    }

    // MARK: Item 6 — y axes on short charts

    /// Data ranges: spanning zero, one-signed, narrow around a large value, tiny, constant.
    static let ranges: [(Double, Double)] = [
        (-0.0967, 0.0835), (-0.15, 0.15), (0.001, 0.15), (-0.37, 0), (9.9, 10.1), (980_000, 1_460_000),
        (-1e-7, 3e-7), (0.999, 1.001), (5, 5), (-2_500, 40_000_000), (1e-300, 2e-300),
    ]

    @Test func everyAcceptedHeightLabelsTheYAxisCorrectly() throws {
        for rows in ChartFrame.minimumPlotRows...40 {
            for (lo, hi) in Self.ranges {
                for unit in ChartUnit.allCases {
                    let axis = try #require(ValueAxis.covering(lo, hi, unit: unit, rows: rows), "\(rows) rows, \(lo)...\(hi)")
                    let (low, high) = ValueAxis.widened(lo, hi, unit: unit)
                    #expect(axis.ticks.count >= 2, "\(rows) rows, \(lo)...\(hi): \(axis.ticks)")
                    let slop = (axis.upper - axis.lower) * 1e-9
                    #expect(axis.lower <= low + slop && axis.upper >= high - slop, "\(rows) rows, \(lo)...\(hi): \(axis.ticks)")
                    // The ticks span at most 5× the data: the line is never flattened into one row.
                    #expect(axis.upper - axis.lower <= 5 * (high - low) * (1 + 1e-9), "\(rows) rows, \(lo)...\(hi): \(axis.ticks)")
                    #expect(Set(axis.labels).count == axis.labels.count, "\(rows) rows: \(axis.labels)")
                    for dotsPerRow in [1, 4] {
                        let scale = LinearScale(lower: axis.lower, upper: axis.upper, dots: rows * dotsPerRow)
                        let tickRows = axis.ticks.map { rows - 1 - scale.dot($0) / dotsPerRow }
                        #expect(Set(tickRows).count == tickRows.count && tickRows.allSatisfy { (0..<rows).contains($0) },
                                "\(rows) rows × \(dotsPerRow) dots, \(lo)...\(hi): ticks on rows \(tickRows)")
                    }
                }
            }
        }
        #expect(ValueAxis.covering(-0.1, 0.1, unit: .percent, rows: 2) == nil)
    }

    @Test func shortChartsDrawRealTicksOrSayTheSizeIsTooSmall() throws {
        let returns = ChartTestData.returns("R", count: 700, seed: 9, noise: 0.03)
        for height in 1...12 {
            for ascii in [true, false] {
                for title: String? in [nil, "T"] {
                    let style = ChartStyle(width: 40, height: height, ascii: ascii, title: title)
                    do {
                        let lines = try Chart.line([returns], style: style)
                        #expect(height >= ChartStyle.minimumHeight)
                        let labelled = lines.dropLast(3).filter { $0.contains(ascii ? "+" : "┤") }
                        #expect(labelled.count >= 2, "height \(height): \(lines)")
                        #expect(!lines.joined().contains("0000000"), "height \(height): \(lines)")
                        // The data fills more than one row of the plot.
                        let plotted = lines.filter { line in line.contains(ascii ? "*" : "⠀") || line.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } }
                        #expect(plotted.count >= 2, "height \(height): \(lines)")
                    } catch let error as HedgeError {
                        #expect(error.message.contains("too small") && error.message.contains("use at least"), "\(error.message)")
                    }
                }
            }
        }
    }
}

@Suite struct TerminalTextLayoutTests {
    @Test func outputKeepsLinesTabsAndColoursButEscapesTheRest() {
        let coloured = "\u{1B}[1mname\u{1B}[0m: series\n\t\u{1B}[38;5;208m⣿\u{1B}[0m"
        #expect(TerminalText.escapedKeepingLayout(coloured) == coloured)
        #expect(TerminalText.escapedKeepingLayout("tickers: AA\u{7}PL, \u{1B}[2JX\n") == "tickers: AA\\x07PL, \\x1B[2JX\n")
        #expect(TerminalText.escapedKeepingLayout("title \u{1B}]0;owned\u{7}") == "title \\x1B]0;owned\\x07")
        #expect(TerminalText.escapedKeepingLayout("nul\0 cr\r") == "nul\\0 cr\\r")
        #expect(TerminalText.escapedKeepingLayout("\u{1B}[") == "\\x1B[")
    }
}
