import Foundation
import Testing
@testable import HedgeShell

/// The example scripts replay and print exactly what their committed golden files hold.
/// `HEDGE_UPDATE_GOLDEN=1 swift test --filter ExampleScriptTests` rewrites the goldens (review the diff!).
@Suite struct ExampleScriptTests {
    static let golden = Repository.root.appendingPathComponent("Tests/HedgeShellTests/Golden")

    /// Replays `script` from the repository root with a fixed clock, 80×24 charts, no colour.
    func transcript(of script: String) -> (ok: Bool, text: String) {
        let output = BufferedOutput()
        let session = Session(output: output, style: .plain, quiet: false,
                              environment: ShellEnvironment(currentDirectory: Repository.root.path,
                                                            now: { Date(timeIntervalSince1970: 1_790_000_000) },
                                                        timeZone: TimeZone(identifier: "UTC")))
        let ok = session.runScript(path: "scripts/examples/\(script)")
        return (ok, output.output + output.errors)
    }

    func compare(_ script: String, golden name: String) throws {
        let (ok, text) = transcript(of: script)
        #expect(ok, "\(script) failed: \(text.suffix(300))")
        let path = Self.golden.appendingPathComponent(name).path
        if ProcessInfo.processInfo.environment["HEDGE_UPDATE_GOLDEN"] == "1" {
            try AtomicFile.write(Data(text.utf8), to: path)
        }
        let expected = try #require(FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) },
                                    "missing golden \(name)")
        if text != expected {
            let a = text.split(separator: "\n", omittingEmptySubsequences: false)
            let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record("\(script) output differs from \(name) at line \(first + 1):\n got: \(first < a.count ? String(a[first]) : "<end>")\nwant: \(first < b.count ? String(b[first]) : "<end>")")
        }
    }

    @Test func tourMatchesItsGoldenTranscript() throws {
        try compare("tour.hedge", golden: "tour.out")
    }

    @Test(.enabled(if: Repository.hasSharedData, "../shared is absent: skipping the mag7 example on real data"))
    func mag7MatchesItsGoldenTranscript() throws {
        try compare("mag7.hedge", golden: "mag7.out")
    }

    @Test func theTourSavesAScriptThatRebuildsItsWorkspace() throws {
        let (ok, _) = transcript(of: "tour.hedge")
        #expect(ok)
        let saved = try #require(FileManager.default.contents(atPath: "/tmp/hedge-tour-saved.hedge").flatMap { String(data: $0, encoding: .utf8) })
        #expect(saved.contains("load demo as demo"))
        #expect(!saved.contains("multi"))
    }
}
