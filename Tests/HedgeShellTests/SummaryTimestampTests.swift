import Foundation
import Testing
@testable import HedgeShell

/// The summary clock is formatted by hand; Foundation's DateFormatter (en_US_POSIX) is the reference.
@Suite struct SummaryTimestampTests {
    static func reference(_ seconds: Int) -> SummaryTimestamp {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        let moment = Date(timeIntervalSince1970: TimeInterval(seconds))
        formatter.dateFormat = "EEE, dd MMM yyyy"
        let date = formatter.string(from: moment)
        formatter.dateFormat = "HH:mm:ss"
        return SummaryTimestamp(date: date, time: formatter.string(from: moment))
    }

    @Test func matchesDateFormatterAcrossCenturies() {
        var seconds = -2_208_988_800  // 1900-01-01
        var step = 1
        while seconds < 4_102_444_800 {  // 2100-01-01
            #expect(SummaryTimestamp(localSeconds: seconds) == Self.reference(seconds), "at \(seconds)")
            seconds += 86_399 * 37 + step
            step = step * 7 % 86_400
        }
        #expect(SummaryTimestamp(localSeconds: 1_795_294_254) == SummaryTimestamp(date: "Sat, 21 Nov 2026", time: "20:50:54"))
    }

    @Test func pinnedZoneAndLocalOffset() {
        let moment = Date(timeIntervalSince1970: 1_795_294_254.75)
        let tokyo = ShellEnvironment(now: { moment }, timeZone: TimeZone(secondsFromGMT: 9 * 3600))
        #expect(tokyo.summaryTimestamp() == SummaryTimestamp(date: "Sun, 22 Nov 2026", time: "05:50:54"))
        for seconds in [0, 1_700_000_000, 1_720_000_000] {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(ShellEnvironment.localOffset(atEpochSeconds: seconds) == TimeZone.current.secondsFromGMT(for: date))
        }
    }
}
