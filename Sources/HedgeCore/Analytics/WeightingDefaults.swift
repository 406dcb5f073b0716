extension WeightingScheme {
    /// The notebook's rolling volume window, in trading days.
    public static let notebookWindow = 30

    /// The notebook's scheme: volume weights over `notebookWindow` days.
    public static let notebook = WeightingScheme.volume(window: notebookWindow)

    /// The scheme's word in the shell (`volume`, `equal`).
    public var methodName: String {
        switch self {
        case .volume: "volume"
        case .equal: "equal"
        }
    }

    /// The rolling window of a volume scheme, nil for equal weights.
    public var window: Int? {
        if case .volume(let window) = self { return window }
        return nil
    }
}
