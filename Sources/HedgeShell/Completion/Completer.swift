import Foundation

/// Tab completion for the command language, driven by the commands' specs (`CommandRegistry`). Pure: everything it needs
/// about the workspace and the file system comes from the `CompletionContext`.
public enum Completer {
    /// Completes the word before `cursor` in `line`.
    ///
    /// - Parameters:
    ///   - cursor: a UTF-8 byte offset into `line` (what `el_line` gives); clamped to the line and
    ///     moved back to a character boundary.
    ///   - homeDirectory: what `~/` expands to; nil uses `$HOME`.
    public static func complete(
        line: String, cursor: Int, context: any CompletionContext, homeDirectory: String? = nil
    ) -> Completion {
        let bytes = Array(line.utf8)
        var cursor = min(max(cursor, 0), bytes.count)
        while cursor > 0, cursor < bytes.count, bytes[cursor] & 0xC0 == 0x80 { cursor -= 1 }

        let (complete, current) = LineWords.split(bytes[..<cursor])
        let request = Request(bytes: bytes, cursor: cursor, current: current, context: context,
                              home: homeDirectory ?? ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory())
        guard !complete.isEmpty else {
            return request.finish(plainWords: CommandRegistry.names)
        }
        let words = complete.prefix { !$0.isQuoted }.map(\.text)
        guard let (type, wordCount) = CommandRegistry.command(for: words) else { return .none(at: cursor) }
        let spec = type.spec
        let slot = CompletionSlot.find(spec: spec, words: Array(complete.dropFirst(wordCount)))
        // Right after the command's words, its sub-words (`load yahoo`) are offered too.
        let subwords = complete.count == wordCount ? CommandRegistry.subwords(after: spec.words) : []
        return request.finish(slot: slot, spec: spec, statementWords: complete, subwords: subwords)
    }
}

/// One completion request: the line, the word being typed, and how to turn matches into a `Completion`.
private struct Request {
    let bytes: [UInt8]
    let cursor: Int
    let current: LineWord
    let context: any CompletionContext
    let home: String

    /// A match: its display text and whether it is unfinished (a directory's `/`, a dataset's `.`).
    struct Match {
        var text: String
        var isPartial = false
    }

    func finish(slot: CompletionSlot, spec: CommandSpec, statementWords: [LineWord], subwords: [String]) -> Completion {
        switch slot {
        case .nothing:
            return subwords.isEmpty ? .none(at: cursor) : finish(plainWords: subwords)
        case let .values(kind, options):
            let keywords = options + subwords
            if case .path = kind { return completePath(alsoWords: keywords) }
            return completeValue(kind, keywords: keywords, statementWords: statementWords)
        }
    }

    func finish(plainWords: [String]) -> Completion {
        guard !current.isQuoted else { return .none(at: cursor) }
        return finish(matches: plainWords.map { Match(text: $0) }, segmentStart: current.start, segment: current.text)
    }

    // MARK: Values

    private func completeValue(_ kind: ArgumentKind, keywords: [String], statementWords: [LineWord]) -> Completion {
        guard !current.isQuoted else { return .none(at: cursor) }
        let word = current.text
        let keywordMatches = keywords.map { Match(text: $0) }
        switch kind {
        case let .object(kinds):
            if kinds.contains(.series), let dot = word.firstIndex(of: ".") {
                return completeDatasetMember(word: word, firstDot: dot)
            }
            var matches = context.objectNames(of: kinds).map { Match(text: $0) }
            if kinds.contains(.series), !kinds.contains(.dataset) {
                matches += context.objectNames(of: [.dataset]).map { Match(text: $0 + ".", isPartial: true) }
            }
            return finish(matches: matches + keywordMatches, segmentStart: current.start, segment: word)
        case .anyObject:
            if let dot = word.firstIndex(of: ".") { return completeDatasetMember(word: word, firstDot: dot) }
            let matches = context.objectNames(of: nil).map { Match(text: $0) }
            return finish(matches: matches + keywordMatches, segmentStart: current.start, segment: word)
        case let .choice(words):
            return finish(matches: (words + keywords).map { Match(text: $0) }, segmentStart: current.start, segment: word)
        case .command:
            return finish(matches: CommandRegistry.names.map { Match(text: $0) } + keywordMatches,
                          segmentStart: current.start, segment: word)
        case .tickers:
            return completeTickerList(word: word, dataset: statementWords.dropFirst().first?.text)
        case .path, .number, .newName, .date, .text:
            return finish(matches: keywordMatches, segmentStart: current.start, segment: word)
        }
    }

    /// `DATASET.TI` → its tickers; `DATASET.TICKER.v` → `price`/`volume`.
    private func completeDatasetMember(word: String, firstDot: String.Index) -> Completion {
        let dataset = String(word[..<firstDot])
        guard let tickers = context.tickers(ofDataset: dataset) else { return .none(at: cursor) }
        let rest = word[word.index(after: firstDot)...]
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        let segmentStart = current.start + dataset.utf8.count + 1
        switch parts.count {
        case 1:
            return finish(matches: tickers.map { Match(text: $0) }, segmentStart: segmentStart, segment: String(rest))
        case 2 where tickers.contains(String(parts[0])):
            return finish(matches: ["price", "volume"].map { Match(text: $0) },
                          segmentStart: segmentStart + parts[0].utf8.count + 1, segment: String(parts[1]))
        default:
            return .none(at: cursor)
        }
    }

    /// `exclude AAPL,MS` → the command's dataset's tickers not yet listed.
    private func completeTickerList(word: String, dataset: String?) -> Completion {
        guard let dataset, let tickers = context.tickers(ofDataset: dataset) else { return .none(at: cursor) }
        let listed = word.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let segment = listed.last ?? ""
        let segmentStart = cursor - segment.utf8.count
        let remaining = tickers.filter { !listed.dropLast().contains($0) }
        return finish(matches: remaining.map { Match(text: $0) }, segmentStart: segmentStart, segment: segment)
    }

    // MARK: Paths

    /// Completes a file path (relative, absolute or `~/`), quoting it when it holds a space.
    private func completePath(alsoWords words: [String]) -> Completion {
        guard !(current.isQuoted && !current.hasOpenQuote) else { return .none(at: cursor) }
        let word = current.text
        if word == "~" {
            return replacingWord(with: "~/", matches: ["~/"])
        }
        let directoryPart: String
        let base: String
        if let slash = word.lastIndex(of: "/") {
            directoryPart = String(word[...slash])
            base = String(word[word.index(after: slash)...])
        } else {
            directoryPart = ""
            base = word
        }
        let listed = directoryPart.isEmpty ? "." : expandingTilde(directoryPart)
        let entries = (context.directoryEntries(listed) ?? [])
            .filter { $0.name.hasPrefix(base) && (base.hasPrefix(".") || !$0.name.hasPrefix(".")) }
            .map { Match(text: $0.isDirectory ? $0.name + "/" : $0.name, isPartial: $0.isDirectory) }
        var matches = entries
        if directoryPart.isEmpty, !current.isQuoted {
            matches += words.filter { $0.hasPrefix(base) }.map { Match(text: $0) }
        }
        matches.sort { $0.text < $1.text }
        guard !matches.isEmpty else { return .none(at: cursor) }

        let display = matches.map(\.text)
        if matches.count == 1, let only = matches.first {
            return replacingWord(with: directoryPart + only.text, matches: display, isFinished: !only.isPartial)
        }
        let common = longestCommonPrefix(display)
        guard common.count > base.count else {
            return Completion(replaceStart: current.start, cursor: cursor, replacedText: typedWord,
                              replacement: typedWord, matches: display)
        }
        return replacingWord(with: directoryPart + common, matches: display)
    }

    /// Replaces the whole typed word (with its opening quote) by `path`, quoted when needed; a finished
    /// path gets its closing quote and a space.
    private func replacingWord(with path: String, matches: [String], isFinished: Bool = false) -> Completion {
        let needsQuotes = current.isQuoted || path.contains(where: { $0 == " " || $0 == "\t" || $0 == ";" })
        var replacement = needsQuotes ? "\"" + path : path
        if isFinished { replacement += needsQuotes ? "\" " : " " }
        return Completion(replaceStart: current.start, cursor: cursor, replacedText: typedWord,
                          replacement: replacement, matches: matches)
    }

    private var typedWord: String { String(decoding: bytes[current.start..<cursor], as: UTF8.self) }

    private func expandingTilde(_ path: String) -> String {
        guard path.hasPrefix("~/") else { return path }
        let trimmedHome = home.hasSuffix("/") ? String(home.dropLast()) : home
        return trimmedHome + path.dropFirst()
    }

    // MARK: Common

    /// Filters `matches` by the typed `segment` and builds the completion of the text from `segmentStart`.
    private func finish(matches all: [Match], segmentStart: Int, segment: String) -> Completion {
        var seen = Set<String>()
        let matches = all.filter { $0.text.hasPrefix(segment) && seen.insert($0.text).inserted }
            .sorted { $0.text < $1.text }
        guard !matches.isEmpty else { return .none(at: cursor) }
        let display = matches.map(\.text)
        let replacement: String
        if matches.count == 1, let only = matches.first {
            replacement = only.isPartial ? only.text : only.text + " "
        } else {
            let common = longestCommonPrefix(display)
            replacement = common.count > segment.count ? common : segment
        }
        return Completion(replaceStart: segmentStart, cursor: cursor, replacedText: segment,
                          replacement: replacement, matches: display)
    }

    private func longestCommonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            prefix = String(zip(prefix, word).prefix { $0 == $1 }.map(\.0))
        }
        return prefix
    }
}
