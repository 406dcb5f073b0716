/// A grid of character cells, each holding dots (2×4 per braille cell, 1 per ASCII cell), drawn in
/// layers. Layer 0 is on top: it decides a shared cell's colour and, in ASCII, its character.
/// Dot coordinates: x from the left, y from the bottom. Dots outside the grid are ignored.
struct DotCanvas {
    /// How a layer's dots combine with the layers below it (braille only).
    enum Blend { case union, invert }

    let columns: Int
    let rows: Int
    let dotsPerCell: (x: Int, y: Int)
    private var bits: [[UInt8]]
    private var blends: [Blend]

    init(columns: Int, rows: Int, dotsPerCell: (x: Int, y: Int), layers: Int) {
        self.columns = columns
        self.rows = rows
        self.dotsPerCell = dotsPerCell
        bits = Array(repeating: Array(repeating: 0, count: columns * rows), count: Swift.max(1, layers))
        blends = Array(repeating: .union, count: Swift.max(1, layers))
    }

    var dotWidth: Int { columns * dotsPerCell.x }
    var dotHeight: Int { rows * dotsPerCell.y }
    var layerCount: Int { bits.count }

    /// Braille: `.invert` makes this layer's dots toggle those of the layers below (a curve across a
    /// filled bar shows as a notch instead of vanishing).
    mutating func setBlend(_ blend: Blend, layer: Int) { blends[layer] = blend }

    mutating func plot(x: Int, y: Int, layer: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight, layer >= 0, layer < bits.count else { return }
        let column = x / dotsPerCell.x
        let rowFromTop = rows - 1 - y / dotsPerCell.y
        let bit: UInt8 = dotsPerCell.y == 1 ? 1 : Braille.bit(x: x % dotsPerCell.x, y: dotsPerCell.y - 1 - y % dotsPerCell.y)
        bits[layer][rowFromTop * columns + column] |= bit
    }

    /// Draws the segment from `a` to `b` (Bresenham), only in the dot columns `pattern` draws.
    mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), layer: Int, pattern: LinePattern) {
        var x = a.x, y = a.y
        let dx = abs(b.x - a.x), dy = -abs(b.y - a.y)
        let sx = a.x < b.x ? 1 : -1, sy = a.y < b.y ? 1 : -1
        var error = dx + dy
        while true {
            if pattern.isDrawn(atColumn: x) { plot(x: x, y: y, layer: layer) }
            if x == b.x && y == b.y { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += sx }
            if doubled <= dx { error += dx; y += sy }
        }
    }

    /// Draws a polyline through `points` (a single point draws one dot).
    mutating func polyline(_ points: [(x: Int, y: Int)], layer: Int, pattern: LinePattern) {
        guard let start = points.first else { return }
        if points.count == 1 {
            plot(x: start.x, y: start.y, layer: layer)
            return
        }
        for i in 1..<points.count {
            line(from: points[i - 1], to: points[i], layer: layer, pattern: pattern)
        }
    }

    /// The cell at `column`, `row` (from the top): its dots after blending, and the top layer
    /// with dots there (nil when empty).
    func cell(column: Int, row: Int) -> (bits: UInt8, layer: Int?) {
        let index = row * columns + column
        var combined: UInt8 = 0
        var top: Int? = nil
        for layer in stride(from: bits.count - 1, through: 0, by: -1) {
            let layerBits = bits[layer][index]
            guard layerBits != 0 else { continue }
            combined = blends[layer] == .invert ? combined ^ layerBits : combined | layerBits
            top = layer
        }
        return (combined, top)
    }
}
