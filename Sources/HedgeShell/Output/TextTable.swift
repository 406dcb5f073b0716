/// A table laid out as pandas prints a DataFrame: the index left-aligned, columns right-aligned to the
/// wider of header and values, two spaces apart.
public struct TextTable {
    public var headers: [String]
    public var rows: [[String]]
    /// Row labels (pandas' index); nil for none.
    public var index: [String]?

    /// pandas' `display.max_rows`: longer tables are truncated.
    public static let maximumRows = 60
    /// pandas' `display.min_rows`: a truncated table shows half of these at the head and half at the tail.
    public static let truncatedRows = 10

    public init(headers: [String], rows: [[String]], index: [String]? = nil) {
        self.headers = headers; self.rows = rows; self.index = index
    }

    /// Every row.
    public func render() -> String {
        layout(rows: rows, index: index)
    }

    /// As pandas prints it: every row up to `maximumRows`; beyond, the first and last five rows around a
    /// `..`/`...` row, then a blank line and `[N rows x M columns]`.
    public func renderTruncated() -> String {
        guard rows.count > Self.maximumRows else { return render() }
        let half = Self.truncatedRows / 2
        let shown = Array(rows.prefix(half)) + [headers.map { _ in "..." }] + Array(rows.suffix(half))
        let shownIndex = index.map { Array($0.prefix(half)) + [".."] + Array($0.suffix(half)) }
        return layout(rows: shown, index: shownIndex) + "\n\n[\(rows.count) rows x \(headers.count) columns]"
    }

    private func layout(rows: [[String]], index: [String]?) -> String {
        let widths = headers.indices.map { c in
            rows.reduce(headers[c].count) { max($0, c < $1.count ? $1[c].count : 0) }
        }
        let indexWidth = index?.map(\.count).max() ?? 0
        func pad(_ s: String, _ w: Int, left: Bool) -> String {
            let fill = String(repeating: " ", count: max(0, w - s.count))
            return left ? s + fill : fill + s
        }
        var lines: [String] = []
        var header = index == nil ? "" : String(repeating: " ", count: indexWidth)
        for (c, h) in headers.enumerated() {
            header += (header.isEmpty && index == nil ? "" : "  ") + pad(h, widths[c], left: false)
        }
        lines.append(header)
        for (r, row) in rows.enumerated() {
            var line = index.map { pad($0[r], indexWidth, left: true) } ?? ""
            for c in headers.indices {
                let cell = c < row.count ? row[c] : ""
                line += (line.isEmpty && index == nil ? "" : "  ") + pad(cell, widths[c], left: false)
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
