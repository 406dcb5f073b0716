import Foundation

/// Lays out an `OLSResult` exactly as statsmodels' `summary()` prints it.
///
/// The layout follows statsmodels' `iolib/summary.py` and `SimpleTable` with the formats of
/// `iolib/tableformatting.py`: three tables (header, coefficients, diagnostics) whose columns are
/// at least their configured width and otherwise as wide as their widest cell. Long names are
/// never truncated: like statsmodels, the affected table simply grows wider (a long dependent name
/// widens the header table, a long regressor name the coefficient table), and its title and rules
/// follow its own width.
public enum OLSSummary {
    /// `date` and `time` fill the `Date:` and `Time:` lines (statsmodels prints the wall clock there),
    /// e.g. "Sat, 21 Nov 2026" and "20:50:54".
    public static func render(_ result: OLSResult, date: String, time: String) -> String {
        let header = twoColumnTable(
            title: "OLS Regression Results",
            left: [
                ("Dep. Variable:", result.dependentName),
                ("Model:", "OLS"),
                ("Method:", "Least Squares"),
                ("Date:", date),
                ("Time:", time),
                ("No. Observations:", integerOrFloat(Double(result.nobs))),
                ("Df Residuals:", integerOrFloat(result.dfResid)),
                ("Df Model:", integerOrFloat(result.dfModel)),
                ("Covariance Type:", result.covarianceType.statsmodelsName),
            ],
            right: [
                ("R-squared:", PythonFormat.float(result.rsquared, "#8.3f")),
                ("Adj. R-squared:", PythonFormat.float(result.rsquaredAdj, "#8.3f")),
                ("F-statistic:", PythonFormat.float(result.fvalue, "#8.4g")),
                ("Prob (F-statistic):", PythonFormat.float(result.fPvalue, "#6.3g")),
                ("Log-Likelihood:", PythonFormat.float(result.llf, "#8.5g")),
                ("AIC:", PythonFormat.float(result.aic, "#8.4g")),
                ("BIC:", PythonFormat.float(result.bic, "#8.4g")),
            ])
        let diagnostics = twoColumnTable(
            title: "",
            left: [
                ("Omnibus:", PythonFormat.float(result.omnibus, "#6.3f")),
                ("Prob(Omnibus):", PythonFormat.float(result.omnibusP, "#6.3f")),
                ("Skew:", PythonFormat.float(result.skew, "#6.3f")),
                ("Kurtosis:", PythonFormat.float(result.kurtosis, "#6.3f")),
            ],
            right: [
                ("Durbin-Watson:", PythonFormat.float(result.durbinWatson, "#8.3f")),
                ("Jarque-Bera (JB):", PythonFormat.float(result.jarqueBera, "#8.3f")),
                ("Prob(JB):", PythonFormat.float(result.jarqueBeraP, "#8.3g")),
                ("Cond. No.", PythonFormat.float(result.condNo, "#8.3g")),
            ])
        // statsmodels joins the tables dropping each non-final table's closing rule.
        let lines = header.dropLast() + coefficientTable(result).dropLast() + diagnostics
        return lines.joined(separator: "\n") + "\n\n" + notes(result).joined(separator: "\n")
    }

    /// The "Notes:" block: the covariance note, then statsmodels' multicollinearity warnings.
    static func notes(_ result: OLSResult) -> [String] {
        var notes = [result.covarianceType.summaryNote]
        if result.nobs < result.params.count {
            notes.append("The input rank is higher than the number of observations.")
        }
        if result.smallestEigenvalue < 1e-10 {
            notes.append("The smallest eigenvalue is \(PythonFormat.float(result.smallestEigenvalue, "6.3g")). "
                + "This might indicate that there are\nstrong multicollinearity problems or that the design matrix is singular.")
        } else if result.condNo > 1000 {
            notes.append("The condition number is large, \(PythonFormat.float(result.condNo, "6.3g")). "
                + "This might indicate that there are\nstrong multicollinearity or other numerical problems.")
        }
        return ["Notes:"] + notes.enumerated().map { "[\($0.offset + 1)] \($0.element)" }
    }

    /// statsmodels' `d_or_f`: integral values as `%6d`, others as `%#8.2f`, NaN as "   NaN".
    static func integerOrFloat(_ x: Double) -> String {
        if x.isNaN { return "   NaN" }
        if x.isFinite, x.rounded(.down) == x, abs(x) < 1e18 {
            return PythonFormat.rightAligned(String(Int(x)), width: 6)
        }
        return PythonFormat.float(x, "#8.2f")
    }

    /// statsmodels' `forg`: fixed notation with `precision` decimals unless |x| ≥ 1e4 or |x| < 1e-4,
    /// which switch to `%g` (e.g. `-2.23e-05`, `6.236e-16`); width 9 (precision 3) or 10 (precision 4).
    static func fixedOrGeneral(_ x: Double, precision: Int) -> String {
        let width = precision == 4 ? 10 : 9
        let general = abs(x) >= 1e4 || abs(x) < 1e-4
        return PythonFormat.float(x, "\(width).\(precision)\(general ? "g" : "f")")
    }

    /// A header or diagnostics table: two label/value pairs per row, `fmt_2cols` layout
    /// (columns at least 18 wide, values right-aligned, right labels prefixed by two spaces and
    /// padded to 21), '=' rules above and below, optional centered title.
    static func twoColumnTable(title: String, left: [(String, String)], right: [(String, String)]) -> [String] {
        var left = left, right = right
        if right.count < left.count { right += Array(repeating: (" ", " "), count: left.count - right.count) }
        if left.count < right.count { left += Array(repeating: (" ", " "), count: right.count - left.count) }
        let rightLabels = right.map { PythonFormat.leftAligned("  " + $0.0, width: 21) }
        let leftValues = left.map { PythonFormat.rightAligned($0.1, width: 18) }
        let rightValues = right.map { PythonFormat.rightAligned($0.1, width: 18) }
        let widths = [
            max(18, left.map { PythonFormat.length($0.0) }.max() ?? 0),
            max(18, leftValues.map(PythonFormat.length).max() ?? 0),
            max(18, rightLabels.map(PythonFormat.length).max() ?? 0),
            max(18, rightValues.map(PythonFormat.length).max() ?? 0),
        ]
        let rows = left.indices.map { i in
            [
                PythonFormat.leftAligned(left[i].0, width: widths[0]),
                PythonFormat.rightAligned(leftValues[i], width: widths[1]),
                PythonFormat.leftAligned(rightLabels[i], width: widths[2]),
                PythonFormat.rightAligned(rightValues[i], width: widths[3]),
            ].joined(separator: " ")
        }
        return framed(rows: rows, title: title)
    }

    /// The coefficient table (`fmt_params`): names left-aligned, six right-aligned columns at least
    /// 10 wide, a '-' rule under the header.
    static func coefficientTable(_ result: OLSResult) -> [String] {
        let statistic = result.covarianceType.usesStudentT ? "t" : "z"
        let headers = ["coef", "std err", statistic, "P>|\(statistic)|", "[0.025", "0.975]"]
        let columns: [[String]] = [
            result.params.map { fixedOrGeneral($0, precision: 4) },
            result.bse.map { fixedOrGeneral($0, precision: 3) },
            result.tvalues.map { PythonFormat.rightAligned(fixedOrGeneral($0, precision: 3), width: 8) },
            result.pvalues.map { PythonFormat.float($0, "#6.3f") },
            result.confIntLow.map { PythonFormat.rightAligned(fixedOrGeneral($0, precision: 3), width: 11) },
            result.confIntHigh.map { PythonFormat.rightAligned(fixedOrGeneral($0, precision: 3), width: 11) },
        ]
        let stubWidth = max(10, result.names.map(PythonFormat.length).max() ?? 0)
        let widths = zip(headers, columns).map { header, cells in
            max(10, PythonFormat.length(header), cells.map(PythonFormat.length).max() ?? 0)
        }
        func row(_ stub: String, _ cells: [String]) -> String {
            ([PythonFormat.leftAligned(stub, width: stubWidth)]
                + zip(cells, widths).map { PythonFormat.rightAligned($0, width: $1) }).joined(separator: " ")
        }
        let headerRow = row("", headers)
        let rows = result.names.indices.map { i in row(result.names[i], columns.map { $0.indices.contains(i) ? $0[i] : "" }) }
        return framed(rows: [headerRow, String(repeating: "-", count: PythonFormat.length(headerRow))] + rows, title: "")
    }

    /// Adds the centered title (if any) and '=' rules as long as the last row.
    private static func framed(rows: [String], title: String) -> [String] {
        let width = rows.last.map(PythonFormat.length) ?? 0
        let rule = String(repeating: "=", count: width)
        return (title.isEmpty ? [] : [PythonFormat.centered(title, width: width)]) + [rule] + rows + [rule]
    }
}
