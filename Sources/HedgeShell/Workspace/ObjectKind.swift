/// The kind of a workspace object (`dataset`, `series`, …), as `ls` prints it and as argument slots
/// name what they accept. Open: each kind declares its own constant next to its value type
/// (`extension ObjectKind { static let dataset = ObjectKind("dataset") }`).
public struct ObjectKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ name: String) { self.rawValue = name }
    public var description: String { rawValue }
}
