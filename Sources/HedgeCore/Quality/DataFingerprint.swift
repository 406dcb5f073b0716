/// A short fingerprint of a dataset that `save` writes beside each load, so that a replay notices when
/// the data under it changed: the row count, first and last dates, a 64-bit hash of the tickers and every
/// value (bit patterns, NaN as one pattern), and an 8-bit hash per calendar month to tell where.
///
/// Text form: `ROWS_FIRST_LAST_HASH_MONTHS`, e.g. `93_2024-01-02_2024-05-09_9f3a1c2b4d5e6f70_a1b2c3d4e5`.
public struct DataFingerprint: Sendable, Equatable, CustomStringConvertible {
    public var rows: Int
    public var first: Day
    public var last: Day
    public var hash: UInt64
    /// One byte per month from `first`'s month to `last`'s.
    public var months: [UInt8]

    /// Nil for a panel without dates.
    public init?(_ panel: Panel) {
        guard let first = panel.dates.first, let last = panel.dates.last else { return nil }
        rows = panel.dates.count
        self.first = first
        self.last = last
        var total = Hasher64()
        for ticker in panel.tickers { total.add(string: ticker) }
        // Every row's hash, column by column: the same words in the same order per row as a row-by-row
        // pass, but each column is read in order and the rows' chains are independent (no stalls).
        var rowHashes = panel.dates.map { day in
            var row = Hasher64()
            row.add(UInt64(bitPattern: Int64(day.ordinal)))
            return row
        }
        rowHashes.withUnsafeMutableBufferPointer { rows in
            for field in panel.fields {
                for column in panel.values[field] ?? [] {
                    column.withUnsafeBufferPointer { values in
                        for i in 0..<min(rows.count, values.count) {
                            rows[i].add(values[i].isNaN ? 0x7FF8_0000_0000_0000 : values[i].bitPattern)
                        }
                    }
                }
            }
        }
        var months: [UInt8] = []
        var monthHash = Hasher64()
        var currentMonth = first.year * 12 + first.month - 1
        for (day, row) in zip(panel.dates, rowHashes) {
            let month = day.year * 12 + day.month - 1
            while month > currentMonth {
                months.append(monthHash.byte)
                monthHash = Hasher64()
                currentMonth += 1
            }
            total.add(row.value)
            monthHash.add(row.value)
        }
        months.append(monthHash.byte)
        hash = total.value
        self.months = months
    }

    public init?(text: String) {
        let parts = text.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 5, let rows = Int(parts[0]), let first = Day(iso: parts[1]), let last = Day(iso: parts[2]),
              let hash = UInt64(parts[3], radix: 16), parts[4].count % 2 == 0 else { return nil }
        var months: [UInt8] = []
        var index = parts[4].startIndex
        while index < parts[4].endIndex {
            let next = parts[4].index(index, offsetBy: 2)
            guard let byte = UInt8(parts[4][index..<next], radix: 16) else { return nil }
            months.append(byte)
            index = next
        }
        self.rows = rows; self.first = first; self.last = last; self.hash = hash; self.months = months
    }

    public var description: String {
        func hex(_ value: UInt64, _ width: Int) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(rows)_\(first)_\(last)_\(hex(hash, 16))_" + months.map { hex(UInt64($0), 2) }.joined()
    }

    /// What changed between the data fingerprinted as `saved` and `panel`, in words; nil when nothing did.
    public static func change(from saved: DataFingerprint, to panel: Panel) -> String? {
        guard let now = DataFingerprint(panel) else { return "no rows now (there were \(saved.rows))" }
        if now == saved { return nil }
        let inside = panel.filtered(from: saved.first, to: saved.last)
        var parts: [String] = []
        let before = panel.dates.filter { $0 < saved.first }.count
        let after = panel.dates.filter { $0 > saved.last }.count
        if before > 0 { parts.append("\(before) row\(before == 1 ? "" : "s") added before \(saved.first)") }
        if after > 0 { parts.append("\(after) row\(after == 1 ? "" : "s") added after \(saved.last)") }
        let old = DataFingerprint(inside)
        if old?.hash != saved.hash {
            if inside.dates.count != saved.rows {
                parts.append("\(saved.rows) rows → \(inside.dates.count) within \(saved.first) … \(saved.last)")
            }
            if let old, old.months.count == saved.months.count,
               let k = zip(old.months, saved.months).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                let month = saved.first.year * 12 + saved.first.month - 1 + k
                let label = "\(month / 12)-\(month % 12 + 1 < 10 ? "0" : "")\(month % 12 + 1)"
                parts.append("values changed, the first in \(label)")
            } else {
                parts.append("values changed")
            }
        }
        return parts.joined(separator: "; ")
    }
}

/// FNV-1a-style 64-bit hashing of words with a final avalanche (not cryptographic: it tells a change).
struct Hasher64 {
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    mutating func add(_ word: UInt64) {
        state = (state ^ word) &* 0x0000_0100_0000_01b3
        state ^= state >> 29
    }

    mutating func add(string: String) {
        for byte in string.utf8 { add(UInt64(byte)) }
        add(0xff)
    }

    var value: UInt64 {
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    var byte: UInt8 { UInt8(truncatingIfNeeded: value >> 56) }
}
