/// Braille patterns (U+2800–U+28FF) as 2×4 dot cells.
enum Braille {
    /// The bit of the dot at column `x` (0–1) and row `y` (0–3, from the top) of a cell.
    static func bit(x: Int, y: Int) -> UInt8 {
        switch (x, y) {
        case (0, 0): return 0x01
        case (0, 1): return 0x02
        case (0, 2): return 0x04
        case (0, 3): return 0x40
        case (1, 0): return 0x08
        case (1, 1): return 0x10
        case (1, 2): return 0x20
        default: return 0x80
        }
    }

    /// The braille character with the given dots raised; a plain space when none are.
    static func character(_ bits: UInt8) -> Character {
        guard bits != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(bits)) else { return " " }
        return Character(scalar)
    }
}
