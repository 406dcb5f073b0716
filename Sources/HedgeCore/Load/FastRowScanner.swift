/// What the fast path does with each column of a record: read a number into a value slot, read the
/// date, read the ticker (long layout) or skip it.
struct FastRowLayout {
    static let skip: Int32 = -1, date: Int32 = -2, ticker: Int32 = -3

    /// Per column: a value slot (≥ 0) or one of the codes above.
    let actions: [Int32]
    /// Value slots per row.
    let width: Int
    let isLong: Bool

    init(plan: ColumnPlan) {
        var actions = [Int32](repeating: FastRowLayout.skip, count: plan.columnCount)
        switch plan.kind {
        case .fixed(let targets):
            for (slot, target) in targets.enumerated() { actions[target.column] = Int32(slot) }
            width = targets.count
            isLong = false
        case .long(let tickerColumn, let fields):
            for (slot, field) in fields.enumerated() { actions[field.column] = Int32(slot) }
            actions[tickerColumn] = FastRowLayout.ticker
            width = fields.count
            isLong = true
        }
        actions[plan.dateColumn] = FastRowLayout.date
        self.actions = actions
    }
}

/// The loader's fast path over complete lines of CSV without quotes: reads numbers and dates while
/// it finds the delimiters, into `ChunkRows`, allocating nothing per row.
///
/// It accepts only what it reads exactly as the general path (`CSVRecordReader` + `TableReader`)
/// does, and says false on anything else — a wrong field count, a cell that is not a number or a
/// date, dates not strictly increasing (per ticker), an unusual ticker cell, a record over half the
/// record limit — so that the caller
/// reads the file with the general path, which sorts, or reports the error with its location.
enum FastRowScanner {
    private static let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    /// Longer records are left to the general path, which enforces the record limit.
    private static let maximumRecord = CSVRecordReader.maximumRecordSize / 2

    /// Scans `p[start..<end]`, which holds whole lines (the last one may end at `end` without a
    /// newline), appending its records to `rows`; long-layout tickers are looked up in `tickers`.
    static func scan(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, layout: FastRowLayout,
                     rows: ChunkRows, tickers: inout TickerTable) -> Bool {
        layout.actions.withUnsafeBufferPointer { actionBuffer in
            guard let actions = actionBuffer.baseAddress else { return false }
            let columnCount = actionBuffer.count
            let isLong = layout.isLong
            var previousDate = rows.lastDate ?? Day(ordinal: Int.min)
            // The groups are updated in a local copy, written back at the end.
            var groups = ChunkRows.Groups()
            swap(&groups, &rows.groups)
            defer { swap(&groups, &rows.groups) }
            var months = MonthCache()
            var i = start
            while i < end {
                let first = p[i]
                if first == newline { i &+= 1; continue }
                if first == carriageReturn && (i &+ 1 == end || p[i &+ 1] == newline) {
                    i = min(end, i &+ 2)
                    continue
                }
                let rowStart = i
                let row = rows.appendRow(date: previousDate, group: 0)
                var day = Day(ordinal: Int.min)
                var group: Int32 = 0
                var column = 0
                fields: while true {
                    let action = actions[column]
                    if action >= 0 {
                        if let (value, stop) = DecimalParser.scan(p, from: i, to: end),
                           stop == end || isDelimiter(p[stop]) {
                            row[Int(action)] = value
                            i = stop
                        } else {
                            let stop = CSVRecordReader.delimiter(in: p, from: i, to: end)
                            guard let value = DecimalParser.parse(cell(p, i, stop, end)) else { return false }
                            row[Int(action)] = value
                            i = stop
                        }
                    } else if action == FastRowLayout.date {
                        if i &+ 10 < end, isDelimiter(p[i &+ 10]), let parsed = months.day(p + i) {
                            day = parsed
                            i &+= 10
                        } else {
                            var stop = i &+ 10
                            if stop > end || (stop < end && !isDelimiter(p[stop])) {
                                stop = CSVRecordReader.delimiter(in: p, from: i, to: end)
                            }
                            guard let parsed = CSVRecordReader.day(in: cell(p, i, stop, end)) else { return false }
                            day = parsed
                            i = stop
                        }
                    } else if action == FastRowLayout.ticker {
                        let stop = CSVRecordReader.delimiter(in: p, from: i, to: end)
                        guard let name = tickerCell(p, i, stop, end) else { return false }
                        if let known = tickers.group(of: name) {
                            group = known
                        } else {
                            group = tickers.insert(name)
                            _ = groups.add(name: String(decoding: name, as: UTF8.self))
                        }
                        i = stop
                    } else {
                        i = CSVRecordReader.delimiter(in: p, from: i, to: end)
                    }
                    // The field ends at a comma, a line end or the end of the input.
                    if i >= end { break fields }
                    let byte = p[i]
                    if byte == comma {
                        column &+= 1
                        guard column < columnCount else { return false }
                        i &+= 1
                        continue
                    }
                    if byte == newline { i &+= 1; break fields }
                    if byte == carriageReturn {
                        if i &+ 1 == end { i &+= 1; break fields }
                        if p[i &+ 1] == newline { i &+= 2; break fields }
                    }
                    return false
                }
                guard column == columnCount - 1, i &- rowStart <= maximumRecord else { return false }
                if isLong {
                    guard groups.noteRow(Int(group), date: day) else { return false }
                } else {
                    guard day > previousDate else { return false }
                    previousDate = day
                }
                rows.setLastRow(date: day, group: group)
            }
            return true
        }
    }

    @inline(__always)
    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == comma || byte == newline || byte == carriageReturn
    }

    /// `p[from..<stop]` without the carriage return of a CRLF line end.
    @inline(__always)
    private static func cell(_ p: UnsafePointer<UInt8>, _ from: Int, _ stop: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        var cellEnd = stop
        if cellEnd > from && p[cellEnd &- 1] == carriageReturn && (stop == end || p[stop] == newline) { cellEnd &-= 1 }
        return UnsafeBufferPointer(start: p + from, count: cellEnd &- from)
    }

    /// A ticker cell trimmed as `HeaderVocabulary.trimmed` trims it, when it is plain ASCII and not
    /// empty; nil otherwise (the general path then reads the file).
    @inline(__always)
    private static func tickerCell(_ p: UnsafePointer<UInt8>, _ from: Int, _ stop: Int, _ end: Int) -> UnsafeBufferPointer<UInt8>? {
        let whole = cell(p, from, stop, end)
        guard let base = whole.baseAddress else { return nil }
        var a = 0, z = whole.count
        while a < z && isTrimmed(base[a]) { a &+= 1 }
        while z > a && isTrimmed(base[z &- 1]) { z &-= 1 }
        guard z > a else { return nil }
        for k in a..<z where base[k] >= 0x80 || base[k] < 0x20 { return nil }
        return UnsafeBufferPointer(start: base + a, count: z &- a)
    }

    @inline(__always)
    private static func isTrimmed(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "'")
    }
}
