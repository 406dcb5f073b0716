/// The kinds of object a workspace holds.
public enum ObjectKind: String, Sendable, CaseIterable, Hashable {
    case dataset, series, model, backtest
}
