import Foundation

/// Numbers as users type them: `0.001`, `1e6`, `1,000,000`, `1_000_000`, `0.1%`.
enum NumberText {
    static func parse(_ text: String) -> Double? {
        var t = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
        var scale = 1.0
        if t.hasSuffix("%") { t.removeLast(); scale = 0.01 }
        guard let x = Double(t), x.isFinite else { return nil }
        return x * scale
    }
}
