import Testing
@testable import HedgeShell

@Suite struct ContinuationLineTests {
    @Test func trailingBackslashContinues() {
        #expect(ContinuationLine.continued("regress a \\") == "regress a")
        #expect(ContinuationLine.continued("regress a \\  ") == "regress a")
        #expect(ContinuationLine.continued("regress a\\") == "regress a")
        #expect(ContinuationLine.continued("regress a") == nil)
        #expect(ContinuationLine.continued("x \\\\") == nil)
        #expect(ContinuationLine.join("regress a", "on b") == "regress a on b")
        #expect(ContinuationLine.join("", "ls") == "ls")
    }
}
