/// What the word under the cursor may be, found by walking the statement's words through the
/// command's grammar.
enum CompletionSlot: Equatable {
    /// A value of `kind`, or one of `keywords` (the command's unused option keywords, when allowed here).
    case values(ArgumentKind, keywords: [String])
    /// Nothing to complete (a number, a new name, free text, or past the end of the grammar).
    case nothing

    /// Walks `words` (the statement's words after the command's words) through `spec`.
    static func find(spec: CommandSpec, words: [LineWord]) -> CompletionSlot {
        var used = Set<String>()
        var positionalCount = 0
        var pendingOption: OptionSpec?
        var repeatingOption: OptionSpec?

        for word in words {
            if let pending = pendingOption {
                pendingOption = nil
                repeatingOption = pending.repeats ? pending : nil
                continue
            }
            if !word.isQuoted, !used.contains(word.text), let option = spec.option(word.text) {
                used.insert(option.word)
                repeatingOption = nil
                if option.value != nil { pendingOption = option }
                continue
            }
            if repeatingOption != nil { continue }
            positionalCount += 1
        }

        let unused = spec.options.map(\.word).filter { !used.contains($0) }
        if let pending = pendingOption, let kind = pending.value {
            return .values(kind, keywords: [])
        }
        if let repeating = repeatingOption, let kind = repeating.value {
            return .values(kind, keywords: unused)
        }
        if let slot = spec.positional(at: positionalCount) {
            // A required positional comes first; flags (keywords without a value) may precede it.
            let required = positionalCount < spec.positionals.count && slot.isRequired && !(slot.repeats && positionalCount > 0)
            let flags = spec.options.filter { $0.value == nil && !used.contains($0.word) }.map(\.word)
            return .values(slot.kind, keywords: required ? flags : unused)
        }
        return unused.isEmpty ? .nothing : .values(.text, keywords: unused)
    }
}
