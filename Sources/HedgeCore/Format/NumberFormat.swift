#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Every number `hedge` prints, formatted in one place, the way Python, pandas and statsmodels print
/// them (so output matches the notebook), plus the chart-tick variants.
///
/// Non-finite values are spelled as Python spells them: `nan`, `inf`, `-inf`.
public enum NumberFormat {
    /// `f"{x:.Nf}"`. Negative values that round to zero keep their sign (`-0.00`), as Python's do.
    public static func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return nonFinite(x) }
        return CFormat.double("%.\(digits)f", x)
    }

    /// `f"{x:,.Nf}"`: fixed with thousands separators; the sign is kept exactly as `fixed` keeps it
    /// (`f"{-0.00299:,.2f}"` is `-0.00`).
    public static func grouped(_ x: Double, _ digits: Int = 2) -> String {
        guard x.isFinite else { return nonFinite(x) }
        return insertingThousandsSeparators(fixed(x, digits))
    }

    /// `f"{x:.Ng}"` / `"%.Ng" % x`: N significant digits, trailing zeros removed.
    public static func general(_ x: Double, _ digits: Int = 6) -> String {
        guard x.isFinite else { return nonFinite(x) }
        return CFormat.double("%.\(digits)g", x)
    }

    /// A fraction as a percentage: 0.0123 → `1.23%`.
    public static func percent(_ x: Double, _ digits: Int = 2) -> String {
        guard x.isFinite else { return nonFinite(x) }
        return fixed(x * 100, digits) + "%"
    }

    /// The shortest text that parses back to exactly `x` (Python's `repr`, Swift's `description`).
    public static func roundTrip(_ x: Double) -> String {
        guard x.isFinite else { return nonFinite(x) }
        return x.description
    }

    /// Python's `round(x, digits)`: the double nearest to `x` rounded to `digits` decimals (printf
    /// rounds the exact binary value correctly, as Python's `round` does).
    public static func pythonRound(_ x: Double, _ digits: Int) -> Double {
        guard x.isFinite else { return x }
        return Double(CFormat.double("%.\(digits)f", x)) ?? x
    }

    /// Python's `format(x, spec)` / `"%spec" % x` for a printf-style spec such as `"#8.4g"`, `"10.4f"`
    /// (statsmodels' summary tables). C printf agrees with Python for finite values; NaN and ±inf are
    /// spelled like Python and right-aligned to the spec's width.
    public static func printf(_ x: Double, _ spec: String) -> String {
        if x.isFinite { return CFormat.double("%" + spec, x) }
        let width = Int(spec.drop { !$0.isNumber }.prefix { $0.isNumber }) ?? 0
        let text = nonFinite(x)
        return String(repeating: " ", count: max(0, width - text.unicodeScalars.count)) + text
    }

    /// A chart label: `digits` decimals, scientific (`%.3g`) from 10^15 on, and never `-0` (a tick at
    /// zero is `0` whatever the rounding noise).
    public static func tick(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return nonFinite(x) }
        // Astronomical values (a runaway growth path) in scientific notation rather than 200 digits.
        let text = abs(x) >= 1e15 ? CFormat.double("%.3g", x) : CFormat.double("%.\(digits)f", x)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
    }

    /// A chart label with thousands separators: 1234567.5 → `1,234,567.5` (never `-0`).
    public static func tickGrouped(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return nonFinite(x) }
        return insertingThousandsSeparators(tick(x, digits))
    }

    /// `nan`, `inf` or `-inf`.
    public static func nonFinite(_ x: Double) -> String {
        x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf")
    }

    /// `-1234567.50` → `-1,234,567.50`: commas every three digits of the integer part.
    static func insertingThousandsSeparators(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let unsigned = negative ? text.dropFirst() : Substring(text)
        guard unsigned.allSatisfy({ $0.isNumber || $0 == "." }) else { return text }
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = Array(parts[0])
        var out = negative ? "-" : ""
        for (i, c) in integer.enumerated() {
            if i > 0 && (integer.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        if parts.count > 1 { out += "." + parts[1] }
        return out
    }
}
