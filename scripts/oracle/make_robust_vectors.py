#!/usr/bin/env python3
"""Reference vectors for robust covariances, rolling OLS and EWMA betas (issue 10).

Writes (relative to the repository root):
  Tests/HedgeCoreTests/Fixtures/robust/robust_ols.json  OLS(...).fit(cov_type=..., cov_kwds=...) per cov type
  Tests/HedgeCoreTests/Fixtures/robust/rolling_ols.json RollingOLS(y, add_constant(X), window=, min_nobs=)
  Tests/HedgeCoreTests/Fixtures/robust/ewma_beta.json   y.ewm(halflife=H).cov(x) / x.ewm(halflife=H).var()

Written from the issue's specification with statsmodels/pandas only. The shared data (the notebook's
volume-weighted portfolio vs QQQ) is read from ../shared/reference/mag7_w30_r30.json and copied into
the fixtures, so the tests do not need ../shared. CI does not run this script; its JSON is committed.
Non-finite numbers are written as null (read back as NaN).
"""
import json
import math
import os
import warnings

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm
from statsmodels.regression.rolling import RollingOLS

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "HedgeCoreTests", "Fixtures", "robust")
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "reference", "mag7_w30_r30.json")
# A worktree sits one level deeper than the main checkout: look there too.
if not os.path.exists(SHARED):
    SHARED = "/work/shared/reference/mag7_w30_r30.json"


def num(x):
    x = float(x)
    return x if math.isfinite(x) else None


def nums(xs):
    return [num(x) for x in np.asarray(xs, dtype=float).ravel()]


def newey_west_lags(n):
    """The rule of thumb floor(4 (n/100)^(2/9)) (statsmodels' S_hac_simple default)."""
    return int(np.floor(4 * (n / 100.0) ** (2.0 / 9.0)))


def shared_data():
    with open(SHARED) as f:
        d = json.load(f)
    return np.array(d["portfolio_returns"], dtype=float), np.array(d["benchmark_returns"], dtype=float)


def synthetic_sets():
    rng = np.random.default_rng(20261202)
    sets = []
    # Heteroskedastic: error sd proportional to |x| (+ a floor).
    n = 300
    x = rng.normal(0, 0.012, n)
    e = rng.normal(0, 1, n) * (0.002 + 0.6 * np.abs(x))
    sets.append(("heteroskedastic_n300", 0.0004 + 1.1 * x + e, [x], ["x1"]))
    # AR(1) errors (phi = 0.6) and a persistent regressor (AR(1), phi = 0.5).
    n = 400
    u = rng.normal(0, 0.004, n)
    e = np.zeros(n)
    xv = np.zeros(n)
    xi = rng.normal(0, 0.01, n)
    for t in range(n):
        e[t] = (0.6 * e[t - 1] if t else 0) + u[t]
        xv[t] = (0.5 * xv[t - 1] if t else 0) + xi[t]
    sets.append(("ar1_errors_n400", -0.0002 + 0.9 * xv + e, [xv], ["x1"]))
    # Two regressors, AR(1) heteroskedastic errors.
    n = 250
    a = rng.normal(0, 0.01, n)
    b = 0.4 * a + rng.normal(0, 0.008, n)
    u = rng.normal(0, 1, n) * (0.002 + 0.3 * np.abs(b))
    e = np.zeros(n)
    for t in range(n):
        e[t] = (0.4 * e[t - 1] if t else 0) + u[t]
    sets.append(("two_regressors_n250", 0.001 + 1.3 * a - 0.7 * b + e, [a, b], ["QQQ", "SPY"]))
    return sets


def robust_result(y, cols, names, cov_type, cov_kwds):
    X = sm.add_constant(np.column_stack(cols), has_constant="add")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = sm.OLS(y, X).fit(cov_type=cov_type, cov_kwds=cov_kwds)
        ci = np.asarray(r.conf_int())
        summary = r.summary(yname="y", xname=["const"] + names).as_text()
    return {
        "cov_type": cov_type,
        "lags": cov_kwds.get("maxlags") if cov_kwds else None,
        "use_correction": bool(cov_kwds.get("use_correction", False)) if cov_kwds else False,
        "use_t": bool(r.use_t),
        "params": nums(r.params), "bse": nums(r.bse), "tvalues": nums(r.tvalues),
        "pvalues": nums(r.pvalues), "conf_int_low": nums(ci[:, 0]), "conf_int_high": nums(ci[:, 1]),
        "cov_params": [nums(row) for row in np.asarray(r.cov_params())],
        "fvalue": num(r.fvalue), "f_pvalue": num(r.f_pvalue),
        "summary": summary,
    }


def robust_cases():
    datasets = []
    if os.path.exists(SHARED):
        y, x = shared_data()
        datasets.append(("mag7_w30_r30", y, [x], ["x1"]))
    datasets += synthetic_sets()
    cases = []
    for name, y, cols, names in datasets:
        n = len(y)
        nw = newey_west_lags(n)
        fits = [robust_result(y, cols, names, "nonrobust", None)]
        for hc in ["HC0", "HC1", "HC2", "HC3"]:
            fits.append(robust_result(y, cols, names, hc, {}))
        for lags in sorted({nw, 0, 1, 5, 12}):
            fits.append(robust_result(y, cols, names, "HAC", {"maxlags": lags}))
        fits.append(robust_result(y, cols, names, "HAC", {"maxlags": nw, "use_correction": True}))
        cases.append({"name": name, "y": nums(y), "regressors": [nums(c) for c in cols], "names": names,
                      "newey_west_lags": nw, "fits": fits})
    return cases


def rolling_case(name, y, cols, names, window, min_nobs):
    X = sm.add_constant(np.column_stack(cols), has_constant="add")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = RollingOLS(y, X, window=window, min_nobs=min_nobs).fit()
        params = np.asarray(r.params)
        bse = np.asarray(r.bse)
        rsq = np.asarray(r.rsquared)
        nobs = np.asarray(r.nobs)
    return {"name": name, "y": nums(y), "regressors": [nums(c) for c in cols], "names": names,
            "window": window, "min_nobs": min_nobs,
            "params": [nums(params[:, j]) for j in range(params.shape[1])],
            "bse": [nums(bse[:, j]) for j in range(bse.shape[1])],
            "rsquared": nums(rsq), "nobs": [int(v) for v in nobs]}


def rolling_cases():
    cases = []
    if os.path.exists(SHARED):
        y, x = shared_data()
        cases.append(rolling_case("mag7_window60", y, [x], ["x1"], 60, None))
        cases.append(rolling_case("mag7_window252", y, [x], ["x1"], 252, None))
    rng = np.random.default_rng(7)
    n = 600
    a = rng.normal(0, 0.01, n)
    b = 0.3 * a + rng.normal(0, 0.01, n)
    c = rng.normal(0, 0.02, n)
    beta_a = 1 + 0.5 * np.sin(np.arange(n) / 60)
    y = 0.0003 + beta_a * a - 0.4 * b + 0.2 * c + rng.normal(0, 0.006, n)
    cases.append(rolling_case("three_regressors_window80", y, [a, b, c], ["x1", "x2", "x3"], 80, None))
    # NaN rows (in y, in a regressor, and a run of them) inside windows; min_nobs leaves some windows unfit.
    y2 = 0.0005 + 1.2 * a + rng.normal(0, 0.005, n)
    x2 = a.copy()
    y2[[45, 100, 101, 300]] = np.nan
    x2[[46, 200]] = np.nan
    x2[400:412] = np.nan
    cases.append(rolling_case("nan_rows_window40_min30", y2, [x2], ["x1"], 40, 30))
    cases.append(rolling_case("nan_rows_window40_default_min", y2, [x2], ["x1"], 40, None))
    return cases


def ewma_case(name, y, x, halflife):
    ys = pd.Series(y)
    xs = pd.Series(x)
    cov = ys.ewm(halflife=halflife).cov(xs)
    var = xs.ewm(halflife=halflife).var()
    beta = cov / var
    return {"name": name, "y": nums(y), "x": nums(x), "halflife": halflife,
            "cov": nums(cov), "var": nums(var), "beta": nums(beta)}


def ewma_cases():
    cases = []
    if os.path.exists(SHARED):
        y, x = shared_data()
        cases.append(ewma_case("mag7_halflife10", y, x, 10))
        cases.append(ewma_case("mag7_halflife63", y, x, 63))
    rng = np.random.default_rng(11)
    n = 300
    x = rng.normal(0, 0.01, n)
    y = 0.9 * x + rng.normal(0, 0.005, n)
    y[:5] = np.nan        # y starts later than x (the notebook's portfolio does)
    y[[50, 51, 120]] = np.nan
    x[[80, 200]] = np.nan
    cases.append(ewma_case("nan_pairs_halflife20", y, x, 20))
    cases.append(ewma_case("nan_pairs_halflife2.5", y, x, 2.5))
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    meta = {"numpy": np.__version__, "pandas": pd.__version__, "statsmodels": statsmodels.__version__}
    for file, key, cases in [("robust_ols.json", "cases", robust_cases()),
                             ("rolling_ols.json", "cases", rolling_cases()),
                             ("ewma_beta.json", "cases", ewma_cases())]:
        with open(os.path.join(OUT, file), "w") as f:
            json.dump({"generator": meta, key: cases}, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
