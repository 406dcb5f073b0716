/// The rows the fast path read from one chunk of a file: dates, values row by row and, for the long
/// layout, each row's ticker (a group local to the chunk). Raw buffers, grown by `realloc`, so that
/// reading a row allocates nothing; a worker reuses one for file after file.
final class ChunkRows {
    /// Values per row.
    private(set) var width = 0
    private(set) var count = 0
    private var capacity = 0
    private var valuesCapacity = 1
    private(set) var dates: UnsafeMutablePointer<Day>
    private(set) var values: UnsafeMutablePointer<Double>
    /// Per row, its group (long layout only).
    private(set) var groupOfRow: UnsafeMutablePointer<Int32>

    /// The long layout's groups in first-appearance order: name, row count, first and last date.
    struct Groups {
        var names: [String] = []
        var counts: [Int] = []
        var first: [Day] = []
        var last: [Day] = []

        /// Adds a group; returns its index.
        mutating func add(name: String) -> Int32 {
            names.append(name)
            counts.append(0)
            first.append(Day(ordinal: Int.min))
            last.append(Day(ordinal: Int.min))
            return Int32(names.count - 1)
        }

        /// Records a row of `group` dated `date`; false when the date does not follow the group's last.
        @inline(__always)
        mutating func noteRow(_ group: Int, date: Day) -> Bool {
            if counts[group] == 0 {
                first[group] = date
            } else if date <= last[group] {
                return false
            }
            last[group] = date
            counts[group] &+= 1
            return true
        }
    }
    var groups = Groups()
    var groupNames: [String] { groups.names }
    var groupCounts: [Int] { groups.counts }
    var groupFirst: [Day] { groups.first }
    var groupLast: [Day] { groups.last }

    /// For the fixed layouts (one group): the first and last date.
    var firstDate: Day? { count > 0 ? dates[0] : nil }
    var lastDate: Day? { count > 0 ? dates[count - 1] : nil }

    init() {
        dates = UnsafeMutablePointer<Day>.allocate(capacity: 1)
        values = UnsafeMutablePointer<Double>.allocate(capacity: 1)
        groupOfRow = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    }

    deinit {
        dates.deallocate()
        values.deallocate()
        groupOfRow.deallocate()
    }

    /// Empties the rows for a new chunk of `width` values per row, keeping the buffers.
    func reset(width: Int, expectedRows: Int) {
        self.width = width
        count = 0
        groups = Groups()
        runStarts = []
        if capacity * width > valuesCapacity {
            values.deallocate()
            valuesCapacity = max(1, capacity * width)
            values = .allocate(capacity: valuesCapacity)
        }
        // A quarter more than asked when growing: chunk after chunk asks for slightly different
        // room, and each reallocation would fault in fresh pages.
        if expectedRows > capacity { resize(to: max(expectedRows, capacity + capacity / 4)) }
    }

    /// Room for one more row; returns its values, to be written by the caller, who then sets the
    /// row's date and group with `setLastRow`.
    @inline(__always)
    func appendRow(date: Day, group: Int32) -> UnsafeMutablePointer<Double> {
        if count == capacity { resize(to: max(1024, capacity * 2)) }
        dates[count] = date
        groupOfRow[count] = group
        let row = values + count &* width
        count &+= 1
        return row
    }

    @inline(__always)
    func setLastRow(date: Day, group: Int32) {
        dates[count &- 1] = date
        groupOfRow[count &- 1] = group
    }

    /// Where each group's rows start after `orderByGroup` (plus the end), indexed by group.
    private(set) var runStarts: [Int] = []

    /// Reorders the rows so that each group's rows are contiguous (keeping their order within the
    /// group): a counting sort, done by the worker that read the chunk while its rows are in cache.
    func orderByGroup() {
        let groupCount = groups.names.count
        var starts = [Int](repeating: 0, count: groupCount + 1)
        for r in 0..<count { starts[Int(groupOfRow[r]) + 1] += 1 }
        for g in 0..<groupCount { starts[g + 1] += starts[g] }
        var cursor = starts
        let sortedDates = UnsafeMutablePointer<Day>.allocate(capacity: max(1, capacity))
        let sortedValues = UnsafeMutablePointer<Double>.allocate(capacity: valuesCapacity)
        for r in 0..<count {
            let g = Int(groupOfRow[r])
            let to = cursor[g]
            cursor[g] = to + 1
            sortedDates[to] = dates[r]
            (sortedValues + to * width).update(from: values + r * width, count: width)
            groupOfRow[r] = Int32(g)
        }
        dates.deallocate()
        dates = sortedDates
        values.deallocate()
        values = sortedValues
        runStarts = starts
    }

    private func resize(to rows: Int) {
        let newDates = UnsafeMutablePointer<Day>.allocate(capacity: rows)
        newDates.moveInitialize(from: dates, count: count)
        dates.deallocate()
        dates = newDates
        let newGroups = UnsafeMutablePointer<Int32>.allocate(capacity: rows)
        newGroups.moveInitialize(from: groupOfRow, count: count)
        groupOfRow.deallocate()
        groupOfRow = newGroups
        valuesCapacity = max(1, rows * width)
        let newValues = UnsafeMutablePointer<Double>.allocate(capacity: valuesCapacity)
        newValues.moveInitialize(from: values, count: count * width)
        values.deallocate()
        values = newValues
        capacity = rows
    }
}
