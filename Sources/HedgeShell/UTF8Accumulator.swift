/// Assembles Unicode scalars from bytes arriving one at a time (keystrokes from a terminal).
public struct UTF8Accumulator: Sendable {
    private var pending: [UInt8] = []

    public init() {}

    /// What one byte completed.
    public enum Step: Equatable, Sendable {
        case scalar(Unicode.Scalar)
        /// More bytes are needed.
        case incomplete
        /// The bytes so far cannot start or continue a character; they were discarded.
        case invalid
    }

    public mutating func add(_ byte: UInt8) -> Step {
        if !pending.isEmpty, byte & 0xC0 != 0x80 {
            // A new lead byte interrupts an unfinished sequence: drop the sequence, keep the byte.
            pending.removeAll()
            return add(byte)
        }
        pending.append(byte)
        guard let needed = Self.length(lead: pending[0]) else { pending.removeAll(); return .invalid }
        guard pending.count == needed else { return .incomplete }
        defer { pending.removeAll() }
        var iterator = pending.makeIterator()
        var decoder = Unicode.UTF8()
        if case let .scalarValue(scalar) = decoder.decode(&iterator) { return .scalar(scalar) }
        return .invalid
    }

    /// The sequence length a lead byte announces, or nil for a byte that cannot lead.
    private static func length(lead: UInt8) -> Int? {
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return nil
        }
    }
}
