/// A word of the command line as completion sees it.
struct LineWord: Equatable {
    /// The word's text with quotes removed.
    var text: String
    /// UTF-8 offset of its first byte (the opening quote when quoted).
    var start: Int
    /// True when the word contains a double quote.
    var isQuoted: Bool
    /// True while a quote is still open at the end of the word.
    var hasOpenQuote: Bool
}

/// Splits the statement under the cursor into words: whitespace separates words, `;` separates
/// statements, double quotes group text containing spaces.
enum LineWords {
    /// The words of the statement before `cursor` that are complete, and the word being typed
    /// (empty, starting at the cursor, when the cursor follows whitespace or a `;`).
    static func split(_ bytes: ArraySlice<UInt8>) -> (complete: [LineWord], current: LineWord) {
        var complete: [LineWord] = []
        var word: [UInt8] = []
        var start = bytes.startIndex
        var inWord = false, quoted = false, inQuote = false

        func finishWord() {
            complete.append(LineWord(text: String(decoding: word, as: UTF8.self), start: start,
                                     isQuoted: quoted, hasOpenQuote: false))
            word.removeAll(); inWord = false; quoted = false
        }

        for index in bytes.indices {
            let byte = bytes[index]
            if inQuote {
                if byte == UInt8(ascii: "\"") { inQuote = false } else { word.append(byte) }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                if inWord { finishWord() }
            case UInt8(ascii: ";"):
                if inWord { finishWord() }
                complete.removeAll()
            case UInt8(ascii: "\""):
                if !inWord { start = index; inWord = true }
                quoted = true; inQuote = true
            default:
                if !inWord { start = index; inWord = true }
                word.append(byte)
            }
        }
        let current = inWord
            ? LineWord(text: String(decoding: word, as: UTF8.self), start: start, isQuoted: quoted, hasOpenQuote: inQuote)
            : LineWord(text: "", start: bytes.endIndex, isQuoted: false, hasOpenQuote: false)
        return (complete, current)
    }
}
