/// The columns of one file (or, for long files, of one ticker of a file), sorted by date.
struct LoadedTable {
    var path: String
    var dates: [Day]
    /// Each ticker's fields, each a column aligned with `dates`.
    var tickers: [(ticker: String, fields: [Field: [Double]])]
}
