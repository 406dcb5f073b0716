import Foundation
import Testing
@testable import HedgeCore
@testable import HedgeShell

/// Issue 13 in the shell: cancelled commands print nothing and change nothing; scripts nest at
/// most 64 deep, may start with a byte-order mark and use CRLF, and have bounded lines; nothing
/// non-printable from a file reaches the terminal; exports leave no temporary files.
@Suite struct ReliabilityShellTests {
    @Test func aCommandCancelledAfterItsWorkPrintsNothingAndKeepsTheWorkspace() throws {
        let output = BufferedOutput()
        let directory = NSTemporaryDirectory() + "hedge-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let armed = Cancellation()
        // The clock is read while the summary is formatted: after the fit, before any output.
        let box = CancellationBox()
        let session = Session(output: output, environment: ShellEnvironment(currentDirectory: directory, now: {
            if armed.isCancelled { box.cancellation?.cancel() }
            return Date(timeIntervalSince1970: 0)
        }))
        box.cancellation = session.cancellation
        #expect(session.execute("load demo as d; weight d by equal as p"))
        let before = session.workspace
        let printed = output.output.count
        armed.cancel()
        #expect(!session.execute("regress p on d.SYNIDX as m"))
        #expect(output.output.count == printed, "printed: \(output.output.dropFirst(printed))")
        #expect(output.errors.contains("interrupted"))
        #expect(session.workspace == before)
        #expect(session.workspace["m"] == nil)
    }

    /// Set once before the clock is read.
    final class CancellationBox: @unchecked Sendable {
        var cancellation: Cancellation?
    }

    @Test func scriptsNestAtMost64Deep() {
        let test = TestSession()
        for depth in 1...65 {
            test.write("s\(depth).hedge", depth == 65 ? "load demo as deepest\n" : "run s\(depth + 1).hedge\n")
        }
        // 64 levels: s1 … s64 (s64 runs s65, the 65th level).
        let tooDeep = test.run("run s1.hedge")
        #expect(!tooDeep.ok)
        #expect(tooDeep.err.contains("nest more than 64 deep"), "\(tooDeep.err)")
        #expect(tooDeep.err.hasPrefix("s64.hedge:1:1: run: scripts nest"), "\(tooDeep.err)")
        #expect(test.session.workspace["deepest"] == nil)
        let deepestAllowed = test.run("run s2.hedge")
        #expect(deepestAllowed.ok, "\(deepestAllowed.err)")
        #expect(test.session.workspace["deepest"] != nil)
    }

    @Test func scriptsMayStartWithAByteOrderMarkAndUseCRLF() {
        let test = TestSession()
        test.write("bom.hedge", "\u{FEFF}load demo as d\r\nweight d by equal \\\r\n  as p\r\n# comment\r\nls\r\n")
        let run = test.run("run bom.hedge")
        #expect(run.ok, "\(run.err)")
        #expect(test.session.workspace["p"] != nil)
        #expect(run.out.contains("p  "))
    }

    @Test func anOverlongScriptLineFailsNamingTheLimit() {
        let test = TestSession()
        test.write("long.hedge", "load demo as d\n" + String(repeating: "x", count: Lexer.maximumLineLength + 1) + "\nls\n")
        let run = test.run("run long.hedge")
        #expect(!run.ok)
        #expect(run.err == "long.hedge:2: line 2 is longer than 65536 bytes (the limit); the rest of the input is not read\n", "\(run.err)")
        #expect(test.session.workspace["d"] == nil)
        // Exactly at the limit is fine (and then an unknown command).
        test.write("edge.hedge", String(repeating: "x", count: Lexer.maximumLineLength) + "\n")
        #expect(test.run("run edge.hedge").err.contains("unknown command"))
    }

    @Test func controlCharactersFromFilesAreEscapedInErrorsAndOutput() {
        let test = TestSession()
        test.write("cells.csv", "Date,Close\n2024-01-02,1.5\n2024-01-03,\u{1B}[2J\u{1B}]0;owned\u{07}\n")
        let bad = test.run("load cells.csv as c")
        #expect(!bad.ok)
        #expect(!bad.err.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(bad.err.debugDescription)")
        #expect(bad.err.contains("\\x1B[2J\\x1B]0;owned\\x07"), "\(bad.err)")
        test.write("head\u{01}er.csv", "Date,A\u{1B}[2JB,C\u{0}D\n2024-01-02,1,2\n2024-01-03,1.1,2.2\n")
        let loaded = test.run("load 'head\u{01}er.csv' as w; ls; show w")
        #expect(!(loaded.out + loaded.err).unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F },
                "\((loaded.out + loaded.err).debugDescription)")
    }

    @Test func exportsLeaveNoTemporaryFilesAndUseRecognizableNames() throws {
        let test = TestSession()
        #expect(test.run("load demo as d; weight d by equal as p; export p to p.csv; export d to d.csv").ok)
        #expect(test.run("export p to missing-dir/p.csv").err.contains("export: cannot write 'missing-dir/p.csv'"))
        // A directory in the way: the rename fails and the temporary file is removed.
        try FileManager.default.createDirectory(atPath: test.path("blocked.csv"), withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: test.path("blocked.csv/inside"), withIntermediateDirectories: false)
        #expect(!test.run("export p to blocked.csv").ok)
        let names = try FileManager.default.contentsOfDirectory(atPath: test.directory).sorted()
        #expect(names == ["blocked.csv", "d.csv", "p.csv"], "\(names)")
        #expect(AtomicFile.temporaryTemplate(for: "/a/b/p.csv") == "/a/b/.p.csv.hedge-tmp-XXXXXX")
        #expect(AtomicFile.temporaryTemplate(for: "p.csv") == "./.p.csv.hedge-tmp-XXXXXX")
    }

    /// Both ways of writing atomically give a new file the same mode: the unnamed temporary file gets the
    /// kernel's 0666 less the umask; the named one (file systems without `O_TMPFILE`) was 0600 from mkstemp.
    @Test func bothAtomicWritesGiveTheUsualMode() throws {
        let test = TestSession()
        try AtomicFile.write("a\n", to: test.path("unnamed.csv"))
        try AtomicFile.write("a\n", to: test.path("named.csv"), unnamedFirst: false)
        func mode(_ name: String) throws -> Int {
            try #require(try FileManager.default.attributesOfItem(atPath: test.path(name))[.posixPermissions] as? Int)
        }
        #expect(try mode("named.csv") == (try mode("unnamed.csv")))
        #expect(try mode("named.csv") == 0o666 & ~Int(AtomicFile.currentUmask()))
        #expect(test.read("named.csv") == "a\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: test.directory).sorted()
        #expect(names == ["named.csv", "unnamed.csv"], "\(names)")
    }

    /// Contents written piece by piece: the file replaces the target only when they are complete. A
    /// producer that fails part-way (an interrupt, a full disk) leaves the old file and no temporary one,
    /// through both ways of writing; a complete one writes every piece, in order.
    @Test func aStreamedWriteIsAllOrNothing() throws {
        struct Stop: Error {}
        let test = TestSession()
        for unnamedFirst in [true, false] {
            let name = unnamedFirst ? "unnamed.csv" : "named.csv"
            try AtomicFile.write("old\n", to: test.path(name), unnamedFirst: unnamedFirst)
            #expect(throws: Stop.self) {
                try AtomicFile.write(to: test.path(name), unnamedFirst: unnamedFirst) { append in
                    for k in 0..<100 {
                        if k == 60 { throw Stop() }
                        try "row \(k)\n".utf8.withContiguousStorageIfAvailable { try append(UnsafeRawBufferPointer($0)) }
                    }
                }
            }
            #expect(test.read(name) == "old\n", "\(name)")
            try AtomicFile.write(to: test.path(name), unnamedFirst: unnamedFirst) { append in
                for k in 0..<100 {
                    try Array("row \(k)\n".utf8).withUnsafeBytes { try append($0) }
                }
            }
            #expect(test.read(name) == (0..<100).map { "row \($0)\n" }.joined(), "\(name)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: test.directory).sorted()
        #expect(names == ["named.csv", "unnamed.csv"], "\(names)")
    }

    /// A dataset's export is written in pieces: the same bytes as its text, for a universe of many
    /// blocks of rows.
    @Test func aDatasetExportIsStreamedAsItsText() throws {
        let test = TestSession()
        #expect(test.run("load demo as d; export d to d.csv; export d.volume to v.csv").ok)
        guard let dataset = test.session.workspace["d"] else { Issue.record("no d"); return }
        #expect(test.read("d.csv") == (try dataset.export(name: "d", format: .csv).text))
        let body = try dataset.exportBody(name: "d", format: .csv)
        var streamed: [UInt8] = []
        try body.write(cancellation: nil) { streamed.append(contentsOf: $0) }
        #expect(String(decoding: streamed, as: UTF8.self) == (try dataset.export(name: "d", format: .csv).text))
        #expect((test.read("v.csv") ?? "").hasPrefix("date,"))
        #expect(test.read("v.csv") != test.read("d.csv"))
    }

    /// Ctrl-C while `export` writes: the file being replaced stays as it was and no temporary file is
    /// left. (The object stands for a large export: it hands over a piece, then the interrupt comes.)
    @Test func anExportInterruptedWhileWritingLeavesTheOldFile() throws {
        struct Interrupting: WorkspaceValue, Equatable {
            static let kind = ObjectKind.series
            func listing() -> ListingRow { ListingRow(shape: "-", dates: "-", about: "-") }
            func show(name: String, context: DisplayContext) -> String { "" }
            func export(name: String, format: ExportFormat) throws(ShellError) -> (text: String, what: String) {
                ("complete\n", "1 row")
            }
            func exportBody(name: String, format: ExportFormat) throws(ShellError) -> ExportBody {
                ExportBody(what: "rows") { cancellation, append in
                    try Array("partial\n".utf8).withUnsafeBytes { try append($0) }
                    cancellation?.cancel()
                    try cancellation?.check()
                    try Array("more\n".utf8).withUnsafeBytes { try append($0) }
                }
            }
        }
        let test = TestSession()
        test.write("x.csv", "old\n")
        _ = test.session.workspace.store(Interrupting(), as: "big", command: "test", inputs: [])
        let run = test.run("export big to x.csv")
        #expect(!run.ok)
        #expect(run.err.contains("export: interrupted; 'x.csv' unchanged"), "\(run.err.debugDescription)")
        test.session.cancellation.reset()
        #expect(test.read("x.csv") == "old\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: test.directory).sorted()
        #expect(names == ["x.csv"], "\(names)")
        #expect(test.run("export big to y.csv").ok == false)
        test.session.cancellation.reset()
        #expect(try FileManager.default.contentsOfDirectory(atPath: test.directory) == ["x.csv"])
    }

    /// A string is written from its own UTF-8 storage: the same bytes as `Data(text.utf8)`, for a
    /// bridged-looking (non-ASCII) string, a substring's copy and an empty one.
    @Test func aStringIsWrittenAsItsUTF8() throws {
        let test = TestSession()
        let big = String(repeating: "2024-01-02,1.5,é😀\n", count: 50_000)
        for (k, text) in [big, String(big.dropFirst(3).prefix(1_000)), ""].enumerated() {
            try AtomicFile.write(text, to: test.path("s\(k).csv"))
            #expect(FileManager.default.contents(atPath: test.path("s\(k).csv")) == Data(text.utf8), "\(k)")
        }
    }
}

/// Inputs the fuzzers found, kept as tests.
@Suite struct FuzzFindingsTests {
    /// Every word written as `save` writes it (`Token.shellWord`) lexes back to the same word, alone.
    static func roundTrips(_ words: [String]) throws -> Bool {
        let line = words.map(Token.shellWord).joined(separator: " ")
        let commands = try Lexer.commands(in: line)
        return commands.count == 1 && commands[0].tokens.map(\.text) == words
    }

    @Test func wordsEndingInBackslashesOrHoldingLineBreaksAndWildcardsRoundTrip() throws {
        // lexer-parser found `lot-asc\\…\\` (an odd run of backslashes ending the input): written back
        // as typed, unquoted, its last backslash continued the line. `shellWord` (what `save` writes)
        // quotes it; checking that property turned up unquoted line breaks and wildcards, fixed since.
        let found = "weight d \\\n  exclude SYNI@X,SYNA as p; show p\nlot-asc" + String(repeating: "\\", count: 70)
        let commands = try Lexer.commands(in: found)
        for command in commands {
            #expect(try Self.roundTrips(command.tokens.map(\.text)), "\(command.tokens.map(\.text))")
        }
        for words in [["load", "a\\"], ["load", "two\nlines.csv"], ["load", "c\r\n"], ["load", "data*.csv"],
                      ["load", "x?[1].csv"], ["load", ""], ["plot-ascii", "p", "title", "a \"b\" \\ c"]] {
            #expect(try Self.roundTrips(words), "\(words)")
        }
    }

    @Test func aQuoteFollowedByACombiningMarkIsEscaped() throws {
        // lexer-parser (in CI's 30 s run) found `pltle "oted\"\u{651}ames"`: a quote followed by a combining
        // mark is one Character, so quoting by Character left it unescaped and the word split in two.
        let found = "pltle \"oted\\\"\u{0651}ames\"\n"
        let commands = try Lexer.commands(in: found)
        #expect(commands.count == 1)
        for command in commands {
            #expect(try Self.roundTrips(command.tokens.map(\.text)), "\(command.tokens.map(\.text))")
        }
        #expect(try Self.roundTrips(["load", "a\"\u{0651}b.csv"]))
        #expect(try Self.roundTrips(["title", "\\\u{0301}x"]))
    }

    @Test func csvFieldsDoubleAQuoteFollowedByACombiningMark() {
        // The same Character trap in CSV quoting: each quote scalar is doubled.
        #expect(Exporter.csvField("a\"\u{0651}b") == "\"a\"\"\u{0651}b\"")
        #expect(Exporter.csvField("plain") == "plain")
        #expect(Exporter.csvField("x,y") == "\"x,y\"")
        #expect(Exporter.csvField("cr\r") == "\"cr\r\"")
    }
}
