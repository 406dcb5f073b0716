import Foundation

/// The few pieces of Python string formatting that statsmodels' summary text relies on.
enum PythonFormat {
    /// Python's `format(value, spec)` / `"%spec" % value` for a float with a printf-style spec such
    /// as `"#8.4g"`, `"10.4f"` or `"9.3g"` (C printf agrees with Python for finite values;
    /// NaN and ±inf are spelled like Python: `nan`, `inf`, `-inf`, right-aligned to the width).
    static func float(_ value: Double, _ spec: String) -> String {
        if value.isFinite { return String(format: "%" + spec, value) }
        let text = value.isNaN ? "nan" : value < 0 ? "-inf" : "inf"
        return rightAligned(text, width: width(of: spec))
    }

    /// The minimum field width in a spec like `"#8.4g"` (0 when absent).
    private static func width(of spec: String) -> Int {
        let digits = spec.drop { !$0.isNumber }.prefix { $0.isNumber }
        return Int(digits) ?? 0
    }

    /// Length as Python counts it (code points).
    static func length(_ s: String) -> Int { s.unicodeScalars.count }

    static func rightAligned(_ s: String, width: Int) -> String {
        String(repeating: " ", count: max(0, width - length(s))) + s
    }

    static func leftAligned(_ s: String, width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - length(s)))
    }

    /// Python's `str.center`: when the padding is odd, the extra space goes left only if
    /// both the padding and the width are odd.
    static func centered(_ s: String, width: Int) -> String {
        let margin = width - length(s)
        guard margin > 0 else { return s }
        let left = margin / 2 + (margin & width & 1)
        return String(repeating: " ", count: left) + s + String(repeating: " ", count: margin - left)
    }
}
