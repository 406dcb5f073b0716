/// A tick on the x axis: the plot column it marks and its label, which starts at `labelStart`
/// (a plot column; the label may run past the tick but never past the plot's right edge).
struct AxisTick: Equatable {
    var column: Int
    var label: String
    var labelStart: Int

    /// Places labels for `ticks` (column, text) in `columns` plot columns, either starting at the tick
    /// or centred on it, shifted left to fit; nil when two labels would come closer than `gap` spaces
    /// or two ticks share a column.
    static func place(_ ticks: [(column: Int, label: String)], columns: Int, centred: Bool, gap: Int = 2) -> [AxisTick]? {
        var placed: [AxisTick] = []
        for tick in ticks {
            let length = TextWidth.of(tick.label)
            guard length <= columns, tick.column >= 0, tick.column < columns else { return nil }
            let wanted = centred ? tick.column - length / 2 : tick.column
            let start = Swift.max(0, Swift.min(wanted, columns - length))
            if let previous = placed.last {
                guard tick.column > previous.column,
                      start >= previous.labelStart + TextWidth.of(previous.label) + gap else { return nil }
            }
            placed.append(AxisTick(column: tick.column, label: tick.label, labelStart: start))
        }
        return placed
    }
}
