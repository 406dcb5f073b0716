/// One swept parameter: its name and the values it takes (ascending).
public struct SweepAxis: Sendable, Equatable {
    public var name: String
    public var values: [Double]

    public init(name: String, values: [Double]) {
        self.name = name; self.values = values
    }
}

/// The Cartesian product of the swept parameters' values, in a fixed order: configuration k has
/// the index digits of k in the mixed radix of the axes' sizes, the first axis varying slowest and
/// the last fastest (as Python's `itertools.product`). So the order never depends on scheduling.
public struct SweepGrid: Sendable, Equatable {
    /// The largest number of configurations a sweep may hold.
    public static let maximumConfigurations = 100_000

    public let axes: [SweepAxis]
    /// Number of configurations (the product of the axes' sizes).
    public let count: Int

    /// Throws when there is no axis, an axis has no values, two axes share a name, or the product
    /// exceeds `maximumConfigurations`.
    public init(_ axes: [SweepAxis]) throws {
        guard !axes.isEmpty else { throw HedgeError("a sweep needs at least one parameter with values") }
        var seen: Set<String> = []
        var product = 1
        for axis in axes {
            guard !axis.values.isEmpty else { throw HedgeError("\(axis.name): no values given") }
            guard seen.insert(axis.name).inserted else { throw HedgeError("\(axis.name) is swept twice") }
            let (next, overflow) = product.multipliedReportingOverflow(by: axis.values.count)
            guard !overflow, next <= SweepGrid.maximumConfigurations else {
                let sizes = axes.map { "\($0.values.count)" }.joined(separator: " × ")
                throw HedgeError("the sweep has \(sizes) = more than \(SweepValues.grouped(SweepGrid.maximumConfigurations)) configurations, the limit: use fewer values or a larger step")
            }
            product = next
        }
        self.axes = axes
        count = product
    }

    /// The axes' sizes.
    public var shape: [Int] { axes.map(\.values.count) }

    /// The value index on each axis of configuration `flat` (0 ≤ flat < count).
    public func indices(of flat: Int) -> [Int] {
        var rest = flat
        var result = Array(repeating: 0, count: axes.count)
        for a in axes.indices.reversed() {
            let size = axes[a].values.count
            result[a] = rest % size
            rest /= size
        }
        return result
    }

    /// The configuration number of the value indices `indices` (one per axis).
    public func flatIndex(_ indices: [Int]) -> Int {
        var flat = 0
        for (a, i) in indices.enumerated() { flat = flat * axes[a].values.count + i }
        return flat
    }

    /// The parameter values of configuration `flat`, one per axis.
    public func values(of flat: Int) -> [Double] {
        zip(axes, indices(of: flat)).map { $0.values[$1] }
    }

    /// The index of the axis named `name`, or nil.
    public func axisIndex(_ name: String) -> Int? { axes.firstIndex { $0.name == name } }
}
