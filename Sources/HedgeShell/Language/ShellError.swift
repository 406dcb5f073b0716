import HedgeCore

/// A command that cannot run: a one-line message naming the word at fault, and where it is.
public struct ShellError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// 1-based line and column of the word at fault within its source, when known.
    public var line: Int?
    public var column: Int?

    public init(_ message: String, line: Int? = nil, column: Int? = nil) {
        self.message = message; self.line = line; self.column = column
    }

    /// An error about `token`, located at it.
    public init(_ message: String, at token: Token) {
        self.init(message, line: token.line, column: token.column)
    }

    /// Wraps a core error, keeping its file location in the message.
    public init(_ error: HedgeError, command: String) {
        self.init("\(command): \(error.description)")
    }

    public var description: String { message }
}
