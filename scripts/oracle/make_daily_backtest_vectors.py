#!/usr/bin/env python3
"""Independent reference for `backtest ... method daily` and the `stats` tear sheet (issue 9).

Written from the issue's specification with pandas/numpy/statsmodels (not from the Swift code).
Writes Tests/HedgeCoreTests/Fixtures/daily/cases.json (relative to the repository root): for each case the
unaligned inputs, the parameters, the per-day and per-rebalance results and the metrics of the hedged
strategy, the unhedged long and the benchmark; plus metric-only cases on synthetic return series.

The Mag 7 cases read the notebook's portfolio and benchmark returns from
../shared/reference/mag7_w30_r30.json (the volume-weighted Mag 7 vs QQQ). CI does not run this script;
its JSON output is committed. Non-finite numbers are written as null.
"""
import json
import math
import os
import sys

for module in ("numpy", "pandas", "statsmodels"):
    try:
        __import__(module)
    except ImportError:
        import subprocess
        subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", module])

import numpy as np
import pandas as pd
import statsmodels.api as sm

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "HedgeCoreTests", "Fixtures", "daily")
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "reference", "mag7_w30_r30.json")
YEAR = 252


def num(x):
    x = float(x)
    return x if math.isfinite(x) else None


def nums(xs):
    return [num(x) for x in xs]


class Wiped(Exception):
    pass


def ols_slope(y, x):
    """Slope of y on x with an intercept (statsmodels), NaN when x is constant."""
    x = np.asarray(x, dtype=float)
    if np.all(x == x[0]):
        return float("nan")
    return float(sm.OLS(np.asarray(y, dtype=float), sm.add_constant(x, has_constant="add")).fit().params[1])


def daily_backtest(rp_series, rb_series, p, beta_series=None):
    """The specification, step by step. rp_series/rb_series: pandas Series of daily simple returns."""
    df = pd.concat({"rp": rp_series, "rb": rb_series}, axis=1, join="inner").dropna()
    if p.get("from"):
        df = df[df.index >= pd.Timestamp(p["from"])]
    if p.get("to"):
        df = df[df.index <= pd.Timestamp(p["to"])]
    n = len(df)
    W, N = p["estimate"], p["rebalance"]
    if n <= W:
        raise ValueError("estimate window leaves no trading day")
    rp = df["rp"].to_numpy()
    rb = df["rb"].to_numpy()
    dates = df.index
    rf_d = (1 + p["rf"]) ** (1 / YEAR) - 1
    b_d = p["borrow"] / YEAR
    c = p["cost"]
    s = W
    rebalance_rows = set(range(s, n, N))
    E, L, S = float(p["capital"]), 0.0, 0.0
    beta = float("nan")
    days = {"date": [], "equity": [], "return": [], "long": [], "short": [], "beta": []}
    rebalances = {"date": [], "beta": [], "traded": [], "cost": []}
    prev = E
    for t in range(s, n):
        if t in rebalance_rows:
            kind = p["beta"]
            if kind == "ols":
                beta = ols_slope(rp[t - W:t], rb[t - W:t])
                if not math.isfinite(beta):
                    raise ValueError("zero-variance window")
            elif kind == "fixed":
                beta = p["beta_value"]
            else:
                before = beta_series[beta_series.index < dates[t]]
                if len(before) == 0 or not math.isfinite(before.iloc[-1]):
                    raise ValueError("beta series undefined")
                beta = float(before.iloc[-1])
            L_star, S_star = E, beta * E
            traded = abs(L_star - L) + abs(S_star - S)
            C = c * traded
            E = E - C
            L, S = L_star, S_star
            rebalances["date"].append(dates[t].strftime("%Y-%m-%d"))
            rebalances["beta"].append(beta)
            rebalances["traded"].append(traded)
            rebalances["cost"].append(C)
            if E <= 0:
                raise Wiped(dates[t].strftime("%Y-%m-%d"))
        cash = E - L + S
        E = E + L * rp[t] - S * rb[t] + cash * rf_d - max(S, 0.0) * b_d
        if E <= 0:
            raise Wiped(dates[t].strftime("%Y-%m-%d"))
        L = L * (1 + rp[t])
        S = S * (1 + rb[t])
        days["date"].append(dates[t].strftime("%Y-%m-%d"))
        days["equity"].append(E)
        days["return"].append(E / prev - 1)
        days["long"].append(L)
        days["short"].append(S)
        days["beta"].append(beta)
        prev = E
    index = pd.to_datetime(days["date"])
    return {
        "days": days,
        "rebalances": rebalances,
        "R": pd.Series(days["return"], index=index),
        "rp": pd.Series(rp[s:], index=index),
        "rb": pd.Series(rb[s:], index=index),
    }


def metrics(R, rb, rf):
    """The issue's metric definitions with pandas/numpy. R, rb: pandas Series on the same days."""
    R = pd.Series(np.asarray(R, dtype=float))
    m = len(R)
    rf_d = (1 + rf) ** (1 / YEAR) - 1
    total = float((1 + R).prod() - 1)
    cagr = (1 + total) ** (YEAR / m) - 1
    vol = R.std(ddof=1) * np.sqrt(YEAR)
    ex = R - rf_d
    sharpe = ex.mean() / ex.std(ddof=1) * np.sqrt(YEAR)
    sortino = ex.mean() / np.sqrt((np.minimum(ex, 0) ** 2).mean()) * np.sqrt(YEAR)
    wealth = pd.concat([pd.Series([1.0]), (1 + R).cumprod()], ignore_index=True)
    dd = (wealth / wealth.cummax() - 1).iloc[1:]
    maxdd = float(dd.min())
    under = (dd < 0).astype(int).tolist()
    longest, run = 0, 0
    for u in under:
        run = run + 1 if u else 0
        longest = max(longest, run)
    calmar = cagr / abs(maxdd) if maxdd != 0 else float("inf")
    out = {
        "days": m, "total_return": total, "cagr": cagr, "volatility": vol, "sharpe": sharpe, "sortino": sortino,
        "max_drawdown": maxdd, "longest_drawdown_days": longest, "calmar": calmar,
        "hit_rate": float((R > 0).mean()),
        "var95": float(np.percentile(R.to_numpy(), 5)),
        "skew": float(R.skew()), "excess_kurtosis": float(R.kurt()),
        "best_day": float(R.max()), "worst_day": float(R.min()),
    }
    out["cvar95"] = float(R[R <= out["var95"]].mean())
    if rb is not None:
        x = np.asarray(rb, dtype=float)
        if np.all(x == x[0]):
            out["beta"] = out["correlation"] = out["alpha"] = float("nan")
        else:
            fit = sm.OLS(R.to_numpy(), sm.add_constant(x, has_constant="add")).fit()
            out["beta"] = float(fit.params[1])
            out["alpha"] = float(fit.params[0]) * YEAR
            out["correlation"] = float(np.corrcoef(R.to_numpy(), x)[0, 1])
    return {k: (num(v) if isinstance(v, float) else v) for k, v in out.items()}


def hedge_extras(result, lo=None, hi=None):
    days = result["days"]
    dates = pd.to_datetime(days["date"])
    mask = np.ones(len(dates), dtype=bool)
    if lo:
        mask &= dates >= pd.Timestamp(lo)
    if hi:
        mask &= dates <= pd.Timestamp(hi)
    chosen = set(d for d, k in zip(days["date"], mask) if k)
    reb = pd.DataFrame(result["rebalances"])
    reb = reb[reb["date"].isin(chosen)]
    m = int(mask.sum())
    equity = np.asarray(days["equity"])[mask]
    R = pd.Series(np.asarray(days["return"])[mask])
    rp = pd.Series(result["rp"].to_numpy()[mask])
    return {
        "rebalances": int(len(reb)),
        "total_costs": float(reb["cost"].sum()),
        "annualized_turnover": float(reb["traded"].sum() / equity.mean() * YEAR / m),
        "hedge_effectiveness": float(1 - R.var(ddof=1) / rp.var(ddof=1)),
        "mean_beta": float(reb["beta"].mean()),
    }


def tear_sheet(result, rf, lo=None, hi=None):
    R, rp, rb = result["R"], result["rp"], result["rb"]
    if lo:
        R, rp, rb = R[R.index >= lo], rp[rp.index >= lo], rb[rb.index >= lo]
    if hi:
        R, rp, rb = R[R.index <= hi], rp[rp.index <= hi], rb[rb.index <= hi]
    return {
        "hedged": metrics(R.to_numpy(), rb.to_numpy(), rf),
        "unhedged": metrics(rp.to_numpy(), rb.to_numpy(), rf),
        "benchmark": metrics(rb.to_numpy(), rb.to_numpy(), rf),
        "hedge": hedge_extras(result, lo, hi),
    }


def series_json(s):
    return {"dates": [d.strftime("%Y-%m-%d") for d in s.index], "values": nums(s.to_numpy())}


DEFAULTS = {"rebalance": 30, "estimate": 60, "beta": "ols", "beta_value": None, "cost": 0.001, "rf": 0.02,
            "borrow": 0.0, "capital": 1_000_000.0, "from": None, "to": None}


def case(name, rp, rb, beta_series=None, stats_cuts=(), **overrides):
    p = dict(DEFAULTS, **overrides)
    result = daily_backtest(rp, rb, p, beta_series)
    out = {
        "name": name, "parameters": p,
        "long": series_json(rp), "benchmark": series_json(rb),
        "beta_series": series_json(beta_series) if beta_series is not None else None,
        "days": {k: (v if k == "date" else nums(v)) for k, v in result["days"].items()},
        "rebalances": {k: (v if k == "date" else nums(v)) for k, v in result["rebalances"].items()},
        "tear_sheet": tear_sheet(result, p["rf"]),
        "cut_tear_sheets": [],
    }
    for rf, lo, hi in stats_cuts:
        out["cut_tear_sheets"].append({"rf": rf, "from": lo, "to": hi, "sheet": tear_sheet(result, rf, lo, hi)})
    print(f"{name}: {len(result['days']['date'])} days, {len(result['rebalances']['date'])} rebalances, "
          f"final equity {result['days']['equity'][-1]:,.2f}", file=sys.stderr)
    return out


def synthetic(seed, n, start="2021-01-04"):
    rng = np.random.default_rng(seed)
    dates = pd.bdate_range(start, periods=n)
    rb = rng.normal(0.0004, 0.012, n)
    rp = 0.0002 + 1.3 * rb + rng.normal(0, 0.008, n)
    return pd.Series(rp, index=dates), pd.Series(rb, index=dates)


def main():
    os.makedirs(OUT, exist_ok=True)
    ref = json.load(open(SHARED))
    idx = pd.to_datetime(ref["dates"])
    rp = pd.Series(ref["portfolio_returns"], index=idx)
    rb = pd.Series(ref["benchmark_returns"], index=idx)
    # A rolling 40-day beta sampled on Fridays only (dates with gaps: the backtest takes the last date before).
    rolling = rp.rolling(40).cov(rb) / rb.rolling(40).var()
    weekly = rolling[rolling.index.day_of_week == 4]

    cases = [
        case("mag7_defaults", rp, rb, stats_cuts=[(0.0, "2024-01-01", "2024-12-31"), (0.05, None, "2024-03-28")]),
        case("mag7_borrow", rp, rb, borrow=0.03, cost=0.002),
        case("mag7_fixed_beta", rp, rb, beta="fixed", beta_value=1.2, estimate=20, rebalance=21),
        case("mag7_beta_series", rp, rb, beta_series=weekly, beta="series", borrow=0.01),
        case("mag7_from_to", rp, rb, rebalance=21, estimate=40, **{"from": "2023-06-01", "to": "2024-12-31"}),
        case("mag7_odd_rebalance", rp, rb, rebalance=17, rf=0.05, capital=250_000.0, estimate=25),
    ]
    # Synthetic: misaligned inputs (missing dates on each side, a NaN) to exercise the inner join and dropna.
    srp, srb = synthetic(7, 300)
    srp = srp.drop(srp.index[[5, 77, 150]])
    srb = srb.drop(srb.index[[9, 200]])
    srp.iloc[40] = float("nan")
    srb.iloc[120] = float("nan")
    cases.append(case("synthetic_aligned", srp, srb, rebalance=10, estimate=20, cost=0.0005, borrow=0.02))
    # A negative fixed beta: the "short" is a long benchmark position (S < 0), which pays no borrow fee.
    s2p, s2b = synthetic(11, 120)
    cases.append(case("synthetic_negative_beta", s2p, s2b, beta="fixed", beta_value=-0.4, estimate=5,
                      rebalance=7, borrow=0.05, rf=0.0))

    # Metric-only cases on synthetic series (with a benchmark).
    metric_cases = []
    rng = np.random.default_rng(2024)
    for i, (m, rf) in enumerate([(5, 0.0), (40, 0.02), (253, 0.03), (1000, -0.01)]):
        x = rng.normal(0.0005, 0.01, m)
        y = 0.0001 + 0.8 * x + rng.standard_t(4, m) * 0.006
        metric_cases.append({"name": f"metrics_{m}", "returns": nums(y), "benchmark": nums(x), "rf": rf,
                             "metrics": metrics(y, x, rf)})

    json.dump({"backtests": cases, "metrics": metric_cases}, open(os.path.join(OUT, "cases.json"), "w"), separators=(",", ":"))
    print("wrote", os.path.join(OUT, "cases.json"), file=sys.stderr)


if __name__ == "__main__":
    main()
