import Testing
@testable import HedgeCore

/// Helpers shared by the loader tests.
enum LoaderFixtures {
    /// `Tests/HedgeCoreTests/Fixtures/load/<name>`.
    static func path(_ name: String) -> String {
        let here = "\(#filePath)"
        let directory = here.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return directory + "/Fixtures/load/" + name
    }

    /// `<repo>/../shared`, where the real data lives.
    static var sharedDirectory: String {
        let parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        // <repo>/Tests/HedgeCoreTests/<file>
        return parts.dropLast(3).joined(separator: "/") + "/../shared"
    }

    static func parse(_ text: String, path: String = "TEST.csv", options: LoadOptions = LoadOptions()) throws -> Panel {
        try PanelLoader.parse(bytes: Array(text.utf8), path: path, options: options)
    }

    /// The error `body` throws, or nil.
    static func error(_ body: () throws -> Panel) -> HedgeError? {
        do {
            _ = try body()
            return nil
        } catch let error as HedgeError {
            return error
        } catch {
            return HedgeError("unexpected error type: \(error)")
        }
    }

    static func day(_ text: String) -> Day {
        Day(iso: text) ?? Day(ordinal: Int.min / 4)
    }
}

/// Bit-identical comparison that treats NaN as equal to NaN.
func sameValues(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
}
