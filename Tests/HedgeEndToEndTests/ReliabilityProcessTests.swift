import Foundation
import Testing

/// Issue 13 for the `hedge` process: output that cannot be written, input without newlines, FIFOs,
/// killed exports. Redirections are made by /bin/sh, as a user's shell makes them.
@Suite struct ReliabilityProcessTests {
    struct Run {
        var status: Int32
        var signaled: Bool
        var out: String
        var err: String
    }

    /// Runs `script` in /bin/sh with `$HEDGE` the built hedge, in `directory`.
    func shell(_ script: String, in directory: String? = nil) throws -> Run {
        let hedge = try #require(BuiltProducts.executable(named: "hedge"), "the hedge executable is not built")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        var environment = ProcessInfo.processInfo.environment
        environment["HEDGE"] = hedge
        environment["NO_COLOR"] = "1"
        environment["HEDGE_HISTORY"] = ""
        process.environment = environment
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
                   out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "hedge-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static let hasDevFull = FileManager.default.fileExists(atPath: "/dev/full")

    /// `status` of the sh command's last `echo "status=$?"` line.
    func status(_ run: Run) -> String? {
        run.out.split(separator: "\n").last { $0.hasPrefix("status=") }.map { String($0.dropFirst(7)) }
    }

    @Test(.enabled(if: hasDevFull, "no /dev/full on this system"))
    func resultsThatCannotBeWrittenAreAnErrorNotACrash() throws {
        for command in [#""$HEDGE" --version > /dev/full"#, #""$HEDGE" -c 'load demo as d' > /dev/full"#,
                        #""$HEDGE" --help > /dev/full"#, #"echo ls | "$HEDGE" --demo > /dev/full"#] {
            let run = try shell(command + "; echo \"status=$?\"")
            #expect(status(run) == "1", "\(command): \(run.out)")
            #expect(run.err == "hedge: cannot write to standard output: No space left on device\n", "\(command): \(run.err)")
        }
        // Standard error full too: nothing can be said, but the status still tells.
        let both = try shell(#""$HEDGE" -c bogus 2>/dev/full; echo "status=$?""#)
        #expect(status(both) == "1" && both.err.isEmpty)
        let errorsOnly = try shell(#""$HEDGE" -c 'help' 2>/dev/full; echo "status=$?""#)
        #expect(status(errorsOnly) == "0" && errorsOnly.out.contains("hedge commands"))
    }

    @Test func aClosedStandardOutputIsAnErrorNotACrash() throws {
        let run = try shell(#""$HEDGE" -c help >&-; echo "status=$?""#)
        #expect(status(run) == "1")
        #expect(run.err == "hedge: cannot write to standard output: Bad file descriptor\n", "\(run.err)")
        let closedError = try shell(#""$HEDGE" -c bogus 2>&-; echo "status=$?""#)
        #expect(status(closedError) == "1" && closedError.err.isEmpty)
        // With standard output closed, a file hedge opens does not take its place.
        let directory = try scratch(); defer { try? FileManager.default.removeItem(atPath: directory) }
        let export = try shell(#""$HEDGE" -q -c 'load demo as d; export d to d.csv; show d' >&-; echo "status=$?""#, in: directory)
        #expect(status(export) == "1")
        let exported = try String(contentsOfFile: directory + "/d.csv", encoding: .utf8)
        #expect(exported.hasPrefix("date,SYNA") && !exported.contains("dataset"))
    }

    @Test func aClosedPipeEndsQuietly() throws {
        // With SIGPIPE at its default action, and ignored (then writes fail with EPIPE).
        for prefix in ["", "trap '' PIPE; "] {
            let run = try shell(prefix + #""$HEDGE" --demo -c 'show demo.SYNA; show demo.SYNB; show demo.SYNC; show demo.SYND' | head -1"#)
            #expect(run.out.split(separator: "\n").count == 1)
            #expect(run.err.isEmpty, "\(prefix): \(run.err)")
        }
    }

    @Test func inputWithoutNewlinesFailsFastNamingTheLimit() throws {
        let zero = try shell(#"head -c 50000000 /dev/zero 2>/dev/null | "$HEDGE"; echo "status=$?""#)
        #expect(status(zero) == "1")
        #expect(zero.err == "<stdin>:1: line 1 is longer than 65536 bytes (the limit); the rest of the input is not read\n", "\(zero.err)")
        // Earlier lines ran; the over-long line ends the input.
        let mixed = try shell(#"{ echo 'load demo as d'; head -c 70000 /dev/zero | tr '\0' x; echo; echo ls; } 2>/dev/null | "$HEDGE" -q; echo "status=$?""#)
        #expect(status(mixed) == "1")
        #expect(mixed.err.hasPrefix("<stdin>:2: line 2 is longer than 65536 bytes"), "\(mixed.err)")
        #expect(!mixed.out.contains("NAME"))
        let directory = try scratch(); defer { try? FileManager.default.removeItem(atPath: directory) }
        let script = try shell(#"head -c 3000000 /dev/zero > big.hedge; "$HEDGE" big.hedge; echo "status=$?""#, in: directory)
        #expect(status(script) == "1")
        #expect(script.err == "big.hedge:1: line 1 is longer than 65536 bytes (the limit); the rest of the input is not read\n", "\(script.err)")
    }

    @Test func piedInputWithCRLFAndAByteOrderMarkWorks() throws {
        let run = try shell(#"printf '\357\273\277load demo as d\r\nweight d by equal \\\r\n  as p\r\nls\r\n' | "$HEDGE" -q; echo "status=$?""#)
        #expect(status(run) == "0", "\(run.err)")
        #expect(run.out.contains("p     series"), "\(run.out)")
    }

    @Test func aScriptFromAFIFORuns() throws {
        let directory = try scratch(); defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try shell(#"mkfifo s.hedge && { printf 'load demo as d\nls\n' > s.hedge & } && "$HEDGE" -q s.hedge; echo "status=$?""#, in: directory)
        #expect(status(run) == "0", "\(run.err)")
        #expect(run.out.contains("d     dataset"))
    }

    @Test func aDeepChainOfScriptsStopsWithAClearError() throws {
        let directory = try scratch(); defer { try? FileManager.default.removeItem(atPath: directory) }
        for depth in 1...1200 {
            try Data("run s\(depth + 1).hedge\n".utf8).write(to: URL(fileURLWithPath: directory + "/s\(depth).hedge"))
        }
        let run = try shell(#""$HEDGE" s1.hedge; echo "status=$?""#, in: directory)
        #expect(status(run) == "1" && !run.signaled)
        #expect(run.err.contains("scripts nest more than 64 deep"), "\(run.err)")
    }

    @Test func anExportKilledWhileWritingLeavesNoTemporaryFile() throws {
        let directory = try scratch(); defer { try? FileManager.default.removeItem(atPath: directory) }
        // A file size limit of 64 KiB: writing the export's 100+ KiB kills hedge with SIGXFSZ mid-write.
        let run = try shell(#"(ulimit -f 128; exec "$HEDGE" --demo -q -c 'export demo.volume to big.csv'); echo "status=$?""#, in: directory)
        #expect(status(run) != "0")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(names.isEmpty, "left behind: \(names)")
    }
}
