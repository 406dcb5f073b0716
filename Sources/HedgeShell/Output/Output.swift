/// Where a session writes: results to one stream, errors to another.
public protocol OutputSink: AnyObject {
    func write(_ text: String)
    func writeError(_ text: String)
}

/// Colour and emphasis for terminal output; plain when disabled (pipes, files, `NO_COLOR`).
public struct TextStyle: Sendable, Equatable {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public static let plain = TextStyle(color: false)

    /// An object name, in bold.
    public func name(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    /// An error message, in red.
    public func error(_ text: String) -> String { color ? "\u{1B}[31m\(text)\u{1B}[0m" : text }
    /// A warning, in yellow.
    public func warning(_ text: String) -> String { color ? "\u{1B}[33m\(text)\u{1B}[0m" : text }
    /// Secondary text, dimmed.
    public func dim(_ text: String) -> String { color ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}

/// Collects output in memory (tests, `-c` capture).
public final class BufferedOutput: OutputSink {
    public private(set) var output = ""
    public private(set) var errors = ""
    public init() {}
    public func write(_ text: String) { output += text }
    public func writeError(_ text: String) { errors += text }
}
