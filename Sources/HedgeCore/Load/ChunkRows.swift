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
    private(set) var groups: UnsafeMutablePointer<Int32>

    /// The long layout's groups in first-appearance order: name, row count, first and last date.
    private(set) var groupNames: [String] = []
    private(set) var groupCounts: [Int] = []
    private(set) var groupFirst: [Day] = []
    private(set) var groupLast: [Day] = []
    /// For the fixed layouts (one group): the first and last date.
    var firstDate: Day? { count > 0 ? dates[0] : nil }
    var lastDate: Day? { count > 0 ? dates[count - 1] : nil }

    init() {
        dates = UnsafeMutablePointer<Day>.allocate(capacity: 1)
        values = UnsafeMutablePointer<Double>.allocate(capacity: 1)
        groups = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    }

    deinit {
        dates.deallocate()
        values.deallocate()
        groups.deallocate()
    }

    /// Empties the rows for a new chunk of `width` values per row, keeping the buffers.
    func reset(width: Int, expectedRows: Int) {
        self.width = width
        count = 0
        groupNames.removeAll(keepingCapacity: true)
        groupCounts.removeAll(keepingCapacity: true)
        groupFirst.removeAll(keepingCapacity: true)
        groupLast.removeAll(keepingCapacity: true)
        if capacity * width > valuesCapacity {
            values.deallocate()
            valuesCapacity = max(1, capacity * width)
            values = .allocate(capacity: valuesCapacity)
        }
        if expectedRows > capacity { resize(to: expectedRows) }
    }

    /// Room for one more row; returns its values, to be written by the caller, who then sets the
    /// row's date and group with `setLastRow`.
    @inline(__always)
    func appendRow(date: Day, group: Int32) -> UnsafeMutablePointer<Double> {
        if count == capacity { resize(to: max(1024, capacity * 2)) }
        dates[count] = date
        groups[count] = group
        let row = values + count &* width
        count &+= 1
        return row
    }

    @inline(__always)
    func setLastRow(date: Day, group: Int32) {
        dates[count &- 1] = date
        groups[count &- 1] = group
    }

    /// Adds a long-layout group; returns its index.
    func addGroup(name: String) -> Int32 {
        groupNames.append(name)
        groupCounts.append(0)
        groupFirst.append(Day(ordinal: Int.min))
        groupLast.append(Day(ordinal: Int.min))
        return Int32(groupNames.count - 1)
    }

    /// Records a row of `group` dated `date`; false when the date does not follow the group's last.
    @inline(__always)
    func noteGroupRow(_ group: Int, date: Day) -> Bool {
        if groupCounts[group] == 0 {
            groupFirst[group] = date
        } else if date <= groupLast[group] {
            return false
        }
        groupLast[group] = date
        groupCounts[group] &+= 1
        return true
    }

    /// Gives back memory beyond what the rows use (for chunks kept until a file is assembled).
    func shrinkToFit() {
        guard count < capacity else { return }
        resize(to: max(count, 1))
    }

    private func resize(to rows: Int) {
        let newDates = UnsafeMutablePointer<Day>.allocate(capacity: rows)
        newDates.moveInitialize(from: dates, count: count)
        dates.deallocate()
        dates = newDates
        let newGroups = UnsafeMutablePointer<Int32>.allocate(capacity: rows)
        newGroups.moveInitialize(from: groups, count: count)
        groups.deallocate()
        groups = newGroups
        valuesCapacity = max(1, rows * width)
        let newValues = UnsafeMutablePointer<Double>.allocate(capacity: valuesCapacity)
        newValues.moveInitialize(from: values, count: count * width)
        values.deallocate()
        values = newValues
        capacity = rows
    }
}
