import Foundation
import Testing
@testable import HedgeCore

/// CFormat (C library printf) against Foundation's String(format:), which it replaces in the product.
@Suite struct CFormatTests {
    @Test func doublesFormatAsFoundationDoes() {
        let values: [Double] = [0, -0.0, 1, -1, 0.5, 2.5, 1e-300, 123_456.789, -0.002_99, 1e15, 9.999_999e22,
                                .pi, -.pi * 1e-7, .infinity, -.infinity, .nan, 1_000_000, 0.000_123_45]
        let specs = ["%.0f", "%.2f", "%.4f", "%.10f", "%.3g", "%.4g", "%g", "%.6e", "%10.3f", "%-9.2f", "%+.3f", "%#.4g"]
        for value in values {
            for spec in specs {
                #expect(CFormat.double(spec, value) == String(format: spec, value), "\(spec) of \(value)")
            }
        }
        // Longer than the first buffer.
        #expect(CFormat.double("%.80f", 1.0 / 3.0) == String(format: "%.80f", 1.0 / 3.0))
    }

    @Test func integers() {
        for value: Int32 in [0, 7, 0x1f, 255, -1] {
            #expect(CFormat.integer("\\u%04x", value) == String(format: "\\u%04x", value))
            #expect(CFormat.integer("%d", value) == String(format: "%d", value))
        }
    }
}
