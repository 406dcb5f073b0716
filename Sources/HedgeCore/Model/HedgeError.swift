/// Where in a file a problem is: path, 1-based line and column (0 when not known).
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file; self.line = line; self.column = column
    }

    /// `file:line:column`, omitting unknown parts.
    public var description: String {
        var s = file
        if line > 0 { s += ":\(line)" }
        if line > 0 && column > 0 { s += ":\(column)" }
        return s
    }
}

/// An error the analytics core reports to its caller, with a message fit to show a user.
public struct HedgeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    /// `file:line:column: message`, or the message alone.
    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}
