/// Joining input lines that end in a backslash into one command line.
public enum ContinuationLine {
    /// The line without its trailing backslash when it continues on the next line, else nil.
    /// Trailing whitespace after the backslash is ignored; a doubled backslash does not continue.
    public static func continued(_ line: String) -> String? {
        var trimmed = Substring(line)
        while let last = trimmed.last, last == " " || last == "\t" || last == "\r" || last == "\n" {
            trimmed = trimmed.dropLast()
        }
        guard trimmed.hasSuffix("\\"), !trimmed.hasSuffix("\\\\") else { return nil }
        return String(trimmed.dropLast())
    }

    /// `pending` joined with the next physical line.
    public static func join(_ pending: String, _ next: String) -> String {
        pending.isEmpty ? next : pending + " " + next
    }
}
