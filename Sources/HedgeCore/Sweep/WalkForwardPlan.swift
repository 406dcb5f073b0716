/// One walk-forward fold: the rows it trains on and the rows it then trades.
public struct WalkForwardFold: Sendable, Equatable {
    /// 0-based fold number.
    public var index: Int
    /// Rows of the training span (exactly `train` rows).
    public var train: Range<Int>
    /// Rows of the test span: `test` rows, fewer in the last fold when the sample ends first.
    public var test: Range<Int>

    public init(index: Int, train: Range<Int>, test: Range<Int>) {
        self.index = index; self.train = train; self.test = test
    }
}

/// Splits rows into consecutive walk-forward folds.
public enum WalkForwardPlan {
    /// Folds over `rows`: fold k trains on `[a + k·M, a + k·M + N)` and tests on the following
    /// `[a + k·M + N, min(a + k·M + N + M, b))` (a, b = the bounds of `rows`, N = `train`, M = `test`);
    /// folds continue while a test row remains, so the last test span may be shorter than M. The test
    /// spans tile `[a + N, b)` without gap or overlap. Throws when N or M is below 1, or when N
    /// leaves no row to test (N ≥ the number of rows).
    public static func folds(rows: Range<Int>, train: Int, test: Int) throws -> [WalkForwardFold] {
        guard train >= 1 else { throw HedgeError("train must be at least 1 day (got \(train))") }
        guard test >= 1 else { throw HedgeError("test must be at least 1 day (got \(test))") }
        guard train < rows.count else {
            throw HedgeError("train \(train) days leaves no day to test: the sample has \(rows.count) usable days (train must be below that)")
        }
        var folds: [WalkForwardFold] = []
        var start = rows.lowerBound
        while start + train < rows.upperBound {
            let testStart = start + train
            folds.append(WalkForwardFold(index: folds.count, train: start..<testStart,
                                         test: testStart..<Swift.min(testStart + test, rows.upperBound)))
            start += test
        }
        return folds
    }
}
