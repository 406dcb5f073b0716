/// Lays out an `OLSResult` exactly as statsmodels' `summary()` prints it.
public enum OLSSummary {
    /// `date` and `time` fill the `Date:` and `Time:` lines (statsmodels prints the wall clock there),
    /// e.g. "Sat, 21 Nov 2026" and "20:50:54".
    public static func render(_ result: OLSResult, date: String, time: String) -> String {
        ""
    }
}
