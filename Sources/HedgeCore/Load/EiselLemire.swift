/// The Eisel–Lemire algorithm (Lemire, "Number Parsing at a Gigabyte per Second", 2021), as in
/// fast_float, limited to decimal exponents −27…27 — the range of price data — so that its table of
/// 128-bit powers of five is small.
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

    /// For each q in −27…27, the high and low words of 5^q normalized to 128 bits (for q < 0, of
    /// floor(2^(z + 127) / 5^−q) + 1 where z is the bit length of 5^−q), as fast_float's table.
    /// A literal, so that it is static data (no lazy initialization on the hot path); the tests
    /// check every exponent against `strtod`.
    private static let powersOfFive: [UInt64] = [
        0x9E74D1B791E07E48, 0x775EA264CF55347E,
        0xC612062576589DDA, 0x95364AFE032A819E,
        0xF79687AED3EEC551, 0x3A83DDBD83F52205,
        0x9ABE14CD44753B52, 0xC4926A9672793543,
        0xC16D9A0095928A27, 0x75B7053C0F178294,
        0xF1C90080BAF72CB1, 0x5324C68B12DD6339,
        0x971DA05074DA7BEE, 0xD3F6FC16EBCA5E04,
        0xBCE5086492111AEA, 0x88F4BB1CA6BCF585,
        0xEC1E4A7DB69561A5, 0x2B31E9E3D06C32E6,
        0x9392EE8E921D5D07, 0x3AFF322E62439FD0,
        0xB877AA3236A4B449, 0x09BEFEB9FAD487C3,
        0xE69594BEC44DE15B, 0x4C2EBE687989A9B4,
        0x901D7CF73AB0ACD9, 0x0F9D37014BF60A11,
        0xB424DC35095CD80F, 0x538484C19EF38C95,
        0xE12E13424BB40E13, 0x2865A5F206B06FBA,
        0x8CBCCC096F5088CB, 0xF93F87B7442E45D4,
        0xAFEBFF0BCB24AAFE, 0xF78F69A51539D749,
        0xDBE6FECEBDEDD5BE, 0xB573440E5A884D1C,
        0x89705F4136B4A597, 0x31680A88F8953031,
        0xABCC77118461CEFC, 0xFDC20D2B36BA7C3E,
        0xD6BF94D5E57A42BC, 0x3D32907604691B4D,
        0x8637BD05AF6C69B5, 0xA63F9A49C2C1B110,
        0xA7C5AC471B478423, 0x0FCF80DC33721D54,
        0xD1B71758E219652B, 0xD3C36113404EA4A9,
        0x83126E978D4FDF3B, 0x645A1CAC083126EA,
        0xA3D70A3D70A3D70A, 0x3D70A3D70A3D70A4,
        0xCCCCCCCCCCCCCCCC, 0xCCCCCCCCCCCCCCCD,
        0x8000000000000000, 0x0000000000000000,
        0xA000000000000000, 0x0000000000000000,
        0xC800000000000000, 0x0000000000000000,
        0xFA00000000000000, 0x0000000000000000,
        0x9C40000000000000, 0x0000000000000000,
        0xC350000000000000, 0x0000000000000000,
        0xF424000000000000, 0x0000000000000000,
        0x9896800000000000, 0x0000000000000000,
        0xBEBC200000000000, 0x0000000000000000,
        0xEE6B280000000000, 0x0000000000000000,
        0x9502F90000000000, 0x0000000000000000,
        0xBA43B74000000000, 0x0000000000000000,
        0xE8D4A51000000000, 0x0000000000000000,
        0x9184E72A00000000, 0x0000000000000000,
        0xB5E620F480000000, 0x0000000000000000,
        0xE35FA931A0000000, 0x0000000000000000,
        0x8E1BC9BF04000000, 0x0000000000000000,
        0xB1A2BC2EC5000000, 0x0000000000000000,
        0xDE0B6B3A76400000, 0x0000000000000000,
        0x8AC7230489E80000, 0x0000000000000000,
        0xAD78EBC5AC620000, 0x0000000000000000,
        0xD8D726B7177A8000, 0x0000000000000000,
        0x878678326EAC9000, 0x0000000000000000,
        0xA968163F0A57B400, 0x0000000000000000,
        0xD3C21BCECCEDA100, 0x0000000000000000,
        0x84595161401484A0, 0x0000000000000000,
        0xA56FA5B99019A5C8, 0x0000000000000000,
        0xCECB8F27F4200F3A, 0x0000000000000000,
    ]
}
