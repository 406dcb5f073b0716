#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a CSV cell as a Double, exactly (correctly rounded, like `strtod`).
///
/// Tries, in order: Clinger's fast path (mantissa ≤ 2^53, |exponent| ≤ 22), the Eisel–Lemire
/// algorithm (≤ 19 significant digits, |exponent| ≤ 27), then the C library's `strtod`.
/// Empty cells and missing-value markers (`nan`, `NaN`, `null`, `NA`, `N/A`, `None`) read as NaN.
enum DecimalParser {
    /// The value of `bytes`, or nil when they are not a number. Surrounding spaces are ignored.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let base = bytes.baseAddress else { return .nan }
        var start = 0
        var end = bytes.count
        while start < end && (base[start] == 0x20 || base[start] == 0x09) { start += 1 }
        while end > start && (base[end - 1] == 0x20 || base[end - 1] == 0x09) { end -= 1 }
        if start == end { return .nan }

        var i = start
        var negative = false
        if base[i] == UInt8(ascii: "-") || base[i] == UInt8(ascii: "+") {
            negative = base[i] == UInt8(ascii: "-")
            i += 1
        }
        // Digits accumulate with wrapping arithmetic; the result is exact whenever there are at most
        // 19 significant digits, which is checked below.
        var mantissa: UInt64 = 0
        let integerStart = i
        while i < end, case let digit = base[i] &- 48, digit < 10 {
            mantissa = mantissa &* 10 &+ UInt64(digit)
            i &+= 1
        }
        let integerEnd = i
        var fractionStart = i
        if i < end && base[i] == UInt8(ascii: ".") {
            i &+= 1
            fractionStart = i
            while i &+ 8 <= end, let eight = eightDigits(base + i) {
                mantissa = mantissa &* 100_000_000 &+ eight
                i &+= 8
            }
            while i < end, case let digit = base[i] &- 48, digit < 10 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                i &+= 1
            }
        }
        let fractionDigits = i - fractionStart
        let digitCount = (integerEnd - integerStart) + fractionDigits
        var exponent = -fractionDigits
        var significantDigits = digitCount
        if digitCount > 19 {
            var k = integerStart
            while k < i && (base[k] == UInt8(ascii: "0") || base[k] == UInt8(ascii: ".")) {
                if base[k] == UInt8(ascii: "0") { significantDigits -= 1 }
                k += 1
            }
        }
        if digitCount == 0 { return specialValue(base + start, count: end - start) }
        if i < end && (base[i] == UInt8(ascii: "e") || base[i] == UInt8(ascii: "E")) {
            i += 1
            var exponentNegative = false
            if i < end && (base[i] == UInt8(ascii: "-") || base[i] == UInt8(ascii: "+")) {
                exponentNegative = base[i] == UInt8(ascii: "-")
                i += 1
            }
            var written = 0
            var exponentDigits = 0
            while i < end, case let digit = base[i] &- 48, digit < 10 {
                if written < 100_000 { written = written * 10 + Int(digit) }
                exponentDigits += 1
                i += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard i == end else { return nil }

        let magnitude: Double
        if mantissa == 0 {
            magnitude = 0
        } else if significantDigits > 19 {
            guard let value = libraryValue(base + start, count: end - start) else { return nil }
            return value
        } else if let value = fastValue(mantissa: mantissa, exponent: exponent) {
            magnitude = value
        } else {
            guard let value = libraryValue(base + start, count: end - start) else { return nil }
            return value
        }
        return negative ? -magnitude : magnitude
    }

    /// The value of eight ASCII digits at `p`, or nil when they are not all digits (fast_float's SWAR).
    @inline(__always)
    static func eightDigits(_ p: UnsafePointer<UInt8>) -> UInt64? {
        #if _endian(little)
        var word = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
        let allDigits = ((word & 0xF0F0_F0F0_F0F0_F0F0)
            | (((word &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4)) == 0x3333_3333_3333_3333
        guard allDigits else { return nil }
        word = ((word & 0x0F0F_0F0F_0F0F_0F0F) &* 2561) >> 8
        word = ((word & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        return ((word & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
        #else
        return nil
        #endif
    }

    /// Exactly representable powers of ten, 10^0 … 10^22.
    static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Missing-value markers and infinities; nil for anything else.
    private static func specialValue(_ bytes: UnsafePointer<UInt8>, count: Int) -> Double? {
        guard count <= 9 else { return nil }
        var lowered = ""
        for k in 0..<count {
            let byte = bytes[k]
            guard byte < 128 else { return nil }
            lowered.unicodeScalars.append(Unicode.Scalar(byte >= 65 && byte <= 90 ? byte + 32 : byte))
        }
        switch lowered {
        case "nan", "-nan", "+nan", "null", "na", "n/a", "none", "<na>", "#n/a": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: return nil
        }
    }

    /// `strtod` on a NUL-terminated copy; the caller has checked the syntax.
    private static func libraryValue(_ bytes: UnsafePointer<UInt8>, count: Int) -> Double? {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { copy -> Double? in
            guard let copyBase = copy.baseAddress else { return nil }
            bytes.withMemoryRebound(to: CChar.self, capacity: count) { copyBase.update(from: $0, count: count) }
            copyBase[count] = 0
            var stop: UnsafeMutablePointer<CChar>? = nil
            let value = strtod(copyBase, &stop)
            guard let stop, stop - copyBase == count else { return nil }
            return value
        }
    }
}

extension DecimalParser {
    /// Reads the digits at `base[i...]` into `mantissa` (wrapping past 19 digits), eight bytes at a
    /// time: the count of leading digits in a word comes from a SWAR test, and that many digits are
    /// combined at once. Returns how many digits it read; `i` is left after them.
    @inline(__always)
    private static func readDigits(_ base: UnsafePointer<UInt8>, _ i: inout Int, _ end: Int,
                                   _ mantissa: inout UInt64) -> Int {
        let start = i
        #if _endian(little)
        while i &+ 8 <= end {
            let (count, digits) = leadingDigits(base + i)
            mantissa = mantissa &* smallPowersOfTen[count] &+ digits
            i &+= count
            if count < 8 { return i &- start }
        }
        #endif
        while i < end, case let digit = base[i] &- 48, digit < 10 {
            mantissa = mantissa &* 10 &+ UInt64(digit)
            i &+= 1
        }
        return i &- start
    }

    private static let smallPowersOfTen: [UInt64] = [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
    ]

    /// Reads a plain decimal (`[+-]digits[.digits][e[+-]digits]`) starting at `base[start]` and
    /// stopping at the first byte that cannot continue it; the value and that stop offset. Nil when
    /// there are no digits or the value needs the general path (more than 19 digits, or outside
    /// Clinger's and Eisel–Lemire's range): the caller then gives the whole cell to `parse`, which
    /// is exact for everything. Whenever this returns a value it is the one `parse` returns.
    // Transparent rather than @inline(__always), which the optimizer did not honour here: inlined
    // into the row scanner, the wide file reads 3–5% faster.
    @_transparent
    static func scan(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> (value: Double, stop: Int)? {
        #if _endian(little)
        if end &- start >= 25, let common = scanShort(base, from: start) { return common }
        #endif
        var i = start
        var negative = false
        if i < end && (base[i] == UInt8(ascii: "-") || base[i] == UInt8(ascii: "+")) {
            negative = base[i] == UInt8(ascii: "-")
            i &+= 1
        }
        var mantissa: UInt64 = 0
        var digitCount = readDigits(base, &i, end, &mantissa)
        var exponent = 0
        if i < end && base[i] == UInt8(ascii: ".") {
            i &+= 1
            let fractionDigits = readDigits(base, &i, end, &mantissa)
            exponent = -fractionDigits
            digitCount &+= fractionDigits
        }
        guard digitCount > 0, digitCount <= 19 else { return nil }
        if i < end && (base[i] | 0x20) == UInt8(ascii: "e") {
            i &+= 1
            var exponentNegative = false
            if i < end && (base[i] == UInt8(ascii: "-") || base[i] == UInt8(ascii: "+")) {
                exponentNegative = base[i] == UInt8(ascii: "-")
                i &+= 1
            }
            var written = 0
            let exponentStart = i
            while i < end, case let digit = base[i] &- 48, digit < 10, written < 100_000 {
                written = written &* 10 &+ Int(digit)
                i &+= 1
            }
            guard i > exponentStart, written < 100_000 else { return nil }
            exponent &+= exponentNegative ? -written : written
        }
        // Trailing zeros after the point (`112117500.0`) leave the value an integer: no division.
        while exponent < 0 && mantissa != 0 && mantissa % 10 == 0 {
            mantissa /= 10
            exponent &+= 1
        }
        guard let magnitude = mantissa == 0 ? 0 : fastValue(mantissa: mantissa, exponent: exponent) else { return nil }
        return (negative ? -magnitude : magnitude, i)
    }

    #if _endian(little)
    /// `scan` for the usual price cell, `[+-]d{1,7}[.d{0,15}]` followed by a byte that is not a digit, a point
    /// or an exponent (at most 19 digits in all), read with three independent eight-byte loads: the
    /// integer digits, then the first and second eight bytes after the point. The caller guarantees
    /// 25 readable bytes from `start`. Nil for anything else, which `scan`'s loop then reads.
    @inline(__always)
    private static func scanShort(_ base: UnsafePointer<UInt8>, from start: Int) -> (value: Double, stop: Int)? {
        let sign = base[start]
        let negative = sign == UInt8(ascii: "-")
        let i = negative || sign == UInt8(ascii: "+") ? start &+ 1 : start
        let (integerCount, integerValue) = leadingDigits(base + i)
        guard integerCount > 0, integerCount < 8 else { return nil }
        var stop = i &+ integerCount
        var mantissa = integerValue
        var exponent = 0
        if base[stop] == UInt8(ascii: ".") {
            let fraction = stop &+ 1
            let (firstCount, firstValue) = leadingDigits(base + fraction)
            let (secondCount, secondValue) = firstCount == 8 ? leadingDigits(base + (fraction &+ 8)) : (0, 0)
            guard secondCount < 8, integerCount &+ firstCount &+ secondCount <= 19 else { return nil }
            mantissa = integerValue &* smallPowersOfTen[firstCount] &* smallPowersOfTen[secondCount]
                &+ firstValue &* smallPowersOfTen[secondCount] &+ secondValue
            exponent = -(firstCount &+ secondCount)
            stop = fraction &+ firstCount &+ secondCount
        }
        guard base[stop] | 0x20 != UInt8(ascii: "e") else { return nil }
        guard let magnitude = mantissa == 0 ? 0 : fastValue(mantissa: mantissa, exponent: exponent) else { return nil }
        return (negative ? -magnitude : magnitude, stop)
    }

    /// How many ASCII digits the eight bytes at `p` start with, and their value.
    @inline(__always)
    private static func leadingDigits(_ p: UnsafePointer<UInt8>) -> (count: Int, value: UInt64) {
        let word = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
        // Zero bytes where `word` has an ASCII digit (a non-digit's carry only reaches later bytes).
        let marks = ((word & 0xF0F0_F0F0_F0F0_F0F0)
            | (((word &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4)) ^ 0x3333_3333_3333_3333
        let nonDigits = (((marks & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | marks) & 0x8080_8080_8080_8080
        let count = nonDigits.trailingZeroBitCount &>> 3
        // The digits' values moved to the top bytes (zeros before them), then combined.
        var digits = count == 0 ? 0 : (word &- 0x3030_3030_3030_3030) &<< UInt64((8 &- count) &* 8)
        digits = ((digits & 0x0F0F_0F0F_0F0F_0F0F) &* 2561) &>> 8
        digits = ((digits & 0x00FF_00FF_00FF_00FF) &* 6_553_601) &>> 16
        digits = ((digits & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) &>> 32
        return (count, digits)
    }
    #endif

    /// `mantissa × 10^exponent` correctly rounded, when Clinger's fast path (mantissa ≤ 2^53,
    /// |exponent| ≤ 22: one exact operation) or Eisel–Lemire can tell it; nil otherwise (then `strtod`).
    @inline(__always)
    static func fastValue(mantissa: UInt64, exponent: Int) -> Double? {
        if mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            let exact = Double(mantissa)
            return exponent < 0 ? exact / powersOfTen[-exponent] : exact * powersOfTen[exponent]
        }
        return EiselLemire.value(mantissa: mantissa, exponent: exponent)
    }
}
