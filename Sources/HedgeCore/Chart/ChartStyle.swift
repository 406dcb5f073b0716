/// How a chart is drawn: its whole size in character cells (axes, legend and title included),
/// its alphabet (braille dots or plain ASCII), whether it may use ANSI colours, and its title.
public struct ChartStyle: Sendable, Equatable {
    /// Display columns of every line; no line is longer.
    public var width: Int
    /// Number of lines returned.
    public var height: Int
    /// Plain ASCII only (`*`, `+`, `o`, `|`, `-`) instead of braille dots and box drawing.
    public var ascii: Bool
    /// One ANSI colour per series; when false the output holds no escape codes at all.
    public var color: Bool
    /// A title line above the plot, or nil for none.
    public var title: String?

    /// The smallest width a chart accepts.
    public static let minimumWidth = 20
    /// The smallest height a chart accepts: three plot rows (the fewest a y axis of any range can be
    /// labelled on: −s, 0, s), the two x-axis lines and a one-line legend.
    public static let minimumHeight = 6
    /// The largest width a chart accepts.
    public static let maximumWidth = 2000
    /// The largest height a chart accepts.
    public static let maximumHeight = 1000

    public init(width: Int = 80, height: Int = 24, ascii: Bool = false, color: Bool = false, title: String? = nil) {
        self.width = width
        self.height = height
        self.ascii = ascii
        self.color = color
        self.title = title
    }

    /// Throws a message naming the limit when the size is too small to draw anything, or too large.
    public func validate() throws {
        if width < ChartStyle.minimumWidth {
            throw HedgeError("chart width \(width) is too small: use at least \(ChartStyle.minimumWidth)")
        }
        if height < ChartStyle.minimumHeight {
            throw HedgeError("chart height \(height) is too small: use at least \(ChartStyle.minimumHeight)")
        }
        if width > ChartStyle.maximumWidth {
            throw HedgeError("chart width \(width) is too large: use at most \(ChartStyle.maximumWidth)")
        }
        if height > ChartStyle.maximumHeight {
            throw HedgeError("chart height \(height) is too large: use at most \(ChartStyle.maximumHeight)")
        }
    }

    /// Dots per character cell horizontally and vertically (braille 2×4, ASCII 1×1).
    var dotsPerCell: (x: Int, y: Int) { ascii ? (1, 1) : (2, 4) }
}
