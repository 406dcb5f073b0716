import Foundation
import Testing
@testable import HedgeCore

/// `PanelLoader.load(paths:eager:)`: the fields left in the files read later equal those of a load of
/// every field, a changed file is refused, and date columns are shared between files.
struct DeferredFieldsTests {
    /// A fresh directory with two per-ticker files: AAPL with every field, MSFT a day shorter and
    /// without an Open column.
    private final class Files {
        let directory = NSTemporaryDirectory() + "hedge-deferred-" + UUID().uuidString
        init() throws {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try write("AAPL.csv", """
                Date,Open,High,Low,Close,Adj Close,Volume
                2024-01-02,10.5,11.25,10,11,10.75,100
                2024-01-03,11,12.5,10.5,12,11.75,200
                2024-01-04,12,13,11.5,,12.5,300

                """)
            try write("MSFT.csv", """
                Date,High,Low,Close,Volume
                2024-01-02,21,19,20,1000
                2024-01-04,23,21.5,22,3000

                """)
        }
        deinit { try? FileManager.default.removeItem(atPath: directory) }
        var paths: [String] { ["AAPL.csv", "MSFT.csv"].map { directory + "/" + $0 } }
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
        }
    }

    private static func bits(_ columns: [[Double]]?) -> [[UInt64]] { (columns ?? []).map { $0.map(\.bitPattern) } }

    @Test func deferredFieldsEqualThoseOfAFullLoad() throws {
        let files = try Files()
        let full = try PanelLoader.load(paths: files.paths)
        let load = try PanelLoader.load(paths: files.paths, eager: [.price, .volume])
        #expect(load.panel.fields == [.price, .volume])
        #expect(load.availableFields == [.price, .volume, .open, .high, .low, .close])
        #expect(load.panel.dates == full.dates && load.panel.tickers == full.tickers)
        for field in [Field.price, .volume] { #expect(Self.bits(load.panel.values[field]) == Self.bits(full.values[field])) }
        let deferred = try #require(load.deferred)
        #expect(deferred.fields == [.open, .high, .low, .close])
        for field in [Field.open, .high, .low, .close] {
            #expect(Self.bits(try deferred.columns(field)) == Self.bits(full.values[field]), "\(field)")
        }
        // MSFT has no Open column: its open is NaN on every date, as in the full load.
        #expect(try deferred.columns(.open)[1].allSatisfy(\.isNaN))
        #expect(throws: HedgeError.self) { try deferred.columns(.price) }
        // Several fields read together (nothing kept yet in this second load) give the same columns.
        let together = try #require(try PanelLoader.load(paths: files.paths, eager: [.price, .volume]).deferred)
            .columns(of: [.open, .high, .low, .close, .price])
        #expect(Set(together.keys) == [.open, .high, .low, .close])
        for (field, columns) in together { #expect(Self.bits(columns) == Self.bits(full.values[field]), "\(field)") }
    }

    @Test func aChangedFileIsRefusedAndWhatWasReadIsKept() throws {
        let files = try Files()
        let load = try PanelLoader.load(paths: files.paths, eager: [.price, .volume])
        let deferred = try #require(load.deferred)
        let high = try deferred.columns(.high)
        // A different size: a rewrite of the same size within one clock tick would keep the stamp.
        try files.write("MSFT.csv", "Date,High,Low,Close,Volume\n2024-01-02,99.5,19,20,1000\n2024-01-04,23,21.5,22,3000\n")
        let error = try #require(throws: HedgeError.self) { try deferred.columns(.low) }
        #expect(error.description.contains("MSFT.csv"))
        #expect(error.description.contains("load it again"))
        #expect(Self.bits(try deferred.columns(.high)) == Self.bits(high))  // read before the change: kept
        try FileManager.default.removeItem(atPath: files.paths[0])
        #expect(throws: HedgeError.self) { try deferred.columns(.open) }
    }

    @Test func whenNoEagerFieldIsThereEveryFieldIsLoaded() throws {
        let files = try Files()
        try files.write("wide.csv", "Date,AAPL,MSFT\n2024-01-02,1,2\n2024-01-03,3,4\n")
        let load = try PanelLoader.load(paths: [files.directory + "/wide.csv"], eager: [.price, .volume],
                                        options: LoadOptions(wideField: .open))
        #expect(load.panel.fields == [.open] && load.deferred == nil)
        #expect(load.panel.values[.open] == [[1, 3], [2, 4]])
    }

    @Test func filesWithTheSameDatesShareOneDateColumn() {
        let shared = SharedDates()
        let dates = (0..<100).map { Day(ordinal: 19_000 + $0) }
        let first = shared.share(dates)
        let second = shared.share(Array(dates))  // an equal array stored apart
        let other = shared.share(Array(dates.dropLast()))
        #expect(first == dates && second == dates && other == Array(dates.dropLast()))
        let a = first.withUnsafeBufferPointer { $0.baseAddress }, b = second.withUnsafeBufferPointer { $0.baseAddress }
        #expect(a == b)
    }

    /// The fingerprint hashes each row's words column by column; the text must equal that of the plain
    /// row-by-row definition (fingerprints saved before are still recognized).
    @Test func fingerprintEqualsTheRowByRowDefinition() throws {
        let files = try Files()
        let panel = try PanelLoader.load(paths: files.paths)
        let fingerprint = try #require(DataFingerprint(panel))
        var total = Hasher64()
        for ticker in panel.tickers { total.add(string: ticker) }
        var months: [UInt8] = []
        var month = Hasher64()
        for (i, day) in panel.dates.enumerated() {
            var row = Hasher64()
            row.add(UInt64(bitPattern: Int64(day.ordinal)))
            for field in panel.fields {
                for column in panel.values[field] ?? [] { row.add(column[i].isNaN ? 0x7FF8_0000_0000_0000 : column[i].bitPattern) }
            }
            total.add(row.value)
            month.add(row.value)
        }
        months.append(month.byte)
        #expect(fingerprint.hash == total.value)
        #expect(fingerprint.months == months)
    }
}
