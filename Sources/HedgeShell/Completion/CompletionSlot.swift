/// What the word under the cursor may be, found by walking the statement's words through the
/// command's grammar.
enum CompletionSlot: Equatable {
    /// A value of `kind`, or one of `keywords` (the command's unused option keywords, when allowed here).
    case values(ArgumentKind, keywords: [String])
    /// Nothing to complete (a number, a new name, free text, or past the end of the grammar).
    case nothing

    /// Walks `words` (the statement's words after the command word) through `spec`.
    static func find(spec: CommandSpec, words: [LineWord]) -> CompletionSlot {
        var used = Set<String>()
        var positionalCount = 0
        var pendingKeyword: (word: String, value: ArgumentKind)?
        var repeatingKeyword: (word: String, value: ArgumentKind)?

        for word in words {
            if let pending = pendingKeyword {
                pendingKeyword = nil
                repeatingKeyword = spec.keywordValueRepeats(pending.word) ? pending : nil
                continue
            }
            if !word.isQuoted, !used.contains(word.text), let keyword = spec.keyword(word.text) {
                used.insert(keyword.word)
                repeatingKeyword = nil
                if let value = keyword.value { pendingKeyword = (keyword.word, value) }
                continue
            }
            if repeatingKeyword != nil { continue }
            positionalCount += 1
        }

        let unused = spec.keywords.map(\.word).filter { !used.contains($0) }
        if let pending = pendingKeyword {
            return .values(pending.value, keywords: [])
        }
        if let repeating = repeatingKeyword {
            return .values(repeating.value, keywords: unused)
        }
        if let kind = spec.positionalKind(at: positionalCount) {
            // A required positional comes first; flags (keywords without a value) may precede it.
            let required = positionalCount < spec.positional.count && !(spec.repeatsLast && positionalCount > 0)
            let flags = spec.keywords.filter { $0.value == nil && !used.contains($0.word) }.map(\.word)
            return .values(kind, keywords: required ? flags : unused)
        }
        return unused.isEmpty ? .nothing : .values(.text, keywords: unused)
    }
}
