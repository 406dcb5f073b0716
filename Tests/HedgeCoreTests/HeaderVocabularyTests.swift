import Testing
@testable import HedgeCore

/// `HeaderVocabulary.normalized` and `trimmed` read header cells byte by byte when they can; they
/// must give what the definitions by characters give, kept here as the reference.
@Suite struct HeaderVocabularyTests {
    private static func strippedByCharacters(_ cell: String, _ set: String) -> String {
        let unwanted = Set(set)
        var slice = Substring(cell)
        while let first = slice.first, unwanted.contains(first) { slice.removeFirst() }
        while let last = slice.last, unwanted.contains(last) { slice.removeLast() }
        return String(slice)
    }

    private static func normalizedByCharacters(_ cell: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in strippedByCharacters(cell, " \t\"'\u{FEFF}<>").lowercased() {
            if character == " " || character == "_" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" "); pendingSpace = false }
            result.append(character)
        }
        return result
    }

    /// Pieces that make cells hard to read byte by byte: stripped characters, a byte-order mark, a
    /// space or quote followed by a combining accent (one character, not a space), CR LF, letters of
    /// both cases, non-ASCII capitals and underscores.
    private static let pieces = [
        " ", "\t", "\"", "'", "<", ">", "\u{FEFF}", " \u{301}", "'\u{308}", "\r\n", "\r", "\n",
        "A", "z", "Adj", "CLOSE", "_", "É", "ß", "İ", "7", ".", "\u{301}", "日",
    ]

    @Test func agreeWithTheDefinitionsByCharacters() {
        var generator = SplitMix(seed: 77)
        var cells = ["", " ", "Adj Close", " Adj_Close ", "\u{FEFF}Date", "<DATE>", "'AAPL'", "\"Volume\"",
                     " \u{301}Date", "Date \u{301}", "Adj__Close", "VOL\r\n"]
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...7, using: &generator)
            cells.append((0..<length).map { _ in Self.pieces.randomElement(using: &generator) ?? "" }.joined())
        }
        var mismatches = 0
        for cell in cells {
            if HeaderVocabulary.normalized(cell) != Self.normalizedByCharacters(cell) { mismatches += 1 }
            if HeaderVocabulary.trimmed(cell) != Self.strippedByCharacters(cell, " \t\"'\u{FEFF}") { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test func meaningsOfUsualHeaders() {
        #expect(HeaderVocabulary.meaning(of: " Adj_Close ") == .field(.adjustedClose))
        #expect(HeaderVocabulary.meaning(of: "\u{FEFF}Date") == .date)
        #expect(HeaderVocabulary.meaning(of: "<VOL>") == .field(.volume))
        #expect(HeaderVocabulary.meaning(of: "Stock  Splits") == .ignoredField)
        #expect(HeaderVocabulary.meaning(of: "AAPL") == .other)
    }
}
