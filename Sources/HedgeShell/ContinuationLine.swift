/// Joining input lines that end in a backslash into one command line.
public enum ContinuationLine {
    /// The line without its trailing backslash (and the blanks around it) when it continues on the
    /// next line, else nil. A doubled backslash does not continue.
    public static func continued(_ line: String) -> String? {
        var trimmed = Substring(line)
        while let last = trimmed.last, last == " " || last == "\t" || last == "\r" || last == "\n" {
            trimmed = trimmed.dropLast()
        }
        guard trimmed.hasSuffix("\\"), !trimmed.hasSuffix("\\\\") else { return nil }
        var kept = trimmed.dropLast()
        while let last = kept.last, last == " " || last == "\t" { kept = kept.dropLast() }
        return String(kept)
    }

    /// `pending` joined with the next physical line by one space.
    public static func join(_ pending: String, _ next: String) -> String {
        pending.isEmpty ? next : pending + " " + next
    }
}
