/// Lays out several completion matches in columns, the way `ls` does, for printing under the line.
public enum CompletionListing {
    /// Rows of text (without newlines) fitting `width` columns; matches run down the columns.
    public static func rows(_ matches: [String], width: Int) -> [String] {
        guard !matches.isEmpty else { return [] }
        let cellWidth = (matches.map(\.count).max() ?? 0) + 2
        let columns = max(1, min(matches.count, max(width, 1) / cellWidth))
        let rowCount = (matches.count + columns - 1) / columns
        return (0..<rowCount).map { row in
            var line = ""
            for column in 0..<columns {
                let index = column * rowCount + row
                guard index < matches.count else { break }
                let item = matches[index]
                let isLastInRow = column == columns - 1 || index + rowCount >= matches.count
                line += isLastInRow ? item : item.padding(toLength: cellWidth)
            }
            return line
        }
    }
}

private extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
