/// Grammar helpers completion derives from the catalog (nothing here repeats its keyword lists).
extension CommandSpec {
    /// What the positional slot `index` accepts; past the end the last slot repeats when `repeatsLast`.
    func positionalKind(at index: Int) -> ArgumentKind? {
        if index < positional.count { return positional[index] }
        return repeatsLast ? positional.last : nil
    }

    /// Whether a keyword takes several values, read from the synopsis: `on SERIES [SERIES...]`.
    func keywordValueRepeats(_ word: String) -> Bool {
        let parts = synopsis.split(separator: " ")
        guard let at = parts.firstIndex(where: { $0 == word }), at + 2 < parts.count else { return false }
        let placeholder = parts[at + 1]
        return parts[at + 2] == "[\(placeholder)...]"
    }
}
