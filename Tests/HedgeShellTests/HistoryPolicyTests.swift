import Testing
@testable import HedgeShell

@Suite struct HistoryPolicyTests {
    @Test func blankLinesAreNotRecorded() {
        #expect(!HistoryPolicy.shouldRecord("", after: nil))
        #expect(!HistoryPolicy.shouldRecord("   \t", after: nil))
        #expect(HistoryPolicy.shouldRecord("ls", after: nil))
    }

    @Test func consecutiveDuplicatesAreDropped() {
        var entries: [String] = []
        for line in ["ls", "ls", "show px", "ls", "ls"] {
            entries = HistoryPolicy.recording(line, in: entries)
        }
        #expect(entries == ["ls", "show px", "ls"])
    }

    @Test func capacityEvictsTheOldest() {
        var entries: [String] = []
        for index in 0..<(HistoryPolicy.capacity + 5) {
            entries = HistoryPolicy.recording("cmd \(index)", in: entries)
        }
        #expect(entries.count == 1000)
        #expect(entries.first == "cmd 5")
        #expect(entries.last == "cmd 1004")
        #expect(HistoryPolicy.recording("c", in: ["a", "b"], capacity: 2) == ["b", "c"])
    }

    @Test func fileLocation() {
        #expect(HistoryPolicy.filePath(environment: ["HOME": "/home/ann"], historyDisabled: false) == "/home/ann/.hedge_history")
        #expect(HistoryPolicy.filePath(environment: ["HOME": "/home/ann/"], historyDisabled: false) == "/home/ann/.hedge_history")
        #expect(HistoryPolicy.filePath(environment: ["HOME": "/h", "HEDGE_HISTORY": "/tmp/h"], historyDisabled: false) == "/tmp/h")
        #expect(HistoryPolicy.filePath(environment: ["HOME": "/h", "HEDGE_HISTORY": ""], historyDisabled: false) == nil)
        #expect(HistoryPolicy.filePath(environment: ["HOME": "/h"], historyDisabled: true) == nil)
        #expect(HistoryPolicy.filePath(environment: [:], historyDisabled: false) == nil)
    }
}
