/// Which dots of a drawn line are raised, repeating along the line: solid, dashed, dotted, ….
/// Braille charts without colour give each series its own pattern so lines can be told apart.
struct LinePattern: Equatable {
    /// `dots[i % count]` says whether the i-th dot along the line is drawn.
    var dots: [Bool]

    static let solid = LinePattern(dots: [true])

    /// The pattern of series `index` (0 solid, 1 dashed, 2 dotted, 3 long dash, 4 sparse dots, then repeating).
    static func forSeries(_ index: Int) -> LinePattern {
        let patterns: [[Bool]] = [
            [true],
            [true, true, false, false],
            [true, false],
            [true, true, true, false],
            [true, false, false],
        ]
        return LinePattern(dots: patterns[index % patterns.count])
    }

    func isDrawn(at step: Int) -> Bool { dots[step % dots.count] }
}
