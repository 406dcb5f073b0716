/// Splits CSV bytes into records and fields, streaming the source in chunks.
///
/// Works on bytes with no per-line allocation: after `next()` returns true, `field(_:)` gives the
/// current record's cells as pointers into the reader's buffer (valid until the next call).
/// Handles quoted fields (`""` escapes a quote, quoted newlines), CRLF line endings, a missing final
/// newline and a UTF-8 byte-order mark; blank lines are skipped.
final class CSVRecordReader {
    /// How much is read from the source at a time.
    static let chunkSize = 1 << 20
    /// Records longer than this (16 MiB) are an error rather than unbounded memory growth: the
    /// reader's buffer never grows past twice this size.
    static let maximumRecordSize = 1 << 24

    private let source: ByteSource
    private let cancellation: Cancellation?
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var dataEnd = 0
    private var position = 0
    private var sourceExhausted = false
    private var hasStarted = false
    private var nextLineNumber = 1
    /// The source offset of `buffer[0]`.
    private var bufferOffset = 0
    /// How much the next refill asks for: small at first, so reading a header does not read a
    /// whole chunk of data (the fast path reads the data itself), then doubling to the capacity.
    private var readSize: Int
    /// The source offset at which the current record starts.
    private(set) var recordOffset = 0
    /// The source offset just after the current record (where the next one starts).
    var consumedOffset: Int { bufferOffset + position }

    /// Per field: start offset, end offset, flags (bit 0 quoted, bit 1 contains an escaped quote).
    private var bounds: UnsafeMutablePointer<Int>
    private var boundsCapacity = 64

    /// The 1-based line on which the current record starts.
    private(set) var lineNumber = 0
    /// The number of fields of the current record.
    private(set) var fieldCount = 0

    /// The path named in errors.
    var path: String { source.path }

    /// `firstRead` bounds the first read from the source (a header needs little).
    init(source: ByteSource, cancellation: Cancellation? = nil, firstRead: Int = CSVRecordReader.chunkSize) {
        self.source = source
        self.cancellation = cancellation
        capacity = CSVRecordReader.chunkSize
        readSize = max(1 << 12, min(firstRead, CSVRecordReader.chunkSize))
        buffer = .allocate(capacity: capacity)
        bounds = .allocate(capacity: boundsCapacity * 3)
    }

    deinit {
        buffer.deallocate()
        bounds.deallocate()
    }

    /// Advances to the next non-blank record; false at the end of the input.
    func next() throws -> Bool {
        if !hasStarted {
            hasStarted = true
            try refill()
            skipByteOrderMark()
        }
        while true {
            switch scanRecord() {
            case .record: return true
            case .blankLine: continue
            case .needMoreData:
                if sourceExhausted { return false }
                try refill()
            }
        }
    }

    /// The raw bytes of field `index` of the current record (quotes removed, escapes kept).
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index >= 0, index < fieldCount else { return UnsafeBufferPointer(start: nil, count: 0) }
        let start = bounds[index * 3], end = bounds[index * 3 + 1]
        return UnsafeBufferPointer(start: buffer + start, count: end - start)
    }

    /// Whether field `index` is quoted and holds an escaped quote (`""`), so that its text differs
    /// from its raw bytes by more than the quotes.
    func hasEscapedQuote(_ index: Int) -> Bool {
        index >= 0 && index < fieldCount && bounds[index * 3 + 2] & 2 != 0
    }

    /// Field `index` as text: invalid UTF-8 replaced, `""` unescaped.
    func text(_ index: Int) -> String {
        let bytes = field(index)
        guard index < fieldCount, bounds[index * 3 + 2] & 2 != 0 else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(bytes.count)
        var previousWasQuote = false
        for byte in bytes {
            if byte == CSVRecordReader.quote && previousWasQuote { previousWasQuote = false; continue }
            previousWasQuote = byte == CSVRecordReader.quote
            unescaped.append(byte)
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// All fields of the current record as text.
    func texts() -> [String] { (0..<fieldCount).map(text) }

    // MARK: Scanning

    private static let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r"), quote = UInt8(ascii: "\"")

    private enum ScanResult { case record, blankLine, needMoreData }

    /// Tokenizes the record at `position`; commits it only when it is complete in the buffer.
    private func scanRecord() -> ScanResult {
        let p = buffer
        let end = dataEnd
        var i = position
        guard i < end else { return .needMoreData }
        var count = 0
        var embeddedNewlines = 0
        while true {
            var fieldStart = i
            var fieldEnd: Int
            var flags = 0
            if i < end && p[i] == CSVRecordReader.quote {
                flags = 1
                fieldStart = i + 1
                var j = i + 1
                var closed = false
                while j < end {
                    let byte = p[j]
                    if byte == CSVRecordReader.quote {
                        if j + 1 >= end && !sourceExhausted { return .needMoreData }
                        if j + 1 < end && p[j + 1] == CSVRecordReader.quote { flags |= 2; j += 2; continue }
                        closed = true
                        break
                    }
                    if byte == CSVRecordReader.newline { embeddedNewlines += 1 }
                    j += 1
                }
                if closed {
                    fieldEnd = j
                    i = j + 1
                    // Text between the closing quote and the delimiter is dropped.
                    while i < end && p[i] != CSVRecordReader.comma && p[i] != CSVRecordReader.newline { i += 1 }
                } else {
                    if !sourceExhausted { return .needMoreData }
                    fieldEnd = end
                    i = end
                }
            } else {
                i = CSVRecordReader.delimiter(in: UnsafePointer(p), from: i, to: end)
                fieldEnd = i
                if fieldEnd > fieldStart && p[fieldEnd - 1] == CSVRecordReader.carriageReturn
                    && (i >= end || p[i] == CSVRecordReader.newline) {
                    fieldEnd -= 1
                }
            }
            if i >= end && !sourceExhausted { return .needMoreData }
            if count == boundsCapacity { growBounds() }
            bounds[count * 3] = fieldStart
            bounds[count * 3 + 1] = fieldEnd
            bounds[count * 3 + 2] = flags
            count += 1
            if i < end && p[i] == CSVRecordReader.comma {
                i += 1
                continue
            }
            // End of record: a newline, or the end of the input.
            recordOffset = bufferOffset + position
            position = i < end ? i + 1 : end
            fieldCount = count
            lineNumber = nextLineNumber
            nextLineNumber += 1 + embeddedNewlines
            if count == 1 && fieldEnd == fieldStart && flags == 0 { return .blankLine }
            return .record
        }
    }

    /// The offset of the first `,` or newline in `p[from..<to]`, or `to`; eight bytes at a time.
    @inline(__always)
    static func delimiter(in p: UnsafePointer<UInt8>, from: Int, to end: Int) -> Int {
        var i = from
        #if _endian(little)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while i &+ 8 <= end {
            let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            let commas = word ^ 0x2C2C_2C2C_2C2C_2C2C
            let newlines = word ^ 0x0A0A_0A0A_0A0A_0A0A
            // A byte of `commas` or `newlines` is zero where the word has that delimiter; the lowest
            // flagged byte is exact (borrows only flag bytes above a real zero).
            let found = (((commas &- ones) & ~commas) | ((newlines &- ones) & ~newlines)) & highs
            if found != 0 { return i &+ found.trailingZeroBitCount >> 3 }
            i &+= 8
        }
        #endif
        while i < end {
            let byte = p[i]
            if byte == comma || byte == newline { return i }
            i &+= 1
        }
        return end
    }

    private func growBounds() {
        let larger = UnsafeMutablePointer<Int>.allocate(capacity: boundsCapacity * 6)
        larger.update(from: bounds, count: boundsCapacity * 3)
        bounds.deallocate()
        bounds = larger
        boundsCapacity *= 2
    }

    /// Moves the unread bytes to the front of the buffer (growing it for long records) and reads more.
    private func refill() throws {
        try cancellation?.check()
        if position > 0 {
            bufferOffset += position
            let remaining = dataEnd - position
            if remaining > 0 { buffer.update(from: buffer + position, count: remaining) }
            dataEnd = remaining
            position = 0
        }
        if capacity - dataEnd < CSVRecordReader.chunkSize / 2 {
            guard capacity < CSVRecordReader.maximumRecordSize else {
                throw CSVRecordReader.recordTooLong(path: path, line: nextLineNumber)
            }
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            larger.update(from: buffer, count: dataEnd)
            buffer.deallocate()
            buffer = larger
            capacity *= 2
        }
        let count = try source.fill(buffer + dataEnd, maxCount: min(capacity - dataEnd, readSize))
        readSize = min(readSize * 2, capacity)
        if count == 0 { sourceExhausted = true }
        dataEnd += count
    }

    /// The error for a record over `maximumRecordSize`, naming the limit.
    static func recordTooLong(path: String, line: Int) -> HedgeError {
        HedgeError("record is longer than the limit of \(maximumRecordSize >> 20) MiB (\(maximumRecordSize) bytes); "
                   + "is this a CSV file?", at: SourceLocation(file: path, line: line))
    }

    private func skipByteOrderMark() {
        if dataEnd >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { position = 3 }
    }
}
