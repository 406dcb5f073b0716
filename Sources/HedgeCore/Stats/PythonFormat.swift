#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The text layout of Python strings that statsmodels' summary relies on (numbers: `NumberFormat`).
enum PythonFormat {
    /// Python's `format(value, spec)` for a float (see `NumberFormat.printf`).
    static func float(_ value: Double, _ spec: String) -> String { NumberFormat.printf(value, spec) }

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
