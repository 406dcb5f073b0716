import Foundation
import Testing
import HedgeCore
@testable import HedgeShell

/// The shell's `regress … cov`, `rolling … window` and `rolling … halflife`, typed on the notebook's data
/// (`../shared`), against the statsmodels/pandas fixtures that `scripts/oracle/make_robust_vectors.py`
/// computed on the notebook's portfolio and QQQ returns: the commands align the series as the notebook does.
@Suite(.enabled(if: Repository.hasSharedData, "../shared is absent: skipping the robust shell parity tests"))
struct RobustShellParityTests {
    static let fixtures = Repository.root.appendingPathComponent("Tests/HedgeCoreTests/Fixtures/robust")

    struct Cases<Case: Decodable>: Decodable { var cases: [Case] }
    struct RobustCase: Decodable {
        struct Fit: Decodable { var cov_type: String; var lags: Int?; var use_correction: Bool; var params: [Double]; var bse: [Double?]; var fvalue: Double }
        var name: String
        var fits: [Fit]
    }
    struct RollingCase: Decodable { var name: String; var window: Int; var params: [[Double?]]; var bse: [[Double?]]; var rsquared: [Double?] }
    struct EWMACase: Decodable { var name: String; var halflife: Double; var beta: [Double?] }

    static func load<T: Decodable>(_ file: String, as type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: fixtures.appendingPathComponent(file)))
    }

    /// The notebook's flow up to the portfolio (mag7_w30_r30: window 30, QQQ benchmark).
    static func session() throws -> TestSession {
        let reference = Repository.shared.appendingPathComponent("reference/mag7_w30_r30.json")
        struct Reference: Decodable { struct Params: Decodable { var tickers: String; var benchmark: String; var start: String; var window: Int }; var params: Params }
        let p = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: reference)).params
        let files = (p.tickers.split(separator: ",").map(String.init) + [p.benchmark])
            .map { Token.shellWord(Repository.shared.appendingPathComponent("data/yahoo/\($0).csv").path) }
        let t = TestSession(quiet: true)
        #expect(t.run("load \(files.joined(separator: " ")) from \(p.start) as data").ok)
        #expect(t.run("weight data by volume window \(p.window) exclude \(p.benchmark) as portfolio").ok)
        return t
    }

    func same(_ got: [Double], _ want: [Double?], _ what: String) {
        #expect(got.count == want.count, "\(what): \(got.count) values, expected \(want.count)")
        for (i, (g, w)) in zip(got, want).enumerated() {
            let w = w ?? .nan
            let ok = (g.isNaN && w.isNaN) || abs(g - w) <= 1e-9 * max(abs(w), 1e-300)
            if !ok { Issue.record("\(what)[\(i)]: \(g) vs \(w)"); return }
        }
    }

    @Test func robustRegressionsMatchStatsmodels() throws {
        let cases = try Self.load("robust_ols.json", as: Cases<RobustCase>.self).cases
        let mag7 = try #require(cases.first { $0.name == "mag7_w30_r30" })
        #expect(mag7.fits.count >= 9)
        let t = try Self.session()
        for fit in mag7.fits where !fit.use_correction {
            let cov = fit.cov_type.lowercased()
            let line = "regress portfolio on data.QQQ cov \(cov)" + (fit.lags.map { " lags \($0)" } ?? "") + " as m"
            #expect(t.run(line).ok, "\(line)")
            let m = try #require(t.session.workspace.value("m", as: ModelObject.self))
            same(m.result.params, fit.params, "\(line) params")
            same(m.result.bse, fit.bse, "\(line) bse")
            same([m.result.fvalue], [fit.fvalue], "\(line) F")
        }
    }

    @Test func rollingWindowsMatchStatsmodels() throws {
        let t = try Self.session()
        let cases = try Self.load("rolling_ols.json", as: Cases<RollingCase>.self).cases.filter { $0.name.hasPrefix("mag7") }
        #expect(cases.map(\.window) == [60, 252])
        for c in cases {
            #expect(t.run("rolling portfolio on data.QQQ window \(c.window) as r").ok)
            let r = try #require(t.session.workspace.value("r", as: RollingObject.self)).rolling
            same(r.alpha, c.params[0], "\(c.name) alpha")
            same(r.betas[0], c.params[1], "\(c.name) beta")
            same(r.bse[1], c.bse[1], "\(c.name) bse")
            same(r.rsquared, c.rsquared, "\(c.name) R²")
        }
    }

    @Test func ewmaBetasMatchPandas() throws {
        let t = try Self.session()
        let cases = try Self.load("ewma_beta.json", as: Cases<EWMACase>.self).cases.filter { $0.name.hasPrefix("mag7") }
        #expect(cases.map(\.halflife) == [10, 63])
        for c in cases {
            #expect(t.run("rolling portfolio on data.QQQ halflife \(RollingObject.number(c.halflife)) as ew").ok)
            let r = try #require(t.session.workspace.value("ew", as: RollingObject.self)).rolling
            same(r.betas[0], c.beta, "\(c.name) beta")
        }
    }
}
