/// Display width of chart text: every Unicode scalar counts one column (braille, box drawing, `·`),
/// ANSI escape sequences count zero. Charts assume no wide (CJK) or combining characters.
enum TextWidth {
    static func of(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value) && scalar != "[" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" { inEscape = true; continue }
            width += 1
        }
        return width
    }

    /// `text` with control characters (newlines, tabs, escapes) replaced by spaces, so user text
    /// (titles, series names) can neither wrap a chart line nor inject terminal codes.
    static func sanitized(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// `text` cut to `width` columns, ending in an ellipsis when cut (`…`, or `...` in ASCII). Plain text only.
    static func truncate(_ text: String, to width: Int, ascii: Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > width else { return text }
        let ellipsis = ascii ? "..." : "…"
        let keep = width - ellipsis.unicodeScalars.count
        guard keep > 0 else { return String(String.UnicodeScalarView(scalars.prefix(Swift.max(0, width)))) }
        return String(String.UnicodeScalarView(scalars.prefix(keep))) + ellipsis
    }
}
