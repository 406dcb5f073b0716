import Foundation

/// A fitted straight line `y = intercept + slope · x`.
public struct LinearFit: Sendable, Equatable {
    public var intercept: Double
    public var slope: Double

    public init(intercept: Double, slope: Double) {
        self.intercept = intercept
        self.slope = slope
    }

    /// The least-squares line through the pairs (NaN pairs ignored); nil with fewer than two pairs
    /// or when x does not vary.
    public static func leastSquares(x: [Double], y: [Double]) -> LinearFit? {
        let pairs = zip(x, y).filter { $0.0.isFinite && $0.1.isFinite }
        guard pairs.count >= 2 else { return nil }
        let n = Double(pairs.count)
        let meanX = pairs.reduce(0) { $0 + $1.0 } / n
        let meanY = pairs.reduce(0) { $0 + $1.1 } / n
        var sxx = 0.0, sxy = 0.0
        for (a, b) in pairs {
            sxx += (a - meanX) * (a - meanX)
            sxy += (a - meanX) * (b - meanY)
        }
        guard sxx > 0 else { return nil }
        let slope = sxy / sxx
        return LinearFit(intercept: meanY - slope * meanX, slope: slope)
    }

    /// The line's value at `x`.
    public func value(at x: Double) -> Double { intercept + slope * x }

    /// `y = 0.0010 + 1.6701·x` (with `*` instead of `·` in ASCII), four decimals.
    public func equation(ascii: Bool = false) -> String {
        let sign = slope < 0 ? "-" : "+"
        let times = ascii ? "*" : "·"
        return "y = \(ChartUnit.fixed(intercept, 4)) \(sign) \(ChartUnit.fixed(abs(slope), 4))\(times)x"
    }
}
