import Foundation
import Testing

/// The `hedge` binary run as a user runs it from a shell: scripts, -c, piped input, exit statuses.
@Suite struct BatchModeTests {
    struct Run {
        var status: Int32
        var out: String
        var err: String
    }

    func hedge(_ arguments: [String], input: String? = nil, in directory: String? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(BuiltProducts.executable(named: "hedge"), "the hedge executable is not built"))
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["HEDGE_HISTORY"] = "/dev/null"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        if let input {
            // hedge may stop reading early (an over-long line ends its input): a broken pipe is no failure here.
            signal(SIGPIPE, SIG_IGN)
            try? inp.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        }
        try? inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "hedge-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func versionAndHelp() throws {
        let v = try hedge(["--version"])
        #expect(v.status == 0 && v.out.hasPrefix("hedge "))
        let h = try hedge(["--help"])
        #expect(h.status == 0 && h.out.contains("usage: hedge"))
    }

    @Test func usageErrorsExitTwo() throws {
        let r = try hedge(["--frobnicate"])
        #expect(r.status == 2)
        #expect(r.err.contains("unknown option '--frobnicate'"))
        #expect(try hedge(["-c"]).status == 2)
    }

    @Test func dashCRunsCommandsAndFailsWithOne() throws {
        let ok = try hedge(["-c", "load demo as d; weight d by equal as e; ls"])
        #expect(ok.status == 0)
        #expect(ok.out.contains("e     series"))
        let bad = try hedge(["-c", "load demo as d; regress d on d.SYNA"])
        #expect(bad.status == 1)
        #expect(bad.err.contains("'d' is a dataset, not a series"))
    }

    @Test func aScriptStopsAtItsFirstErrorWithFileAndLine() throws {
        let dir = try temporaryDirectory()
        let script = "load demo as d\n# two\nweight d by volume exclude NOPE as p\nls\n"
        _ = FileManager.default.createFile(atPath: dir + "/s.hedge", contents: Data(script.utf8))
        let r = try hedge(["s.hedge"], in: dir)
        #expect(r.status == 1)
        #expect(r.err.hasPrefix("s.hedge:3:28: weight: dataset 'd' has no ticker 'NOPE'"), "\(r.err)")
        #expect(!r.out.contains("NAME"))  // ls never ran
        let viaRun = try hedge(["run", "s.hedge"], in: dir)
        #expect(viaRun.status == 1 && viaRun.err.hasPrefix("s.hedge:3:"))
        #expect(try hedge(["missing.hedge"], in: dir).status == 1)
    }

    @Test func pipedInputCarriesOnAfterErrorsAndExitsOne() throws {
        let input = "load demo as d\nfrobnicate\nweight d by equal \\\n  as e\nls\n"
        let r = try hedge([], input: input)
        #expect(r.status == 1)
        #expect(r.err.contains("<stdin>:2:1: unknown command 'frobnicate'"))
        #expect(r.out.contains("e     series"), "\(r.out)")
        #expect(!r.out.contains("hedge>"))
        let clean = try hedge([], input: "load demo as d\nls\n")
        #expect(clean.status == 0)
    }

    @Test func nonUTF8AndHugeLinesAreErrorsNotCrashes() throws {
        let process = try hedge([], input: "ls\n" + String(repeating: "x", count: 200_000) + "\nls\n")
        #expect(process.status == 1)
        #expect(process.err.contains("longer than"))
        let dir = try temporaryDirectory()
        _ = FileManager.default.createFile(atPath: dir + "/bad.hedge", contents: Data([0x6C, 0x73, 0x0A, 0xC3, 0x28, 0x0A]))
        let r = try hedge(["bad.hedge"], in: dir)
        #expect(r.status == 1 && r.err.contains("bad.hedge:2: not valid UTF-8"))
    }

    @Test func outputToAPipeHasNoEscapeCodes() throws {
        let r = try hedge(["-c", "load demo as d; weight d by volume exclude SYNIDX as p; plot-ascii p d.SYNIDX cumulative; frobnicate"],
                          environment: ["NO_COLOR": ""])
        #expect(!r.out.contains("\u{1B}"))
        #expect(!r.err.contains("\u{1B}"))
        #expect(r.out.contains("⠒"))
    }

    @Test func demoFlagLoadsTheDemoDataset() throws {
        let r = try hedge(["--demo", "-q", "-c", "ls"])
        #expect(r.status == 0 && r.out.contains("demo (synthetic)"))
    }
}
