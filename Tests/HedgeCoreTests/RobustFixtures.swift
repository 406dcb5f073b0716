import Foundation
@testable import HedgeCore

/// The committed fixtures of `scripts/oracle/make_robust_vectors.py` (statsmodels/pandas).
enum RobustFixtures {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("Fixtures/robust")

    static func load<T: Decodable>(_ type: T.Type, _ file: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: directory.appendingPathComponent(file)))
    }
}

/// One data set of `robust_ols.json` and its fits under every covariance type.
struct RobustOLSCase: Decodable {
    struct Fit: Decodable {
        let cov_type: String
        let lags: Int?
        let use_correction: Bool
        let use_t: Bool
        let params: [Num], bse: [Num], tvalues: [Num], pvalues: [Num]
        let conf_int_low: [Num], conf_int_high: [Num]
        let cov_params: [[Num]]
        let fvalue: Num, f_pvalue: Num
        let summary: String

        var covarianceType: CovarianceType? {
            if cov_type == "HAC", let lags { return .hac(lags: lags, useCorrection: use_correction) }
            return CovarianceType.named(cov_type, lags: nil, observations: 0)
        }
    }
    let name: String
    let y: [Num]
    let regressors: [[Num]]
    let names: [String]
    let newey_west_lags: Int
    let fits: [Fit]

    static func all() throws -> [RobustOLSCase] {
        struct File: Decodable { let cases: [RobustOLSCase] }
        return try RobustFixtures.load(File.self, "robust_ols.json").cases
    }
}

/// One case of `rolling_ols.json`.
struct RollingOLSCase: Decodable {
    let name: String
    let y: [Num]
    let regressors: [[Num]]
    let names: [String]
    let window: Int
    let min_nobs: Int?
    let params: [[Num]], bse: [[Num]]
    let rsquared: [Num]
    let nobs: [Int]

    static func all() throws -> [RollingOLSCase] {
        struct File: Decodable { let cases: [RollingOLSCase] }
        return try RobustFixtures.load(File.self, "rolling_ols.json").cases
    }
}

/// One case of `ewma_beta.json`.
struct EWMACase: Decodable {
    let name: String
    let y: [Num], x: [Num]
    let halflife: Double
    let cov: [Num], `var`: [Num], beta: [Num]

    static func all() throws -> [EWMACase] {
        struct File: Decodable { let cases: [EWMACase] }
        return try RobustFixtures.load(File.self, "ewma_beta.json").cases
    }
}

extension Array where Element == Num {
    var values: [Double] { map(\.value) }
}

/// Element-wise comparison; returns the first few mismatches.
func mismatches(_ label: String, _ got: [Double], _ want: [Num], rel: Double = 1e-9, tinyBelow: Double = 0) -> [String] {
    guard got.count == want.count else { return ["\(label): \(got.count) values, expected \(want.count)"] }
    var problems: [String] = []
    for i in got.indices where !close(got[i], want[i].value, rel: rel, tinyBelow: tinyBelow) {
        problems.append("\(label)[\(i)]: got \(got[i]), expected \(want[i].value)")
        if problems.count >= 5 { break }
    }
    return problems
}
