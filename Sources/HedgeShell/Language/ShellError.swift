import HedgeCore

/// A command that cannot run: a one-line message saying what failed, where (the word at fault), and in
/// which command.
///
/// Code that throws says only what failed (`no series named 'q'`) and, when it knows, the word at fault.
/// The session fills in the command word once, at the edge, and `description` formats it:
/// `weight: unexpected 'windw' …`; script replay adds `FILE:LINE:COLUMN: ` in front.
public struct ShellError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed, without the command word.
    public var message: String
    /// 1-based line and column of the word at fault within its source, when known.
    public var line: Int?
    public var column: Int?
    /// The command the error comes from (`weight`, `load yahoo`), set by the session; nil for errors
    /// outside any command (an unknown command word, an unterminated quote).
    public var command: String?

    public init(_ message: String, line: Int? = nil, column: Int? = nil) {
        self.message = message; self.line = line; self.column = column
    }

    /// An error about `token`, located at it.
    public init(_ message: String, at token: Token) {
        self.init(message, line: token.line, column: token.column)
    }

    /// A core error; its own location (a data file's `FILE:LINE:COLUMN`) stays in the message.
    public init(_ error: HedgeError, at token: Token? = nil) {
        self.init(error.description, line: token?.line, column: token?.column)
    }

    /// Any error a command throws, as a `ShellError` located at `token` unless it knows better.
    public init(_ error: any Error, at token: Token?) {
        switch error {
        case let shell as ShellError: self = shell
        case let core as HedgeError: self.init(core)
        default: self.init("\(error)")
        }
        if let token { self = self.located(at: token) }
    }

    /// This error located at `token` when it has no location yet.
    public func located(at token: Token) -> ShellError {
        guard line == nil else { return self }
        var copy = self
        copy.line = token.line
        copy.column = token.column
        return copy
    }

    /// `command: message`, or the message alone.
    public var description: String {
        command.map { "\($0): \(message)" } ?? message
    }

    /// `line:column`, or `line`, or nil when unknown.
    public var position: String? {
        guard let line else { return nil }
        return column.map { "\(line):\($0)" } ?? "\(line)"
    }
}
