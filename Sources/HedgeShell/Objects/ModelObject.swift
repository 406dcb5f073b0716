import HedgeCore

extension ObjectKind {
    /// A fitted OLS regression.
    public static let model = ObjectKind("model")
}

/// A fitted regression; its variables are named as typed (`p1`, `d.QQQ`).
public struct ModelObject: WorkspaceValue, Equatable {
    public static let kind = ObjectKind.model
    public var regression: DatedRegression

    public init(regression: DatedRegression) { self.regression = regression }

    public var result: OLSResult { regression.result }
    /// The dates the fit used (after alignment).
    public var dates: [Day] { regression.dates }
    /// The dependent series' name and the regressors' names.
    public var dependent: String { regression.dependent.name }
    public var regressors: [String] { regression.regressors.map(\.name) }

    /// `` (nonrobust), ` (HC1 standard errors)`, ` (HAC standard errors, 5 lags)`.
    public var covarianceText: String {
        switch result.covarianceType {
        case .nonrobust: ""
        case .hac(let lags, _): " (HAC standard errors, \(lags) lag\(lags == 1 ? "" : "s"))"
        default: " (\(result.covarianceType.statsmodelsName) standard errors)"
        }
    }

    public func listing() -> ListingRow {
        let betas = regressors.indices.map { "β \(NumberFormat.fixed(result.params[$0 + 1], 4))" }.joined(separator: ", ")
        return ListingRow(shape: "\(result.nobs) obs", dates: SeriesText.range(dates),
                          about: "OLS \(dependent) on \(regressors.joined(separator: " "))\(covarianceText): \(betas), R² \(NumberFormat.fixed(result.rsquared, 3))")
    }

    public func show(name: String, context: DisplayContext) -> String {
        context.summary(result) + "\n\(context.style.name(name)): model, OLS of \(dependent) on \(regressors.joined(separator: ", "))\(covarianceText), \(SeriesText.range(dates))"
    }

    public func export(name: String, format: ExportFormat) throws(ShellError) -> (text: String, what: String) {
        guard format == .json else { throw ShellError("a model exports to .json only") }
        return (Exporter.json(model: result), "model")
    }

    /// A scatter of the dependent on the one regressor, with the fitted line.
    public func chart(name: String, request: ChartRequest) throws -> [String]? {
        guard request.mode == .level else { throw ShellError("a model is drawn as a scatter; drop '\(request.mode.rawValue)'") }
        guard regression.regressors.count == 1, let x = regression.regressors.first else {
            throw ShellError("'\(name)' has \(regression.regressors.count) regressors; a scatter needs one")
        }
        var style = request.style
        style.title = style.title ?? "\(dependent) on \(regressors[0]) (\(name), R² \(NumberFormat.fixed(result.rsquared, 3)))"
        return try Chart.scatter(x: x, y: regression.dependent,
                                 fit: LinearFit(intercept: result.params[0], slope: result.params[1]), style: style,
                                 cancellation: request.cancellation)
    }
}
