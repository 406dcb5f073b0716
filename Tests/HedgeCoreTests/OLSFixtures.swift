import Foundation
@testable import HedgeCore

/// One regression as statsmodels reported it (committed OLS cases and the shared reference JSON
/// use the same key names).
struct StatsmodelsRegression: Decodable {
    let nobs: Int
    let df_model: Double, df_resid: Double
    let params: [Num], bse: [Num], tvalues: [Num], pvalues: [Num]
    let conf_int_low: [Num], conf_int_high: [Num]
    let rsquared: Num, rsquared_adj: Num, fvalue: Num, f_pvalue: Num
    let llf: Num, aic: Num, bic: Num, durbin_watson: Num
    let omnibus: Num, omnibus_p: Num, jarque_bera: Num, jarque_bera_p: Num
    let skew: Num, kurtosis: Num, cond_no: Num
    let summary: String
}

/// A synthetic case from `Fixtures/stats/ols_cases.json`.
struct OLSCase: Decodable {
    let name: String
    let y: [Double]
    let regressors: [[Double]]
    let dependent_name: String
    let names: [String]
    let residuals: [Double], fitted: [Double]
    let expected: StatsmodelsRegression

    enum CodingKeys: String, CodingKey { case name, y, regressors, dependent_name, names, residuals, fitted }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        y = try c.decode([Double].self, forKey: .y)
        regressors = try c.decode([[Double]].self, forKey: .regressors)
        dependent_name = try c.decode(String.self, forKey: .dependent_name)
        names = try c.decode([String].self, forKey: .names)
        residuals = try c.decode([Double].self, forKey: .residuals)
        fitted = try c.decode([Double].self, forKey: .fitted)
        expected = try StatsmodelsRegression(from: decoder)
    }

    static func all() throws -> [OLSCase] {
        struct File: Decodable { let cases: [OLSCase] }
        return try StatsFixtures.decode(File.self, from: StatsFixtures.directory.appendingPathComponent("ols_cases.json")).cases
    }

    func fit() throws -> OLSResult {
        try OLS.fit(y: y, regressors: regressors, dependentName: dependent_name, regressorNames: Array(names.dropFirst()))
    }
}

/// A notebook output file from `<repo>/../shared/reference`.
struct NotebookReference: Decodable {
    let portfolio_returns: [Double]
    let benchmark_returns: [Double]
    let hedged_returns: [Double]
    let regress: StatsmodelsRegression
    let regress_hedged: StatsmodelsRegression

    static func all() throws -> [(file: String, reference: NotebookReference)] {
        try StatsFixtures.referenceFiles().map { ($0.lastPathComponent, try StatsFixtures.decode(NotebookReference.self, from: $0)) }
    }
}

/// Compares every statistic of `result` with statsmodels': 1e-9 relative, p-values 1e-6 relative.
/// `noiseSlopes` lists parameter indices whose true value is zero, so that both programs print
/// rounding noise there (e.g. a hedged series regressed on its own hedge): those are checked to
/// be noise-sized instead (|t| < 1e-8), together with R² and F, which then are noise too.
func statisticMismatches(_ result: OLSResult, _ expected: StatsmodelsRegression, noiseSlopes: Set<Int> = []) -> [String] {
    var problems: [String] = []
    func check(_ label: String, _ got: Double, _ want: Num, rel: Double = 1e-9) {
        if !close(got, want.value, rel: rel, tinyBelow: 1e-300) { problems.append("\(label): got \(got), expected \(want.value)") }
    }
    func checkAll(_ label: String, _ got: [Double], _ want: [Num], rel: Double = 1e-9, skip: Set<Int> = []) {
        guard got.count == want.count else { problems.append("\(label): \(got.count) values, expected \(want.count)"); return }
        for i in got.indices where !skip.contains(i) { check("\(label)[\(i)]", got[i], want[i], rel: rel) }
    }
    if result.nobs != expected.nobs { problems.append("nobs \(result.nobs) != \(expected.nobs)") }
    if result.dfModel != expected.df_model { problems.append("df_model \(result.dfModel) != \(expected.df_model)") }
    if result.dfResid != expected.df_resid { problems.append("df_resid \(result.dfResid) != \(expected.df_resid)") }
    checkAll("params", result.params, expected.params, skip: noiseSlopes)
    checkAll("bse", result.bse, expected.bse)
    checkAll("tvalues", result.tvalues, expected.tvalues, skip: noiseSlopes)
    checkAll("pvalues", result.pvalues, expected.pvalues, rel: 1e-6)
    checkAll("conf_int_low", result.confIntLow, expected.conf_int_low)
    checkAll("conf_int_high", result.confIntHigh, expected.conf_int_high)
    if noiseSlopes.isEmpty {
        check("rsquared", result.rsquared, expected.rsquared)
        check("fvalue", result.fvalue, expected.fvalue)
    } else {
        for i in noiseSlopes where !(abs(result.tvalues[i]) < 1e-8 && abs(expected.tvalues[i].value) < 1e-8) {
            problems.append("t[\(i)] should be rounding noise: got \(result.tvalues[i]), statsmodels \(expected.tvalues[i].value)")
        }
        if !(abs(result.rsquared) < 1e-12) { problems.append("rsquared should be ~0, got \(result.rsquared)") }
        if !(abs(result.fvalue) < 1e-12) { problems.append("fvalue should be ~0, got \(result.fvalue)") }
    }
    check("rsquared_adj", result.rsquaredAdj, expected.rsquared_adj)
    check("f_pvalue", result.fPvalue, expected.f_pvalue, rel: 1e-6)
    check("llf", result.llf, expected.llf)
    check("aic", result.aic, expected.aic)
    check("bic", result.bic, expected.bic)
    check("durbin_watson", result.durbinWatson, expected.durbin_watson)
    check("omnibus", result.omnibus, expected.omnibus)
    check("omnibus_p", result.omnibusP, expected.omnibus_p, rel: 1e-6)
    check("jarque_bera", result.jarqueBera, expected.jarque_bera)
    check("jarque_bera_p", result.jarqueBeraP, expected.jarque_bera_p, rel: 1e-6)
    check("skew", result.skew, expected.skew)
    check("kurtosis", result.kurtosis, expected.kurtosis)
    check("cond_no", result.condNo, expected.cond_no)
    return problems
}
