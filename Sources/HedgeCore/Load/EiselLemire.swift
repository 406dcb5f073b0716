/// The Eisel–Lemire algorithm (Lemire, "Number Parsing at a Gigabyte per Second", 2021), as in
/// fast_float, limited to decimal exponents −27…27 — the range of price data — so that its table of
/// 128-bit powers of five is small and computed at start-up.
enum EiselLemire {
    static let smallestExponent = -27
    static let largestExponent = 27

    /// The double nearest to `mantissa × 10^exponent`, or nil when outside the supported range.
    /// `mantissa` must be the exact decimal significand (at most 19 digits).
    static func value(mantissa: UInt64, exponent q: Int) -> Double? {
        guard mantissa != 0, q >= smallestExponent, q <= largestExponent else { return nil }
        let leadingZeros = mantissa.leadingZeroBitCount
        let w = mantissa << UInt64(leadingZeros)
        let index = (q - smallestExponent) * 2
        var (high, low) = w.multipliedFullWidth(by: powersOfFive[index])
        let precisionMask = UInt64.max >> 55
        if high & precisionMask == precisionMask {
            let (secondHigh, _) = w.multipliedFullWidth(by: powersOfFive[index + 1])
            let (sum, overflow) = low.addingReportingOverflow(secondHigh)
            low = sum
            if overflow { high &+= 1 }
        }
        let upperBit = Int(high >> 63)
        let shift = UInt64(upperBit + 64 - 52 - 3)
        var significand = high >> shift
        var power2 = (((152_170 + 65_536) * q) >> 16) + 63 + upperBit - leadingZeros + 1023
        guard power2 > 0, power2 < 2047 else { return nil }
        // Exactly halfway between two doubles: round to even instead of up.
        if low <= 1 && q >= -4 && q <= 23 && significand & 3 == 1 && significand << shift == high {
            significand &= ~1
        }
        significand += significand & 1
        significand >>= 1
        if significand >= 2 << 52 {
            significand = 1 << 52
            power2 += 1
        }
        significand &= ~(1 << 52)
        guard power2 < 2047 else { return nil }
        return Double(bitPattern: UInt64(power2) << 52 | significand)
    }

    /// For each q in −27…27, the high and low words of 5^q normalized to 128 bits
    /// (for q < 0, of 2^b / 5^−q rounded up), as fast_float's table.
    private static let powersOfFive: [UInt64] = {
        var table: [UInt64] = []
        for q in smallestExponent...largestExponent {
            var power: UInt64 = 1
            for _ in 0..<abs(q) { power *= 5 }
            if q >= 0 {
                table.append(power << UInt64(power.leadingZeroBitCount))
                table.append(0)
            } else {
                // floor(2^(z + 127) / 5^-q) + 1 where z is the bit length of 5^-q; the quotient
                // is below 2^128, so dividing the three-word number 2^(z-1)·2^128 word by word
                // leaves two quotient words.
                let bitLength = 64 - power.leadingZeroBitCount
                let top: UInt64 = 1 << UInt64(bitLength - 1)
                let (middleQuotient, middleRemainder) = power.dividingFullWidth((top % power, 0))
                let (lowQuotient, _) = power.dividingFullWidth((middleRemainder, 0))
                let (lowPlusOne, carry) = lowQuotient.addingReportingOverflow(1)
                table.append(middleQuotient &+ (carry ? 1 : 0))
                table.append(lowPlusOne)
            }
        }
        return table
    }()
}
