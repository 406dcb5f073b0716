import Foundation
import Testing
@testable import HedgeCore

/// Deterministic chart inputs and golden-file checks for the chart tests.
enum ChartTestData {
    /// A seeded linear congruential generator (Numerical Recipes constants), uniform in [0, 1).
    struct LCG {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        /// Approximately standard normal (sum of 12 uniforms minus 6).
        mutating func normal() -> Double { (0..<12).reduce(0.0) { acc, _ in acc + next() } - 6 }
    }

    /// `count` weekdays starting 2023-01-02.
    static func weekdays(_ count: Int, from start: Day = Day(year: 2023, month: 1, day: 2)!) -> [Day] {
        var days: [Day] = []
        var day = start
        while days.count < count {
            if day.weekday < 5 { days.append(day) }
            day = day.adding(days: 1)
        }
        return days
    }

    /// Daily returns: a slow sine drift plus seeded noise.
    static func returns(_ name: String, count: Int = 500, seed: UInt64, drift: Double = 0.0004,
                        wave: Double = 0.004, noise: Double = 0.01) -> Series {
        var random = LCG(state: seed)
        let values = (0..<count).map { i in
            drift + wave * sin(Double(i) / 25 + Double(seed)) + noise * random.normal()
        }
        return Series(name: name, dates: weekdays(count), values: values)
    }
}

enum Golden {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/charts")
    }

    /// Compares `lines` with `Fixtures/charts/<name>.txt`; with `HEDGE_UPDATE_GOLDEN=1` writes it instead.
    static func check(_ lines: [String], _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let text = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["HEDGE_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            #expect(throws: Never.self, sourceLocation: sourceLocation) { try text.write(to: url, atomically: true, encoding: .utf8) }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(name).txt: run with HEDGE_UPDATE_GOLDEN=1 and review it", sourceLocation: sourceLocation)
            return
        }
        #expect(text == expected, "rendering differs from \(name).txt (HEDGE_UPDATE_GOLDEN=1 rewrites it)", sourceLocation: sourceLocation)
    }
}
