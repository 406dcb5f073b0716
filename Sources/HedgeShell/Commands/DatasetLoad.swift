import HedgeCore

/// What `load` and `load yahoo` share once they have read a dataset: check it against the fingerprint a
/// replayed script carries, store it with the fingerprint `save` will write, and report it.
protocol DatasetLoad: ShellCommand, Replayable {
    /// The name given with `as` (nil: the next default name).
    var name: String? { get set }
    /// Written by `save`: what the data looked like; a replay warns when they changed.
    var fingerprint: (token: Token, value: DataFingerprint)? { get set }
}

extension DatasetLoad {
    /// Stores `dataset` as `resolved` would replay it (with the final name and the data's fingerprint)
    /// and says what was loaded: shape, source, tickers, fields, then `notes`, then the data-quality gist.
    /// `words` are the command's words in messages (`load`, `load yahoo`).
    func store(_ dataset: DatasetObject, resolved: Self, words: String, notes: [String],
               in ws: inout Workspace, context: CommandContext) throws {
        let panel = dataset.panel
        let finalName = name ?? ws.defaultName(prefix: "d")
        var resolved = resolved
        resolved.name = finalName
        let current = DataFingerprint(panel)
        try DataCheck.verify(fingerprint, current: current, dataset: dataset, loadName: "`\(words) … as \(finalName)`",
                             context: context)
        resolved.fingerprint = current.map { (Token($0.description), $0) }
        let replaced = ws.store(dataset, as: finalName, by: resolved, inputs: [])
        var text = "\(context.style.name(finalName)): dataset, \(SeriesText.count(panel.tickers.count, "ticker")) × \(SeriesText.count(panel.dates.count, "day")), \(SeriesText.range(panel.dates))"
        text += context.nameNote(given: name, finalName: finalName, replaced: replaced) + "\n"
        text += "  source: \(dataset.source); tickers: \(Self.tickerList(panel.tickers, name: finalName)); fields: \(dataset.availableFields.map(\.rawValue).joined(separator: ", "))"
        for note in notes { text += "\n  " + note }
        if let gist = try DescribeCommand.gist(dataset, name: finalName) { text += "\n  " + gist }
        context.say(text)
    }

    /// The tickers of a load's report: all of them up to a dozen; for a universe the first eight and
    /// the last two, with where to find the rest (a 500-ticker list is 3,500 characters on one line).
    static func tickerList(_ tickers: [String], name: String) -> String {
        guard tickers.count > 12 else { return tickers.joined(separator: ", ") }
        return (tickers.prefix(8) + ["…"] + tickers.suffix(2)).joined(separator: ", ")
            + " (\(tickers.count); `describe \(name)` lists them)"
    }
}
