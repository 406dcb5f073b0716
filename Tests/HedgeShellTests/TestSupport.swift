import Foundation
@testable import HedgeShell

/// A session writing to memory, in a fresh temporary directory, with a fixed clock.
final class TestSession {
    let output = BufferedOutput()
    let session: Session
    let directory: String

    init(quiet: Bool = false) {
        directory = NSTemporaryDirectory() + "hedge-test-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        session = Session(output: output, style: .plain, quiet: quiet,
                          environment: ShellEnvironment(currentDirectory: directory,
                                                        now: { Date(timeIntervalSince1970: 1_790_000_000) },
                                                        timeZone: TimeZone(identifier: "UTC")))
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Runs a line; returns whether it succeeded and what it printed (output, errors) since the last call.
    @discardableResult
    func run(_ line: String) -> (ok: Bool, out: String, err: String) {
        let outBefore = output.output.count, errBefore = output.errors.count
        let ok = session.execute(line)
        return (ok, String(output.output.dropFirst(outBefore)), String(output.errors.dropFirst(errBefore)))
    }

    func path(_ name: String) -> String { directory + "/" + name }

    func write(_ name: String, _ text: String) {
        _ = FileManager.default.createFile(atPath: path(name), contents: Data(text.utf8))
    }

    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: path(name)).flatMap { String(data: $0, encoding: .utf8) }
    }
}

/// The repository root and the shared data beside it.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    static var hasSharedData: Bool { FileManager.default.fileExists(atPath: shared.appendingPathComponent("data/yahoo/QQQ.csv").path) }
}
