import Foundation

/// Number formats as Python prints them (`f"{x:,.2f}"`, `%.4f`, `%g`), for output that matches the notebook.
public enum NumberFormat {
    /// `f"{x:.Nf}"`.
    public static func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return nonFinite(x) }
        return String(format: "%.\(digits)f", x)
    }

    /// `f"{x:,.Nf}"`: fixed with thousands separators.
    public static func grouped(_ x: Double, _ digits: Int = 2) -> String {
        guard x.isFinite else { return nonFinite(x) }
        let text = fixed(abs(x), digits)
        let parts = text.split(separator: ".", maxSplits: 1)
        let integer = Array(parts[0])
        var out = ""
        for (i, c) in integer.enumerated() {
            if i > 0 && (integer.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        if parts.count > 1 { out += "." + parts[1] }
        let negative = x < 0 && out.contains(where: { $0 != "0" && $0 != "." && $0 != "," })
        return negative ? "-" + out : out
    }

    /// `%.Ng` (Python's `g`): N significant digits.
    public static func general(_ x: Double, _ digits: Int = 6) -> String {
        guard x.isFinite else { return nonFinite(x) }
        return String(format: "%.\(digits)g", x)
    }

    /// A fraction as a percentage: 0.0123 → `1.23%`.
    public static func percent(_ x: Double, _ digits: Int = 2) -> String {
        guard x.isFinite else { return nonFinite(x) }
        return fixed(x * 100, digits) + "%"
    }

    /// The shortest text that parses back to exactly `x` (Swift's `description`); `nan`/`inf` as Python writes them.
    public static func roundTrip(_ x: Double) -> String {
        guard x.isFinite else { return nonFinite(x) }
        return x.description
    }

    /// Python's `round(x, digits)`: the double nearest the decimal rounded correctly (ties to even, as
    /// printf rounds the exact binary value).
    public static func pythonRound(_ x: Double, _ digits: Int) -> Double {
        guard x.isFinite else { return x }
        return Double(String(format: "%.\(digits)f", x)) ?? x
    }

    static func nonFinite(_ x: Double) -> String {
        x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf")
    }
}
