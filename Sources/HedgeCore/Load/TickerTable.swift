/// The groups of a long file's ticker cells, looked up by their bytes: no String and no hashing in
/// the common cases. A file sorted by ticker repeats the last group; one sorted by date cycles
/// through the tickers in the same order every date, so the group after the last is tried next.
/// Anything else goes through an open-addressing table of byte hashes.
struct TickerTable {
    /// All names' bytes, back to back; group g is `bytes[starts[g] ..< starts[g + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    /// Group + 1 per slot (0 = empty); the count is a power of two, at most half full.
    private var slots = [Int32](repeating: 0, count: 64)
    private var last = -1

    var count: Int { starts.count - 1 }

    /// The group of `cell`, or nil when it is new (then call `insert`).
    @inline(__always)
    mutating func group(of cell: UnsafeBufferPointer<UInt8>) -> Int32? {
        let total = count
        if last >= 0 {
            let next = last + 1 == total ? 0 : last + 1
            if matches(next, cell) { last = next; return Int32(next) }
            if matches(last, cell) { return Int32(last) }
        }
        let mask = slots.count - 1
        var slot = TickerTable.hash(cell) & mask
        while slots[slot] != 0 {
            let candidate = Int(slots[slot]) - 1
            if matches(candidate, cell) { last = candidate; return Int32(candidate) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds `cell` as the next group and returns its index.
    mutating func insert(_ cell: UnsafeBufferPointer<UInt8>) -> Int32 {
        let group = count
        bytes.append(contentsOf: cell)
        starts.append(bytes.count)
        if (group + 1) * 2 > slots.count {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            for existing in 0...group { place(existing) }
        } else {
            place(group)
        }
        last = group
        return Int32(group)
    }

    private mutating func place(_ group: Int) {
        let mask = slots.count - 1
        var slot = bytes.withUnsafeBufferPointer { all in
            TickerTable.hash(UnsafeBufferPointer(rebasing: all[starts[group]..<starts[group + 1]]))
        } & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(group + 1)
    }

    @inline(__always)
    private func matches(_ group: Int, _ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[group], end = starts[group + 1]
        guard end - start == cell.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            var k = 0
            while k < cell.count {
                if all[start &+ k] != cell[k] { return false }
                k &+= 1
            }
            return true
        }
    }

    /// FNV-1a.
    @inline(__always)
    private static func hash(_ cell: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in cell { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
