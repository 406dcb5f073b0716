/// The ticker a single-ticker file stands for: its whole file stem, uppercased (`BRK.B.csv` → `BRK.B`,
/// `VOD.L.csv` → `VOD.L`, `^GSPC.csv` → `^GSPC`). Only a data extension (`.csv`, `.txt`, `.tsv`,
/// `.dat`) is dropped, and Stooq's `.us` market suffix after it (`aapl.us.txt` → `AAPL`).
enum TickerName {
    static func fromPath(_ path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        var stem = Substring(name)
        if let dot = stem.lastIndex(of: "."),
           ["csv", "txt", "tsv", "dat"].contains(stem[stem.index(after: dot)...].lowercased()) {
            stem = stem[..<dot]
            if stem.lowercased().hasSuffix(".us") && stem.count > 3 { stem = stem.dropLast(3) }
        }
        return stem.uppercased()
    }
}
