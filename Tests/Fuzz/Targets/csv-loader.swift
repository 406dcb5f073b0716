// libFuzzer target: the CSV loader on arbitrary bytes, every layout.
// The first byte picks the file name (which names the ticker of single-ticker layouts), the field
// of wide files and a date filter; the rest is the file. Built by scripts/fuzz, not by SwiftPM.
import HedgeCore

private let fileNames = ["AAPL.csv", "aapl.us.txt", "prices.csv", "MSFT", ".csv", "long-data.csv"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = Int(data[0])
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let fields = Field.allCases
    var options = LoadOptions(wideField: fields[(selector >> 3) % fields.count])
    if selector & 0x40 != 0 { options.from = Day(year: 2020, month: 1, day: 2) }
    if selector & 0x80 != 0 { options.to = Day(year: 2021, month: 6, day: 30) }
    do {
        let panel = try PanelLoader.parse(bytes: bytes, path: fileNames[selector % fileNames.count], options: options)
        // What the loader promises: strictly increasing dates, one full column per ticker and field.
        for i in panel.dates.indices.dropFirst() where panel.dates[i - 1] >= panel.dates[i] {
            fatalError("dates not strictly increasing at \(i)")
        }
        for (_, columns) in panel.values {
            if columns.count != panel.tickers.count { fatalError("\(columns.count) columns for \(panel.tickers.count) tickers") }
            for column in columns where column.count != panel.dates.count {
                fatalError("a column of \(column.count) values for \(panel.dates.count) dates")
            }
        }
    } catch {
        // Every message is one line of printable text once escaped for the terminal.
        let shown = TerminalText.escaped("\(error)")
        if shown.unicodeScalars.contains(where: TerminalText.needsEscape) { fatalError("unescaped message") }
    }
    return 0
}
