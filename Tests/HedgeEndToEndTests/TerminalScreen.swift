/// A minimal model of what a terminal shows, enough to read the line being edited: printable text,
/// CR, LF, backspace, tab, and the cursor-movement and erase sequences libedit emits (CSI A B C D G H
/// K J). Other escape sequences are skipped. Wide characters count as one column.
struct TerminalScreen {
    private(set) var lines: [[Character]] = [[]]
    private(set) var row = 0
    private(set) var column = 0
    let width: Int

    private var pending: [UInt8] = []
    private var escape: [UInt8]?

    init(width: Int) { self.width = width }

    /// The line under the cursor, without trailing blanks.
    var cursorLine: String {
        var text = String(lines[row])
        while text.last == " " { text.removeLast() }
        return text
    }

    mutating func feed(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { feed(byte) }
    }

    private mutating func feed(_ byte: UInt8) {
        if var sequence = escape {
            sequence.append(byte)
            escape = sequence
            if sequence.count == 1 {
                if byte != UInt8(ascii: "[") { escape = nil }  // ESC x: two-byte sequence, skipped
                return
            }
            if (0x40...0x7E).contains(byte) {
                escape = nil
                apply(csi: sequence.dropFirst())
            }
            return
        }
        if !pending.isEmpty || byte >= 0x80 {
            pending.append(byte)
            if let text = String(validating: pending, as: UTF8.self) {
                pending.removeAll()
                text.forEach { put($0) }
            } else if pending.count >= 4 {
                pending.removeAll()
            }
            return
        }
        switch byte {
        case 0x1B: escape = []
        case UInt8(ascii: "\r"): column = 0
        case UInt8(ascii: "\n"): moveTo(row: row + 1, column: column)
        case 0x08: column = max(0, column - 1)
        case UInt8(ascii: "\t"): column = min(width - 1, (column / 8 + 1) * 8)
        case 0x20...0x7E: put(Character(Unicode.Scalar(byte)))
        default: break
        }
    }

    private mutating func put(_ character: Character) {
        if column >= width { moveTo(row: row + 1, column: 0) }
        while lines[row].count <= column { lines[row].append(" ") }
        lines[row][column] = character
        column += 1
    }

    private mutating func moveTo(row newRow: Int, column newColumn: Int) {
        row = max(0, newRow)
        while lines.count <= row { lines.append([]) }
        column = max(0, min(newColumn, width - 1))
    }

    private mutating func apply(csi body: ArraySlice<UInt8>) {
        guard let final = body.last else { return }
        let parameters = String(decoding: body.dropLast(), as: UTF8.self)
            .split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        let count = max(1, parameters.first ?? 1)
        switch final {
        case UInt8(ascii: "A"): moveTo(row: row - count, column: column)
        case UInt8(ascii: "B"): moveTo(row: row + count, column: column)
        case UInt8(ascii: "C"): moveTo(row: row, column: column + count)
        case UInt8(ascii: "D"): moveTo(row: row, column: column - count)
        case UInt8(ascii: "G"): moveTo(row: row, column: count - 1)
        case UInt8(ascii: "H"):
            moveTo(row: max(1, parameters.first ?? 1) - 1, column: max(1, parameters.count > 1 ? parameters[1] : 1) - 1)
        case UInt8(ascii: "K"):
            if lines[row].count > column { lines[row].removeSubrange(column...) }
        case UInt8(ascii: "J"):
            if lines[row].count > column { lines[row].removeSubrange(column...) }
            lines.removeSubrange((row + 1)...)
        default: break
        }
    }
}
