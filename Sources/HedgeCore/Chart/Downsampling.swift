/// Reduces many points to the chart's horizontal resolution without losing spikes.
enum Downsampling {
    /// For points in x order, keeps only the minimum and maximum of each x (in their original order),
    /// so every column still spans its full vertical extent. Non-finite y values must be removed first.
    static func minMaxPerColumn(_ points: [(x: Int, y: Double)]) -> [(x: Int, y: Double)] {
        var result: [(x: Int, y: Double)] = []
        result.reserveCapacity(Swift.min(points.count, 4096))
        var start = 0
        while start < points.count {
            var end = start
            var lowIndex = start, highIndex = start
            while end < points.count && points[end].x == points[start].x {
                if points[end].y < points[lowIndex].y { lowIndex = end }
                if points[end].y > points[highIndex].y { highIndex = end }
                end += 1
            }
            for index in [lowIndex, highIndex].sorted() where result.last.map({ $0.x != points[index].x || $0.y != points[index].y }) ?? true {
                result.append(points[index])
            }
            start = end
        }
        return result
    }

    /// Splits values into runs of consecutive finite values (NaN and infinities break a run),
    /// giving the indices of each run.
    static func finiteRuns(_ values: [Double]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int? = nil
        for (i, v) in values.enumerated() {
            if v.isFinite {
                if start == nil { start = i }
            } else if let s = start {
                runs.append(s..<i)
                start = nil
            }
        }
        if let s = start { runs.append(s..<values.count) }
        return runs
    }
}
