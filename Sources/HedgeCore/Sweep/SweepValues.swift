/// The values one swept parameter takes, written as a range `START..END step STEP` or a list `A,B,C`.
///
/// A range holds `start + i·step` for i = 0, 1, … while the value is at most `end` (the end itself is
/// included when it lands on a step, within 1e-9 of a step). Each value is rounded to `d` decimals,
/// `d` = the larger of the decimals written in `start` and in `step` (`0.0005` has 4, `5e-4` has 4,
/// `20` has 0), so `0..0.3 step 0.1` gives exactly 0, 0.1, 0.2, 0.3 instead of accumulating error
/// (0.30000000000000004). A list keeps its values sorted ascending (so "adjacent" means adjacent in
/// value); a repeated value is an error. Values must be finite.
public enum SweepValues {
    /// The largest number of values (and of configurations: see `SweepGrid.maximumConfigurations`).
    public static let maximumCount = SweepGrid.maximumConfigurations

    /// Parses `text` as a range (`5..60`, with `step` the text after the word `step`) or, when it holds
    /// no `..`, a comma-separated list (`0,0.0005,0.001`, or a single value). A range without a step
    /// steps by 1 and then needs whole-number bounds. `parameter` names the parameter in errors.
    public static func parse(_ text: String, step: String? = nil, parameter: String) throws -> [Double] {
        if let dots = text.firstRange(of: "..") {
            let startText = String(text[..<dots.lowerBound])
            let endText = String(text[dots.upperBound...])
            let start = try number(startText, parameter: parameter, what: "range start")
            let end = try number(endText, parameter: parameter, what: "range end")
            if let step {
                let stepValue = try number(step, parameter: parameter, what: "step")
                return try range(from: start, to: end, step: stepValue,
                                 decimals: Swift.max(decimals(startText), decimals(step)), parameter: parameter)
            }
            guard start.rounded() == start, end.rounded() == end else {
                throw HedgeError("\(parameter) \(text): a range with fractional bounds needs a step (\(text) step 0.1)")
            }
            return try range(from: start, to: end, step: 1, decimals: 0, parameter: parameter)
        }
        if step != nil {
            throw HedgeError("\(parameter) \(text): step goes with a range START..END, not a list")
        }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= maximumCount else {
            throw HedgeError("\(parameter): \(parts.count) values exceed the limit of \(grouped(maximumCount))")
        }
        return try list(parts.map { try number($0, parameter: parameter, what: "value") }, parameter: parameter)
    }

    /// `start + i·step` rounded to `decimals` (default: the decimals of `start` and `step` as Swift
    /// prints them) for every i with `start + i·step ≤ end` (within 1e-9 of a step).
    public static func range(from start: Double, to end: Double, step: Double, decimals: Int? = nil,
                             parameter: String) throws -> [Double] {
        let label = "\(parameter) \(format(start))..\(format(end)) step \(format(step))"
        guard start.isFinite, end.isFinite, step.isFinite else { throw HedgeError("\(label): values must be finite") }
        guard step > 0 else { throw HedgeError("\(label): the step must be positive") }
        guard end >= start else { throw HedgeError("\(label): the end is below the start") }
        let steps = (end - start) / step
        let lastIndex = (steps + 1e-9 * Swift.max(1, steps)).rounded(.down)
        guard lastIndex.isFinite, lastIndex + 1 <= Double(maximumCount) else {
            throw HedgeError("\(label): more than \(grouped(maximumCount)) values; use a larger step")
        }
        let places = decimals ?? Swift.max(self.decimals(format(start)), self.decimals(format(step)))
        return (0...Int(lastIndex)).map { rounded(start + Double($0) * step, decimals: places) }
    }

    /// The values of a list, sorted ascending; throws on an empty list, a non-finite or repeated value.
    public static func list(_ values: [Double], parameter: String) throws -> [Double] {
        guard !values.isEmpty else { throw HedgeError("\(parameter): no values given") }
        if let bad = values.first(where: { !$0.isFinite }) { throw HedgeError("\(parameter): value \(bad) is not finite") }
        let sorted = values.sorted()
        for i in sorted.indices.dropFirst() where sorted[i] == sorted[i - 1] {
            throw HedgeError("\(parameter): value \(format(sorted[i])) is listed twice")
        }
        return sorted
    }

    /// Digits after the decimal point a number is written with, exponent included: `0.0005` → 4,
    /// `5e-4` → 4, `1.25e-3` → 5, `20` → 0, `1.5e3` → 0.
    public static func decimals(_ text: String) -> Int {
        let lower = text.lowercased()
        let mantissa: Substring, exponent: Int
        if let e = lower.firstIndex(of: "e") {
            mantissa = lower[..<e]
            exponent = Int(lower[lower.index(after: e)...]) ?? 0
        } else {
            mantissa = Substring(lower); exponent = 0
        }
        let fraction = mantissa.firstIndex(of: ".").map { mantissa.distance(from: $0, to: mantissa.endIndex) - 1 } ?? 0
        return Swift.min(17, Swift.max(0, fraction - exponent))
    }

    /// A parameter value as a label: whole numbers without a point (`20`), others in Swift's shortest
    /// round-tripping form (`0.0005`, `1e-05`).
    public static func format(_ value: Double) -> String {
        if value.isFinite, value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// `value` rounded to `decimals` places: the double nearest to round(value·10^d)/10^d.
    static func rounded(_ value: Double, decimals: Int) -> Double {
        guard decimals <= 22 else { return value }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = value * scale
        guard abs(scaled) < 4.5e15 else { return value }
        let result = scaled.rounded() / scale
        return result == 0 ? 0 : result
    }

    private static func number(_ text: String, parameter: String, what: String) throws -> Double {
        let trimmed = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        guard !trimmed.isEmpty else { throw HedgeError("\(parameter): a \(what) is missing") }
        guard let value = Double(trimmed), value.isFinite,
              trimmed.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }) else {
            throw HedgeError("\(parameter): \(what) '\(trimmed)' is not a number")
        }
        return value
    }

    /// `n` with thousands separators: 100000 → `100,000`.
    public static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var text = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { text.append(",") }
            text.append(ch)
        }
        return text
    }
}
