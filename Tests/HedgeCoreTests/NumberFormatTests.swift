import Testing
@testable import HedgeCore

/// The one number-formatter family against what Python prints (values checked in Python 3.11).
@Suite struct NumberFormatTests {
    @Test func groupedKeepsTheSignOfSmallNegativesAsPythonDoes() {
        // f"{-0.00299:,.2f}" == "-0.00", f"{-0.0:,.2f}" == "-0.00", f"{-1234567.891:,.2f}" == "-1,234,567.89"
        #expect(NumberFormat.grouped(-0.00299) == "-0.00")
        #expect(NumberFormat.grouped(-0.0) == "-0.00")
        #expect(NumberFormat.grouped(-1_234_567.891) == "-1,234,567.89")
        #expect(NumberFormat.grouped(999.995, 2) == "1,000.00" || NumberFormat.grouped(999.995, 2) == "999.99")
        #expect(NumberFormat.grouped(1_000_000) == "1,000,000.00")
        #expect(NumberFormat.grouped(0.004) == "0.00")
        #expect(NumberFormat.grouped(.infinity) == "inf" && NumberFormat.grouped(-.infinity) == "-inf" && NumberFormat.grouped(.nan) == "nan")
    }

    @Test func chartTicksNeverShowMinusZero() {
        #expect(NumberFormat.tick(-0.0001, 2) == "0.00")
        #expect(NumberFormat.tickGrouped(-1_234_567.5, 1) == "-1,234,567.5")
        #expect(NumberFormat.tick(2e15, 2) == "2e+15")
    }

    @Test func pythonRoundAndPrintfSpecs() {
        // round(2.675, 2) == 2.67 (the double is below the tie); round(-1e-9, 6) == -0.0
        #expect(NumberFormat.pythonRound(2.675, 2) == 2.67)
        let negativeZero = NumberFormat.pythonRound(-1e-9, 6)
        #expect(negativeZero == 0 && negativeZero.sign == .minus)
        #expect(NumberFormat.roundTrip(negativeZero) == "-0.0")
        // '%8.3f' % inf == '     inf'; format(-inf, '8.3f') == '    -inf'
        #expect(NumberFormat.printf(.infinity, "8.3f") == "     inf")
        #expect(NumberFormat.printf(-.infinity, "8.3f") == "    -inf")
        #expect(NumberFormat.printf(1623.1040340881652, "#8.4g") == "   1623.")
    }
}
