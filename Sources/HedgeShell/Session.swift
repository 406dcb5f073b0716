import Foundation
import HedgeCore

/// One shell session: a workspace plus the command interpreter. (Skeleton; the full interpreter lands with issue 3.)
public final class Session {
    /// Set by a SIGINT handler to cancel the running command; the session resets it before each command.
    public let cancellation = Cancellation()
    /// True after `quit`/`exit`.
    public private(set) var wantsQuit = false

    public init() {}

    /// Runs one input line (possibly several `;`-separated commands). Returns false when a command failed.
    /// Output goes to standard output, errors to standard error; the workspace is unchanged by a failed
    /// or interrupted command.
    @discardableResult
    public func execute(_ line: String) -> Bool {
        if line.trimmingCharacters(in: .whitespaces) == "quit" { wantsQuit = true }
        print(line)
        return true
    }

    /// Tab completion candidates for `line` with the cursor at UTF-8 offset `cursor`.
    public var completionContext: any CompletionContext { EmptyCompletionContext() }
}

private struct EmptyCompletionContext: CompletionContext {
    func objectNames(of kinds: Set<ObjectKind>) -> [String] { [] }
    func tickers(ofDataset dataset: String) -> [String]? { nil }
    func directoryEntries(_ path: String) -> [(name: String, isDirectory: Bool)]? { nil }
}
