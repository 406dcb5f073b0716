import Foundation
import Testing
import HedgeCore
@testable import HedgeShell

/// regress with robust covariances, rolling fits (window and EWMA), their parts, chart and export,
/// and the past-only hedge (issue 10).
@Suite struct RollingCommandTests {
    static func session() -> TestSession {
        let t = TestSession()
        #expect(t.run("load demo as d").ok)
        #expect(t.run("weight d by volume exclude SYNIDX as p").ok)
        return t
    }

    static func series(_ t: TestSession, _ name: String) throws -> Series {
        try #require(t.session.workspace[name]?.asSeries)
    }

    @Test func regressWithHACPrintsTheLagsAndRobustSummary() throws {
        let t = Self.session()
        let r = t.run("regress p on d.SYNIDX cov hac as mh")
        #expect(r.ok, "\(r.err)")
        #expect(r.out.contains("Covariance Type:                  HAC"))
        #expect(r.out.contains("z      P>|z|"))
        let n = try #require((t.session.workspace["mh"] as? ModelObject)?.result.nobs)
        let lags = CovarianceType.neweyWestLags(observations: n)
        #expect(r.out.contains("HAC lags: \(lags) (Newey–West rule floor(4·(n/100)^(2/9)) for n = \(n))"))
        #expect(r.out.contains("using \(lags) lags and without small sample correction"))
        // The same numbers as the core fit on the aligned data.
        let p = try Self.series(t, "p"), x = try #require(t.session.workspace.resolve(Token("d.SYNIDX"))?.value.asSeries)
        let expected = try DatedRegression.fit(p.renamed("p"), on: [x.renamed("d.SYNIDX")]) { _ in .hac(lags: lags) }
        #expect((t.session.workspace["mh"] as? ModelObject)?.result == expected.result)
        #expect(t.run("export mh to m.json").ok)
        let json = try #require(t.read("m.json"))
        #expect(json.contains("\"cov_type\": \"HAC\"") && json.contains("\"lags\": \(lags)"))
        #expect(t.run("regress p on d.SYNIDX cov hac lags 2 as m2").out.contains("HAC lags: 2\n"))
        #expect(t.run("regress p on d.SYNIDX cov hc3 as m3").out.contains("[1] Standard Errors are heteroscedasticity robust (HC3)"))
        #expect(t.run("save s.hedge").ok)
        let saved = try #require(t.read("s.hedge"))
        #expect(saved.contains("regress p on d.SYNIDX cov hac lags \(lags) as mh"))
        #expect(saved.contains("regress p on d.SYNIDX cov hc3 as m3"))
    }

    @Test(arguments: [
        ("regress p on d.SYNIDX cov hc1 lags 3", "'lags' goes with cov hac"),
        ("regress p on d.SYNIDX cov white", "'cov' takes"),
        ("regress p on d.SYNIDX cov hac lags -1", "lags"),
        ("rolling p on d.SYNIDX", "window N (rolling OLS) or halflife H"),
        ("rolling p on d.SYNIDX window 20 halflife 5", "not both"),
        ("rolling p on d.SYNIDX halflife 5 min 3", "'min' goes with window"),
        ("rolling p on d.SYNIDX d.SYNA halflife 5", "one regressor"),
        ("rolling p on d.SYNIDX window 20 min 30", "more than the window"),
        ("rolling p on d.SYNIDX window 20000", "longer than the data"),
        ("rolling p on d.SYNIDX window 20 from 2030-01-01", "window"),
        ("regress p on d.SYNIDX from 2024-05-01 to 2024-01-01", "is after"),
    ])
    func badInputIsAnError(line: String, message: String) {
        let t = Self.session()
        let r = t.run(line)
        #expect(!r.ok)
        #expect(r.err.contains(message), "\(line): \(r.err)")
    }

    @Test func fromAndToRestrictTheDates() throws {
        let t = Self.session()
        let p = try Self.series(t, "p")
        let from = p.dates[100], to = p.dates[299]
        #expect(t.run("regress p on d.SYNIDX from \(from) to \(to) as m").ok)
        let m = try #require(t.session.workspace["m"] as? ModelObject)
        #expect(m.result.nobs == 200 && m.dates.first == from && m.dates.last == to)
        #expect(t.run("rolling p on d.SYNIDX window 50 from \(from) as r").ok)
        #expect((t.session.workspace["r"] as? RollingObject)?.rolling.dates.first == from)
        #expect(t.run("hedge p with m from \(from) to \(to) as h").ok)
        #expect(try Self.series(t, "h").count == 200)

    }

    @Test func rollingWindowMakesAnObjectWithSeriesParts() throws {
        let t = Self.session()
        let r = t.run("rolling p on d.SYNIDX window 60 as r")
        #expect(r.ok, "\(r.err)")
        #expect(r.out.hasPrefix("r: rolling, OLS over 60-row windows, p on d.SYNIDX"))
        let object = try #require(t.session.workspace["r"] as? RollingObject)
        let p = try Self.series(t, "p"), x = try #require(t.session.workspace.resolve(Token("d.SYNIDX"))?.value.asSeries)
        let aligned = AlignedSeries([p, x])
        let direct = try RollingOLS.fit(y: aligned.columns[0], regressors: [aligned.columns[1]], window: 60)
        #expect(object.rolling.betas[0].elementsEqual(direct.betas[0]) { $0 == $1 || ($0.isNaN && $1.isNaN) })
        // Parts are series, usable wherever a series is.
        for part in ["r.beta", "r.alpha", "r.rsquared"] { #expect(t.run("regress \(part) on d.SYNIDX as m_\(part.dropFirst(2))").ok) }
        let daily = t.run("backtest p vs d.SYNIDX method daily beta r.beta as bd")
        #expect(daily.ok && daily.out.contains("beta r.beta"), "\(daily.err)")
        let beta = try #require(t.session.workspace.resolve(Token("r.beta"))?.value.asSeries)
        #expect(beta.count == aligned.count - 59 && !beta.values.contains { $0.isNaN })
        #expect(t.run("ls").out.contains("\nr ") && t.run("ls").out.contains(" rolling "))
        let show = t.run("show r").out
        #expect(show.contains("alpha      beta  rsquared") && show.contains("[\(aligned.count) rows x 3 columns]"))
        let plot = t.run("plot-ascii r width 70 height 14 ascii")
        #expect(plot.ok, "\(plot.err)")
        #expect(plot.out.contains("beta ± 2 s.e.") && plot.out.contains("full-sample beta"))
        #expect(t.run("export r to r.csv").ok)
        let csv = try #require(t.read("r.csv")).split(separator: "\n")
        #expect(csv.first == "date,alpha,beta,rsquared,bse_alpha,bse_beta")
        #expect(csv.count == aligned.count + 1)
        #expect(t.run("save s.hedge").ok)
        #expect(try #require(t.read("s.hedge")).contains("rolling p on d.SYNIDX window 60 as r"))
    }

    @Test func severalRegressorsNameTheirBetas() throws {
        let t = Self.session()
        #expect(t.run("rolling p on d.SYNIDX d.SYNA window 40 min 30 as r").ok)
        #expect(t.run("plot-ascii r.beta.d.SYNA").ok)
        let r = t.run("regress r.beta on d.SYNIDX")
        #expect(!r.ok && r.err.contains("r.beta.d.SYNIDX or r.beta.d.SYNA"))
        #expect(t.run("export r to r.csv").ok)
        #expect(try #require(t.read("r.csv")).hasPrefix("date,alpha,beta.d.SYNIDX,beta.d.SYNA,rsquared,bse_alpha,bse_beta.d.SYNIDX,bse_beta.d.SYNA\n"))
    }

    @Test func ewmaBetaIsARollingObjectWithoutAlpha() throws {
        let t = Self.session()
        let r = t.run("rolling p on d.SYNIDX halflife 63 as ew")
        #expect(r.ok && r.out.contains("EWMA beta, half-life 63 days"))
        let p = try Self.series(t, "p"), x = try #require(t.session.workspace.resolve(Token("d.SYNIDX"))?.value.asSeries)
        let table = DateAlignedSeries([p, x])
        let expected = try ExponentialMoments.beta(y: table.columns[0], x: table.columns[1], halflife: 63)
        let object = try #require(t.session.workspace["ew"] as? RollingObject)
        #expect(object.rolling.betas[0].elementsEqual(expected) { $0 == $1 || ($0.isNaN && $1.isNaN) })
        let alpha = t.run("regress ew.alpha on d.SYNIDX")
        #expect(!alpha.ok && alpha.err.contains("EWMA beta"))
        #expect(t.run("plot-ascii ew ascii").ok)
        let show = t.run("show ew").out
        #expect(show.contains("[\(table.count) rows x 1 columns]") && !show.contains("alpha"))
    }

    @Test func pastOnlyHedgeUsesTheBetaOfTheDayBefore() throws {
        let t = Self.session()
        #expect(t.run("rolling p on d.SYNIDX window 30 as r").ok)
        let h = t.run("hedge p with r as hp")
        #expect(h.ok, "\(h.err)")
        #expect(h.out.contains("Dep. Variable:                     hp"))
        #expect(h.out.contains("30 days had no β yet and are left out"))
        let object = try #require(t.session.workspace["r"] as? RollingObject)
        let hedged = try Self.series(t, "hp")
        let rolling = object.rolling
        for (k, day) in hedged.dates.enumerated() {
            let row = try #require(rolling.dates.firstIndex(of: day))
            let expected = rolling.dependent.values[row] - rolling.betas[0][row - 1] * rolling.regressors[0].values[row]
            #expect(hedged.values[k] == expected)
        }
        let fixed = t.run("regress p on d.SYNIDX as m").ok && t.run("hedge p with m as h").out.contains("in-sample: the β of m was fitted on the same days it hedges")
        #expect(fixed)
        let wrongKind = t.run("hedge p with p")
        #expect(!wrongKind.ok && wrongKind.err.contains("rolling"))
    }
}
