extension Chart {
    /// A rolling β over time: the β of regressor `index`, the band β ± 2·s.e. (for a rolling-window
    /// fit, which has standard errors) and `fullSampleBeta` as a flat reference line across the
    /// dates that have a β.
    public static func rollingBeta(
        _ rolling: RollingBeta, regressor index: Int = 0, fullSampleBeta: Double?, style: ChartStyle
    ) throws -> [String] {
        guard rolling.betas.indices.contains(index) else {
            throw HedgeError("regressor \(index + 1) does not exist: the rolling fit has \(rolling.betas.count)")
        }
        let beta = rolling.betas[index]
        guard beta.contains(where: \.isFinite) else {
            throw HedgeError("nothing to plot: no date has a beta yet (the window never fills)")
        }
        let name = rolling.regressors[index].name
        // β solid, the reference dashed, both band edges dotted under one legend entry.
        var series = [Series(name: "beta \(name)", dates: rolling.dates, values: beta)]
        var looks = [0]
        if let fullSampleBeta, fullSampleBeta.isFinite {
            let dates = rolling.dates.indices.filter { beta[$0].isFinite }.map { rolling.dates[$0] }
            series.append(Series(name: "full-sample beta \(PythonFormat.float(fullSampleBeta, ".4f"))",
                                 dates: dates, values: Array(repeating: fullSampleBeta, count: dates.count)))
            looks.append(1)
        }
        if rolling.bse.indices.contains(index + 1) {
            let se = rolling.bse[index + 1]
            series.append(Series(name: "beta ± 2 s.e.", dates: rolling.dates, values: zip(beta, se).map { $0 + 2 * $1 }))
            series.append(Series(name: "beta - 2 s.e.", dates: rolling.dates, values: zip(beta, se).map { $0 - 2 * $1 }))
            looks += [2, 2]
        }
        return try line(series, style: style, looks: looks)
    }
}

extension RollingBeta {
    /// The one regression over every date where the dependent and all regressors have values
    /// (what `regress` fits): the reference the rolling betas move around.
    public func fullSampleRegression() throws -> DatedRegression {
        try DatedRegression.fit(dependent, on: regressors)
    }
}
