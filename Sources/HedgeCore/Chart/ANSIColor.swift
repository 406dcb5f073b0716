/// The ANSI colours given to series, in order, and the codes that switch them on and off.
enum ANSIColor {
    /// Foreground colours: cyan, yellow, magenta, green, red, blue; then they repeat.
    static let palette = [36, 33, 35, 32, 31, 34]

    static func code(forSeries index: Int) -> String {
        "\u{1B}[\(palette[index % palette.count])m"
    }

    static let reset = "\u{1B}[0m"

    /// `text` in the colour of series `index`, or unchanged when `index` is nil.
    static func paint(_ text: String, series index: Int?) -> String {
        guard let index else { return text }
        return code(forSeries: index) + text + reset
    }
}
