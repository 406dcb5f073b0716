/// A table laid out as pandas prints a DataFrame: the index left-aligned, columns right-aligned to the
/// wider of header and values, two spaces apart.
public struct TextTable {
    public var headers: [String]
    public var rows: [[String]]
    /// Row labels (pandas' index); nil for none.
    public var index: [String]?

    public init(headers: [String], rows: [[String]], index: [String]? = nil) {
        self.headers = headers; self.rows = rows; self.index = index
    }

    public func render() -> String {
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
