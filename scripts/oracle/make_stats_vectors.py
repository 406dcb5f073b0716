#!/usr/bin/env python3
"""Generate reference vectors for HedgeCore's statistics tests.

Writes (relative to the repository root):
  Tests/HedgeCoreTests/Fixtures/stats/distributions.json
  Tests/HedgeCoreTests/Fixtures/stats/ols_cases.json

Requires numpy, scipy and statsmodels. CI does not run this script; the JSON it
writes is committed. Non-finite numbers are written as null (read back as NaN).
"""
import json
import math
import os
import warnings

import numpy as np
import scipy
import scipy.special as sp
import scipy.stats as st
import statsmodels
import statsmodels.api as sm

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "HedgeCoreTests", "Fixtures", "stats")


def num(x):
    x = float(x)
    return x if math.isfinite(x) else None


def nums(xs):
    return [num(x) for x in xs]


def distribution_vectors():
    out = {}
    dfs = [1, 2, 3, 5, 10, 30, 100, 459, 552, 1e4, 1e6]
    ts = [-300, -40.3, -12, -5, -2, -1, -0.3, 0, 0.1, 0.7, 1.5, 1.96, 3, 8, 40.2877, 150]
    out["t_cdf"] = [{"x": t, "df": df, "value": num(st.t.cdf(t, df))} for df in dfs for t in ts]
    out["t_sf"] = [{"x": t, "df": df, "value": num(st.t.sf(t, df))} for df in dfs for t in ts]
    ps = [1e-12, 1e-6, 0.001, 0.025, 0.1, 0.3, 0.5, 0.6, 0.9, 0.975, 0.995, 0.999999]
    out["t_ppf"] = [{"p": p, "df": df, "value": num(st.t.ppf(p, df))} for df in dfs for p in ps]
    fcases = [(0.0, 1, 10), (0.5, 1, 10), (1.0, 2, 30), (3.2, 3, 50), (10, 5, 5), (0.01, 1, 459),
              (1623.104, 1, 459), (1e4, 1, 552), (2.5, 10, 1000), (50, 4, 20), (1e-8, 3, 7),
              (400, 1, 12), (5000, 3, 496), (0.9, 100, 100)]
    out["f_sf"] = [{"x": x, "dfn": a, "dfd": b, "value": num(st.f.sf(x, a, b))} for x, a, b in fcases]
    ccases = [(0, 2), (0.1, 2), (2, 2), (161.5, 2), (1905.19, 2), (1500, 2), (3, 1), (0.5, 1), (40, 1),
              (10, 5), (50, 10), (0.001, 7), (100, 30), (200, 100), (1e-5, 0.5)]
    out["chi2_sf"] = [{"x": x, "df": k, "value": num(st.chi2.sf(x, k))} for x, k in ccases]
    zs = [-38, -30, -10, -5, -3, -1.96, -1, -0.5, -1e-3, 0, 1e-8, 0.25, 1, 2.5, 6, 9, 20, 37.5]
    out["norm_cdf"] = [{"x": z, "value": num(st.norm.cdf(z))} for z in zs]
    out["norm_sf"] = [{"x": z, "value": num(st.norm.sf(z))} for z in zs]
    out["norm_pdf"] = [{"x": z, "value": num(st.norm.pdf(z))} for z in zs]
    bcases = [(0.5, 0.5, 0.5), (1, 1, 0.3), (2, 3, 0.4), (0.5, 229.5, 0.001), (229.5, 0.5, 0.9999),
              (10, 20, 0.05), (50, 50, 0.5), (0.1, 0.1, 0.99), (5, 2, 1e-6), (276, 0.5, 0.2),
              (1e3, 1e3, 0.48), (3.5, 0.5, 0.97), (0.5, 5e5, 1e-5), (7, 7, 0.0), (7, 7, 1.0)]
    out["betainc"] = [{"a": a, "b": b, "x": x, "value": num(sp.betainc(a, b, x))} for a, b, x in bcases]
    gcases = [(0.5, 0.1), (0.5, 3), (1, 1), (2, 0.01), (2, 10), (5, 4), (5, 6), (10, 30), (30, 10),
              (100, 90), (100, 120), (0.1, 50), (1, 700), (250, 250), (3, 0)]
    out["gammainc"] = [{"a": a, "x": x, "value": num(sp.gammainc(a, x))} for a, x in gcases]
    out["gammaincc"] = [{"a": a, "x": x, "value": num(sp.gammaincc(a, x))} for a, x in gcases]
    lg = [1e-8, 0.1, 0.5, 1, 1.5, 2, 3.7, 10, 30.25, 171.5, 1e4, 1e7]
    out["gammaln"] = [{"x": x, "value": num(sp.gammaln(x))} for x in lg]
    return out


def ols_case(name, y, cols, yname, xnames):
    X = sm.add_constant(np.column_stack(cols), has_constant="add")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = sm.OLS(y, X).fit()
        jb, jbp, skew, kurt = sm.stats.stattools.jarque_bera(r.resid)
        om, omp = sm.stats.stattools.omni_normtest(r.resid)
        ci = np.asarray(r.conf_int())
        summary = r.summary(yname=yname, xname=xnames).as_text()
    return {
        "name": name, "y": nums(y), "regressors": [nums(c) for c in cols],
        "dependent_name": yname, "names": xnames,
        "nobs": int(r.nobs), "df_model": r.df_model, "df_resid": r.df_resid,
        "params": nums(r.params), "bse": nums(r.bse), "tvalues": nums(r.tvalues),
        "pvalues": nums(r.pvalues), "conf_int_low": nums(ci[:, 0]), "conf_int_high": nums(ci[:, 1]),
        "rsquared": num(r.rsquared), "rsquared_adj": num(r.rsquared_adj), "fvalue": num(r.fvalue),
        "f_pvalue": num(r.f_pvalue), "llf": num(r.llf), "aic": num(r.aic), "bic": num(r.bic),
        "durbin_watson": num(sm.stats.stattools.durbin_watson(r.resid)),
        "omnibus": num(om), "omnibus_p": num(omp), "jarque_bera": num(jb), "jarque_bera_p": num(jbp),
        "skew": num(skew), "kurtosis": num(kurt), "cond_no": num(r.condition_number),
        "residuals": nums(r.resid), "fitted": nums(r.fittedvalues),
        "summary": summary,
    }


def ols_cases():
    rng = np.random.default_rng(20261121)
    cases = []
    # 1 regressor, n = 12, small noise
    x = rng.normal(0, 0.01, 12)
    y = 0.0005 + 1.3 * x + rng.normal(0, 0.004, 12)
    cases.append(ols_case("simple_n12", y, [x], "y", ["const", "x1"]))
    # 3 regressors, n = 60
    n = 60
    X = rng.normal(size=(n, 3))
    y = 1.0 + X @ np.array([0.5, -2.0, 0.0]) + rng.standard_t(4, n)
    cases.append(ols_case("three_n60", y, [X[:, i] for i in range(3)], "y", ["const", "x1", "x2", "x3"]))
    # 3 regressors, n = 500, badly scaled (large condition number note), long names
    n = 500
    a = rng.normal(1000, 50, n)
    b = rng.exponential(1.0, n)
    c = a * 0.01 + rng.normal(0, 0.5, n)
    y = 2e-5 * a - 3e4 * b + 12345.0 * c + rng.normal(0, 2000, n)
    cases.append(ols_case("three_n500_long_names", y, [a, b, c], "portfolio_returns_hedged",
                          ["const", "benchmark_returns", "momentum_signal_long_name", "c"]))
    # 1 regressor, n = 7 (omnibus undefined), tiny numbers
    x = np.arange(7.0) * 1e-3
    y = 3e-6 + 2e-4 * x + np.array([1, -2, 0.5, 3, -1, -0.5, 2]) * 1e-7
    cases.append(ols_case("tiny_n7", y, [x], "y", ["const", "x1"]))
    # 1 regressor, n = 250, heavy tails
    x = rng.standard_t(3, 250) * 0.02
    y = -0.001 + 0.8 * x + rng.standard_t(3, 250) * 0.01
    cases.append(ols_case("heavy_n250", y, [x], "y", ["const", "x1"]))
    # 2 regressors on a 1e-6 scale: X'X has an eigenvalue below 1e-10 (smallest-eigenvalue note)
    n = 40
    u = rng.normal(0, 1e-6, n)
    v = rng.normal(0, 1e-6, n)
    y = 0.01 + 300.0 * u - 150.0 * v + rng.normal(0, 1e-4, n)
    cases.append(ols_case("tiny_scale_n40", y, [u, v], "y", ["const", "x1", "x2"]))
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    meta = {"numpy": np.__version__, "scipy": scipy.__version__, "statsmodels": statsmodels.__version__}
    with open(os.path.join(OUT, "distributions.json"), "w") as f:
        json.dump({"generator": meta, **distribution_vectors()}, f, indent=1)
        f.write("\n")
    with open(os.path.join(OUT, "ols_cases.json"), "w") as f:
        json.dump({"generator": meta, "cases": ols_cases()}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
