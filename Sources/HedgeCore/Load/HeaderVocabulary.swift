/// The column names the loader understands, compared case-insensitively.
enum HeaderVocabulary {
    /// A price/volume column as a source file names it, before choosing which becomes `price`.
    enum SourceField: Hashable {
        case adjustedClose, close, open, high, low, volume
    }

    /// What a header cell says about its column.
    enum Meaning: Equatable {
        case date
        case ticker
        case field(SourceField)
        /// A known yfinance column the panel has no use for (Dividends, Stock Splits, Capital Gains).
        case ignoredField
        /// Anything else: a ticker symbol in a wide file, or an unknown extra column.
        case other
    }

    /// Lowercased, without surrounding spaces, quotes, a byte-order mark or Stooq's `<…>` brackets;
    /// underscores become spaces.
    static func normalized(_ cell: String) -> String {
        let stripped = cell.strippingCharacters(" \t\"'\u{FEFF}<>")
        if let ascii = normalizedASCII(stripped) { return ascii }
        var result = ""
        var pendingSpace = false
        for character in stripped.lowercased() {
            if character == " " || character == "_" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" "); pendingSpace = false }
            result.append(character)
        }
        return result
    }

    /// `normalized`'s lowercasing and spacing for a plain ASCII cell, byte by byte (its characters
    /// are its bytes, but for CR LF, which neither rule touches); nil when the cell is not ASCII.
    private static func normalizedASCII(_ stripped: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(stripped.utf8.count)
        var pendingSpace = false
        for byte in stripped.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "_") {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(UInt8(ascii: " ")); pendingSpace = false }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The cell without surrounding spaces, quotes or a byte-order mark, case kept.
    static func trimmed(_ cell: String) -> String {
        cell.strippingCharacters(" \t\"'\u{FEFF}")
    }

    static func meaning(of cell: String) -> Meaning {
        switch normalized(cell) {
        case "date", "datetime", "timestamp": return .date
        case "ticker", "symbol": return .ticker
        case "adj close", "adjclose", "adjusted close", "adj. close": return .field(.adjustedClose)
        case "close": return .field(.close)
        case "open": return .field(.open)
        case "high": return .field(.high)
        case "low": return .field(.low)
        case "volume", "vol": return .field(.volume)
        case "dividends", "stock splits", "capital gains", "openint": return .ignoredField
        default: return .other
        }
    }

    /// Maps source fields to panel fields: `Adj Close` → price and `Close` → close when an adjusted
    /// close exists, otherwise `Close` → price.
    static func panelField(_ field: SourceField, hasAdjustedClose: Bool) -> Field {
        switch field {
        case .adjustedClose: return .price
        case .close: return hasAdjustedClose ? .close : .price
        case .open: return .open
        case .high: return .high
        case .low: return .low
        case .volume: return .volume
        }
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    ///
    /// A string whose first and last bytes are not bytes of `set` is returned as it is, without
    /// looking at its characters. That is exact for the sets used here (ASCII and U+FEFF): none of
    /// their characters has another spelling (a canonical equivalent), so a character equal to one
    /// of them is exactly its bytes.
    func strippingCharacters(_ set: String) -> String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        if !set.utf8.contains(first) && !set.utf8.contains(last) { return self }
        let unwanted = Set(set)
        var slice = Substring(self)
        while let first = slice.first, unwanted.contains(first) { slice.removeFirst() }
        while let last = slice.last, unwanted.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
