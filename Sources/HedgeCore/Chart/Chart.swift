/// Text charts of series for a terminal: line charts, scatter plots with a fitted line, and
/// histograms with a fitted normal curve. Each returns the chart's lines — exactly `style.height`
/// of them, none wider than `style.width` columns — or throws a `HedgeError` with a message for
/// the user (nothing to plot, or a size too small to draw).
///
/// Braille charts draw 2×4 dots per character. Where two series share a character cell the cell
/// shows the dots of both; with colour it takes the colour of the series listed first, and without
/// colour the series are drawn solid, dashed, dotted, … so each stays recognisable (the legend shows
/// each pattern). ASCII charts give each series its own character; in a shared cell the series listed
/// first wins. Colours cycle after six series. Titles and names have control characters replaced by
/// spaces. Widths count every character as one column (no wide CJK characters).
public enum Chart {}
