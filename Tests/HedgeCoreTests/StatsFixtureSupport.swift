import Foundation

/// Locating and decoding the committed statistics fixtures and the shared reference JSON.
enum StatsFixtures {
    /// `Tests/HedgeCoreTests/Fixtures/stats`.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("Fixtures/stats")

    /// `<repo>/../shared/reference`, present on developer machines with the notebook output.
    static let referenceDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/reference")

    static var referenceAvailable: Bool {
        FileManager.default.fileExists(atPath: referenceDirectory.path)
    }

    static func referenceFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: referenceDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: url))
    }
}

/// A JSON number where the generator wrote `null` for NaN/±inf.
struct Num: Decodable, Sendable {
    let value: Double
    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        value = container.decodeNil() ? .nan : try container.decode(Double.self)
    }
}

/// |a − b| ≤ rel·max(|a|, |b|); NaN matches NaN; when `tinyBelow` is given, two values both
/// smaller in magnitude than it count as equal (underflow territory).
func close(_ a: Double, _ b: Double, rel: Double, tinyBelow: Double = 0) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    if a == b { return true }
    if abs(a) < tinyBelow && abs(b) < tinyBelow { return true }
    return abs(a - b) <= rel * max(abs(a), abs(b))
}
