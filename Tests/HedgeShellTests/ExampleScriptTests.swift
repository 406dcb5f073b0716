import Foundation
import Testing
@testable import HedgeShell

/// The example scripts replay and print exactly what their committed golden files hold.
/// `HEDGE_UPDATE_GOLDEN=1 swift test --filter ExampleScriptTests` rewrites the goldens (review the diff!).
@Suite struct ExampleScriptTests {
    static let golden = Repository.root.appendingPathComponent("Tests/HedgeShellTests/Golden")

    /// Replays `script` with a fixed clock (UTC), 80×24 charts and no colour, in a fresh temporary
    /// directory laid out like the repository's parent (`../shared` is a link to the real one), so the
    /// files a script writes never collide with another test's. Returns the directory too.
    func transcript(of script: String) throws -> (ok: Bool, text: String, directory: String) {
        let base = NSTemporaryDirectory() + "hedge-example-\(UUID().uuidString)"
        let directory = base + "/repo"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: base + "/shared", withDestinationPath: Repository.shared.path)
        let output = BufferedOutput()
        let session = Session(output: output, style: .plain, quiet: false,
                              environment: ShellEnvironment(currentDirectory: directory,
                                                            now: { Date(timeIntervalSince1970: 1_790_000_000) },
                                                            timeZone: TimeZone(identifier: "UTC")))
        let ok = session.runScript(path: Repository.root.appendingPathComponent("scripts/examples/\(script)").path)
        return (ok, output.output + output.errors, directory)
    }

    func compare(_ script: String, golden name: String) throws {
        let (ok, text, directory) = try transcript(of: script)
        defer { try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent) }
        #expect(ok, "\(script) failed: \(text.suffix(300))")
        let path = Self.golden.appendingPathComponent(name).path
        if ProcessInfo.processInfo.environment["HEDGE_UPDATE_GOLDEN"] == "1" {
            try AtomicFile.write(text, to: path)
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
        let (ok, _, directory) = try transcript(of: "tour.hedge")
        defer { try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent) }
        #expect(ok)
        let saved = try #require(FileManager.default.contents(atPath: directory + "/tour-saved.hedge").flatMap { String(data: $0, encoding: .utf8) })
        #expect(saved.contains("load demo as demo"))
        #expect(!saved.contains("multi"))
    }
}
