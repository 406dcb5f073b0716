/// How series `index` is drawn in a style: its ASCII character, its braille line pattern and the
/// legend sample. Braille with colour: every line solid, told apart by colour. Braille without colour:
/// solid, dashed, dotted, … (see `LinePattern`). ASCII: `*`, `+`, `o`, `x`, `#`, `@`, `%`, `&`.
struct SeriesLook {
    static let asciiMarks: [Character] = ["*", "+", "o", "x", "#", "@", "%", "&"]

    var index: Int
    var style: ChartStyle

    var asciiMark: Character { SeriesLook.asciiMarks[index % SeriesLook.asciiMarks.count] }

    var pattern: LinePattern { style.color || style.ascii ? .solid : LinePattern.forSeries(index) }

    /// Three cells of the series' line (braille) or its character (ASCII).
    var legendMarker: String {
        if style.ascii { return String(asciiMark) }
        var cells: [UInt8] = [0, 0, 0]
        for dot in 0..<6 where pattern.isDrawn(atColumn: dot) {
            cells[dot / 2] |= Braille.bit(x: dot % 2, y: 1)
        }
        return String(cells.map(Braille.character))
    }
}
