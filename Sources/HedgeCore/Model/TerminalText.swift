/// Text quoted from input (file names, CSV cells and headers, command words) made safe to show on a
/// terminal: every non-printable character is replaced by a visible escape, so a file can neither
/// clear the screen, set the window title, hide text with bidirectional overrides nor break a
/// message onto several lines.
///
/// Escapes: `\n`, `\r`, `\t`, `\0`; other ASCII and C1 controls as `\x1B`; every other
/// non-printable scalar (format characters such as U+202E, line and paragraph separators,
/// surrogates, private use, unassigned) as `\u{202E}`. Printable text, including non-ASCII letters,
/// passes unchanged.
public enum TerminalText {
    /// `text` with every non-printable character escaped.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else { result.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                if scalar.value < 0x100 {
                    result += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else {
                    result += "\\u{" + hex + "}"
                }
            }
        }
        return result
    }

    /// Command output (`show`, `ls`, charts, summaries) made safe the same way, keeping its layout
    /// and colours: newlines, tabs and SGR colour sequences (`ESC [ digits ; … m`, which can only
    /// change colours and emphasis) pass; every other non-printable character — a screen-clearing
    /// `ESC [2J`, a title-setting `ESC ]`, a NUL from a ticker name — is escaped as by `escaped`.
    public static func escapedKeepingLayout(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) && $0 != "\n" && $0 != "\t" }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar == "\n" || scalar == "\t" || !needsEscape(scalar) {
                result.unicodeScalars.append(scalar)
                i += 1
                continue
            }
            if scalar == "\u{1B}", let end = sgrEnd(scalars, from: i) {
                result.unicodeScalars.append(contentsOf: scalars[i...end])
                i = end + 1
                continue
            }
            result += escaped(String(scalar))
            i += 1
        }
        return result
    }

    /// The index of the `m` ending an SGR sequence `ESC [ [0-9;]* m` that starts at `start`.
    private static func sgrEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var i = start + 2
        while i < scalars.count, i - start < 32 {
            let s = scalars[i]
            if s == "m" { return i }
            guard ("0"..."9").contains(s) || s == ";" else { return nil }
            i += 1
        }
        return nil
    }

    /// Whether `scalar` must be escaped: controls (Cc), format characters (Cf), line and paragraph
    /// separators, surrogates, private-use and unassigned code points.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value >= 0x20 && scalar.value < 0x7F { return false }  // printable ASCII, the common case
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
            return true
        default:
            return false
        }
    }
}
