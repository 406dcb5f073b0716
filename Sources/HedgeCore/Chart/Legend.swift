/// One legend item: a sample of how a series is drawn, and what it is.
struct LegendEntry {
    var marker: String
    /// The series (colour) index the marker is painted with.
    var series: Int
    var text: String
}

/// Lays legend entries out in as few lines as fit the width.
enum Legend {
    static let separator = "   "

    /// Lines of entries (`marker text`), packed left to right; entries wider than `width` are cut.
    /// Markers are coloured only when `style.color`.
    static func lines(_ entries: [LegendEntry], style: ChartStyle) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for entry in entries {
            let markerWidth = TextWidth.of(entry.marker)
            let room = style.width - markerWidth - 1
            let text = TextWidth.truncate(TextWidth.sanitized(entry.text), to: Swift.max(0, room), ascii: style.ascii)
            let plainWidth = markerWidth + 1 + TextWidth.of(text)
            let marker = style.color ? ANSIColor.paint(entry.marker, series: entry.series) : entry.marker
            let item = marker + " " + text
            if currentWidth > 0 && currentWidth + separator.count + plainWidth <= style.width {
                current += separator + item
                currentWidth += separator.count + plainWidth
            } else {
                if currentWidth > 0 { lines.append(current) }
                current = item
                currentWidth = plainWidth
            }
        }
        if currentWidth > 0 { lines.append(current) }
        return lines
    }
}
