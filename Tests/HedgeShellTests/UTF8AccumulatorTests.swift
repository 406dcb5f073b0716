import Testing
@testable import HedgeShell

@Suite struct UTF8AccumulatorTests {
    private func scalars(_ bytes: [UInt8]) -> [UTF8Accumulator.Step] {
        var accumulator = UTF8Accumulator()
        return bytes.map { accumulator.add($0) }
    }

    @Test func asciiAndMultiByteCharacters() {
        #expect(scalars([0x61]) == [.scalar("a")])
        #expect(scalars(Array("é".utf8)) == [.incomplete, .scalar("é")])
        #expect(scalars(Array("漢".utf8)) == [.incomplete, .incomplete, .scalar("漢")])
        #expect(scalars(Array("😀".utf8)).last == .scalar("😀"))
    }

    @Test func invalidBytesAreDropped() {
        #expect(scalars([0xFF, 0x61]) == [.invalid, .scalar("a")])
        #expect(scalars([0x80]) == [.invalid])
        // A truncated sequence followed by ASCII: the ASCII survives.
        #expect(scalars([0xC3, 0x62]) == [.incomplete, .scalar("b")])
        // Overlong / surrogate encodings are rejected.
        #expect(scalars([0xE0, 0x80, 0x80]).last == .invalid)
        #expect(scalars([0xED, 0xA0, 0x80]).last == .invalid)
    }
}
