/// The result of tab completion: what to put in place of the text before the cursor, and the matches.
///
/// Offsets are UTF-8 byte offsets into the line (libedit's `el_line` gives exactly these).
public struct Completion: Equatable, Sendable {
    /// UTF-8 offset where the replaced text starts; it ends at the cursor.
    public var replaceStart: Int
    /// The cursor, as a UTF-8 offset (the end of the replaced text).
    public var cursor: Int
    /// The text currently between `replaceStart` and `cursor`.
    public var replacedText: String
    /// What should stand there instead: the single match in full (plus a space, or nothing after a `/`
    /// or `.`), or the longest common prefix of several matches. Equal to `replacedText` when nothing
    /// can be added.
    public var replacement: String
    /// Every match, in display form (a path's last component, a ticker after `DATASET.`), sorted.
    /// The caller lists them when there are several.
    public var matches: [String]

    public init(replaceStart: Int, cursor: Int, replacedText: String, replacement: String, matches: [String]) {
        self.replaceStart = replaceStart
        self.cursor = cursor
        self.replacedText = replacedText
        self.replacement = replacement
        self.matches = matches
    }

    /// No completion at `cursor`.
    public static func none(at cursor: Int) -> Completion {
        Completion(replaceStart: cursor, cursor: cursor, replacedText: "", replacement: "", matches: [])
    }

    /// True when the line would change.
    public var changesLine: Bool { replacement != replacedText }

    /// The text to insert at the cursor when the replacement only extends what is typed, else nil
    /// (then delete `replacedText` and insert `replacement`).
    public var insertion: String? {
        guard replacement.hasPrefix(replacedText) else { return nil }
        return String(replacement.dropFirst(replacedText.count))
    }

    /// The line and UTF-8 cursor after applying the replacement.
    public func applied(to line: String) -> (line: String, cursor: Int) {
        let bytes = Array(line.utf8)
        guard replaceStart >= 0, replaceStart <= cursor, cursor <= bytes.count else { return (line, cursor) }
        let result = bytes[..<replaceStart] + Array(replacement.utf8) + bytes[cursor...]
        return (String(decoding: result, as: UTF8.self), replaceStart + replacement.utf8.count)
    }
}
