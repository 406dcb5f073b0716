#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
        guard let fit = try? OLS.slope(y: pairs.map(\.1), x: pairs.map(\.0)) else { return nil }
        return LinearFit(intercept: fit.alpha, slope: fit.beta)
    }

    /// The line's value at `x`.
    public func value(at x: Double) -> Double { intercept + slope * x }

    /// `y = 0.0010 + 1.6701·x` (with `*` instead of `·` in ASCII), four decimals.
    public func equation(ascii: Bool = false) -> String {
        let sign = slope < 0 ? "-" : "+"
        let times = ascii ? "*" : "·"
        return "y = \(NumberFormat.tick(intercept, 4)) \(sign) \(NumberFormat.tick(abs(slope), 4))\(times)x"
    }
}
