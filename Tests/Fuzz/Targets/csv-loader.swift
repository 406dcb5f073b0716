// libFuzzer target: the CSV loader on arbitrary bytes, every layout.
// The first byte picks the file name (which names the ticker of single-ticker layouts), the field
// of wide files and a date filter; the rest is the file. The input's length picks the fields loaded and
// the fast path's chunk size. Built by scripts/fuzz (with -enable-testing), not by SwiftPM.
@testable import HedgeCore

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
    let fieldChoices: [Set<Field>?] = [nil, [.price, .volume], [.open, .close]]
    options.fields = fieldChoices[size % fieldChoices.count]
    let chunkSizes: [Int?] = [nil, 1, 7, 64, 1000]
    let path = fileNames[selector % fileNames.count]
    // The fast path (in chunks read by two workers) gives what the general path gives: the same panel
    // bit for bit, or both an error.
    let fast = Result { try PanelLoader.parse(bytes: bytes, path: path, options: options,
                                              chunkSize: chunkSizes[(size / 3) % chunkSizes.count], workers: 2) }
    let general = Result { try PanelLoader.parseWithGeneralPath(bytes: bytes, path: path, options: options) }
    switch (fast, general) {
    case (.success(let a), .success(let b)):
        if bits(a) != bits(b) { fatalError("the fast path and the general path read different panels") }
    case (.failure, .success), (.success, .failure):
        fatalError("one path read the file, the other failed")
    case (.failure, .failure): break
    }
    do {
        let panel = try PanelLoader.parse(bytes: bytes, path: path, options: options)
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

/// Every date, ticker and value of a panel, values by bit pattern (NaN equals NaN, -0 differs from 0).
private func bits(_ panel: Panel) -> String {
    var text = "\(panel.dates.map(\.ordinal)) \(panel.tickers)"
    for field in panel.fields { text += " \(field): \((panel.values[field] ?? []).map { $0.map(\.bitPattern) })" }
    return text
}
