/// Which dot columns of a drawn line are raised: solid, dashed, dotted, …. The pattern repeats along
/// x, so every drawn column keeps its full vertical extent (spikes and steep moves stay visible) while
/// flat stretches break up into dashes. Braille charts without colour give each series its own
/// pattern so lines can be told apart.
struct LinePattern: Equatable {
    /// `columns[x % count]` says whether dots in dot column x are drawn.
    var columns: [Bool]

    static let solid = LinePattern(columns: [true])

    /// The pattern of series `index`: solid; dashed (one cell on, one off); dotted (one dot column in
    /// four); long dashes (three cells on, one off); then repeating.
    static func forSeries(_ index: Int) -> LinePattern {
        let patterns: [[Bool]] = [
            [true],
            [true, true, false, false],
            [true, false, false, false],
            [true, true, true, true, true, true, false, false],
        ]
        return LinePattern(columns: patterns[index % patterns.count])
    }

    func isDrawn(atColumn x: Int) -> Bool { columns[((x % columns.count) + columns.count) % columns.count] }
}
