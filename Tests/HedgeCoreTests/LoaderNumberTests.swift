#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import HedgeCore

@Suite struct LoaderNumberTests {
    private func parse(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { DecimalParser.parse($0) }
    }

    private func libraryValue(_ text: String) -> Double {
        strtod(text, nil)
    }

    @Test func randomDoublesRoundTripBitIdentical() {
        var generator = SplitMix(seed: 1)
        for _ in 0..<200_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            #expect(parse("\(value)")?.bitPattern == value.bitPattern, "\(value)")
        }
    }

    @Test func priceLikeDoublesRoundTrip() {
        var generator = SplitMix(seed: 2)
        for _ in 0..<200_000 {
            // Float32 prices widened to Double, as yfinance writes them (e.g. 123.63253784179688).
            let price = Double(Float(Double.random(in: 0.01...5_000, using: &generator)))
            let decimal = Double.random(in: 1e-6...1e9, using: &generator)
            for value in [price, -price, decimal] {
                #expect(parse("\(value)")?.bitPattern == value.bitPattern, "\(value)")
            }
        }
    }

    @Test func decimalStringsMatchStrtod() {
        var generator = SplitMix(seed: 3)
        for _ in 0..<200_000 {
            let digits = Int.random(in: 1...19, using: &generator)
            var mantissa = ""
            for _ in 0..<digits { mantissa.append(Character(Unicode.Scalar(UInt8.random(in: 48...57, using: &generator)))) }
            let exponent = Int.random(in: -40...40, using: &generator)
            let text = "\(mantissa)e\(exponent)"
            #expect(parse(text)?.bitPattern == libraryValue(text).bitPattern, "\(text)")
        }
    }

    @Test func hardCasesMatchStrtod() {
        let cases = [
            "9007199254740993", "9007199254740992.5", "2.2250738585072014e-308", "4.9406564584124654e-324",
            "1.7976931348623157e308", "1e309", "1e-400", "0.1", "0.3", "123456789012345678901234567890",
            "7.2057594037927933e16", "1.00000000000000011102230246251565404236316680908203125",
            "0.000000000000000000000000000123", "3.0517578125e-05", "4.35679e-10", "123.63253784179688",
            "112117500.0", "-0.0", "00012.5000", ".5", "5.", "1E+2", "8.98846567431158e307",
        ]
        for text in cases {
            #expect(parse(text)?.bitPattern == libraryValue(text).bitPattern, "\(text)")
        }
    }

    @Test func missingMarkersAndInfinities() {
        for text in ["", "  ", "nan", "NaN", "null", "NULL", "NA", "N/A", "None", "-nan"] {
            #expect(parse(text)?.isNaN == true, "\(text)")
        }
        #expect(parse("inf") == .infinity)
        #expect(parse("-Infinity") == -.infinity)
        #expect(parse(" 1.5 ") == 1.5)
    }

    @Test func rejectsNonNumbers() {
        for text in ["12,x", "1.2.3", "1e", "e5", "-", ".", "1-2", "abc", "0x10", "1 2", "1e5x", "nana", "--1"] {
            #expect(parse(text) == nil, "\(text)")
        }
    }
}

/// `DecimalParser.scan`, the fast path's reader, never disagrees with `parse`: whenever it returns a
/// value, it is bit-identical, and it stops where the number ends.
@Suite struct LoaderNumberScanTests {
    private func scan(_ text: String) -> (value: Double, stop: Int)? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { DecimalParser.scan($0, from: 0, to: buffer.count) }
        }
    }

    private func parse(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { DecimalParser.parse($0) }
    }

    @Test func agreesWithParseOnRandomInputs() {
        var generator = SplitMix(seed: 11)
        var scanned = 0
        for round in 0..<300_000 {
            let text: String
            switch round % 3 {
            case 0: text = "\(Double(Float(Double.random(in: 0.001...10_000, using: &generator))))"
            case 1: text = "\(Double(bitPattern: generator.next()))"
            default:
                var digits = ""
                for _ in 0..<Int.random(in: 1...21, using: &generator) {
                    digits.append(Character(Unicode.Scalar(UInt8.random(in: 48...57, using: &generator))))
                }
                let point = Int.random(in: 0...digits.count, using: &generator)
                digits.insert(".", at: digits.index(digits.startIndex, offsetBy: point))
                text = (Bool.random(using: &generator) ? "-" : "") + digits + "e\(Int.random(in: -30...30, using: &generator))"
            }
            guard let (value, stop) = scan(text) else { continue }
            scanned += 1
            #expect(stop == text.utf8.count, "\(text)")
            #expect(value.bitPattern == parse(text)?.bitPattern, "\(text)")
            #expect(value.bitPattern == strtod(text, nil).bitPattern, "\(text)")
        }
        #expect(scanned > 150_000)
    }

    /// With 25 bytes or more after the number's start, `scan` reads the usual shape with three
    /// eight-byte loads (`scanShort`); it must agree with the byte-by-byte reading it replaces.
    @Test func agreesWithItselfWhenMoreBytesFollow() {
        var generator = SplitMix(seed: 12)
        let tails = [",", "\n", "\r\n", "x", ".", "e", "E5", "-"]
        var compared = 0
        for round in 0..<200_000 {
            var digits = ""
            for _ in 0..<Int.random(in: 1...22, using: &generator) {
                digits.append(Character(Unicode.Scalar(UInt8.random(in: 48...57, using: &generator))))
            }
            if round % 4 != 0 {
                let point = Int.random(in: 0...digits.count, using: &generator)
                digits.insert(".", at: digits.index(digits.startIndex, offsetBy: point))
            }
            let sign = ["", "-", "+"][round % 3]
            let text = sign + digits
            let padded = text + tails[round % tails.count] + String(repeating: "9", count: 30)
            let alone = scan(text)
            let followed = scan(padded)
            if let followed {
                #expect(followed.value.bitPattern == strtod(String(text.prefix(followed.stop)), nil).bitPattern, "\(padded)")
            }
            guard let alone, tails[round % tails.count] != "." , !tails[round % tails.count].hasPrefix("E"),
                  tails[round % tails.count] != "e" else { continue }
            compared += 1
            #expect(followed?.stop == alone.stop, "\(padded)")
            #expect(followed?.value.bitPattern == alone.value.bitPattern, "\(padded)")
        }
        #expect(compared > 50_000)
        // The edges of the eight-byte reading: 7 and 8 integer digits, 15 and 16 after the point,
        // 19 and 20 digits in all, a point with no digits after it, an exponent after the fraction.
        for text in ["1234567.5", "12345678.5", "1.123456789012345", "1.1234567890123456", "1234.123456789012345",
                     "1234.1234567890123456", "5.", "0.000000000000001", "-0.0", "9007199254740993.0",
                     "1.5e3", "1.5E-3", "12.e2"] {
            let padded = text + "," + String(repeating: "7", count: 30)
            let result = scan(padded)
            #expect(result?.stop ?? text.utf8.count == text.utf8.count, "\(text)")
            if let result { #expect(result.value.bitPattern == strtod(text, nil).bitPattern, "\(text)") }
        }
    }

    @Test func seventeenDigitPricesTakeTheFastPath() {
        for text in ["123.63253784179688", "124.16999816894533", "0.0012345678901234567", "112117500.0", "-0.0", "5.", ".5"] {
            let result = scan(text)
            if text == "0.0012345678901234567" {
                #expect(result == nil)  // 20 digits with the leading zeros: the general path
            } else {
                #expect(result?.value.bitPattern == strtod(text, nil).bitPattern, "\(text)")
            }
        }
    }

    @Test func stopsAtTheFirstByteAfterTheNumber() {
        #expect(scan("1.25,7")?.stop == 4)
        #expect(scan("1e5x")?.stop == 3)
        #expect(scan("-3\r\n")?.stop == 2)
        for text in ["", ",", "-", ".", "e5", "nan", " 1", "1e", "1e+"] {
            #expect(scan(text) == nil, "\(text)")
        }
    }
}
