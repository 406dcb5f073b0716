#!/usr/bin/env python3
"""The peers of scripts/bench: the notebook flow and plain loading in pandas (C engine) and polars.

Usage:
  bench-peers.py flow --engine pandas|polars --data DIR --out DIR
      The whole flow on DIR/per-ticker/*.csv (benchmark QQQ): load (Date, Adj Close and Volume, the
      columns the flow uses, as hedge's `load` reads only prices and volumes), weight by volume (window 30,
      excluding the benchmark), regress on the benchmark, hedge, regress the hedged returns,
      backtest (rebalance 30, cost 0.001), export. Timed from outside as a whole process.
  bench-peers.py load --engine pandas|polars --layout LAYOUT --data DIR [--runs N] [--fields all|price-volume]
      Loads one layout into a date × ticker panel of every field (or of Adj Close and Volume only, the
      other columns not parsed), N times in this process; prints one line per run: seconds.
      LAYOUT: per-ticker, wide, multi, long-date, long-ticker.

Regressions use statsmodels in both engines (as the notebook does); the engines differ in loading
and in the table work (rolling volume weights, returns, alignment, export).
"""
import argparse, glob, json, os, sys, time

import numpy as np

BENCHMARK, WINDOW, REBALANCE, COST, CAPITAL, RF = "QQQ", 30, 30, 0.001, 1_000_000.0, 0.02


def per_ticker_files(data):
    return sorted(glob.glob(os.path.join(data, "per-ticker", "*.csv")))


def ticker_of(path):
    return os.path.basename(path).split(".")[0].upper()


# ---------------------------------------------------------------- pandas

ALL_FIELDS = ["Adj Close", "Close", "High", "Low", "Open", "Volume"]
FLOW_FIELDS = ["Adj Close", "Volume"]


def multi_columns(path, fields):
    """The positions of the multi-ticker export's columns holding `fields` (the Date column first)."""
    with open(path) as handle:
        first, second = handle.readline().rstrip("\n").split(","), handle.readline().rstrip("\n").split(",")
    return [0] + [k for k, f in enumerate(first) if k > 0 and f in fields], first, second


def pandas_load(layout, data, fields=ALL_FIELDS):
    """Returns {field: DataFrame(date × ticker)} of `fields` (the other columns are not parsed)."""
    import pandas as pd
    if layout == "per-ticker":
        frames = {}
        for path in per_ticker_files(data):
            df = pd.read_csv(path, engine="c", usecols=["Date"] + fields, parse_dates=["Date"], index_col="Date")
            frames[ticker_of(path)] = df
        return {f: pd.DataFrame({t: df[f] for t, df in frames.items()}).sort_index() for f in fields}
    if layout == "wide":
        df = pd.read_csv(os.path.join(data, "wide.csv"), engine="c", parse_dates=["Date"], index_col="Date")
        return {"Adj Close": df.sort_index()}
    if layout == "multi":
        path = os.path.join(data, "multi.csv")
        usecols, first, second = multi_columns(path, fields)
        # (`usecols` cannot go with a two-row header: the header rows are read here instead.)
        df = pd.read_csv(path, engine="c", header=None, skiprows=3, usecols=usecols, index_col=0, parse_dates=[0])
        df.columns = pd.MultiIndex.from_tuples([(first[k], second[k]) for k in usecols[1:]])
        return {f: df[f].sort_index() for f in df.columns.get_level_values(0).unique()}
    if layout in ("long-date", "long-ticker"):
        df = pd.read_csv(os.path.join(data, layout + ".csv"), engine="c", usecols=["Date", "Ticker"] + fields,
                         parse_dates=["Date"])
        wide = df.pivot(index="Date", columns="Ticker")
        return {f: wide[f] for f in fields}
    raise SystemExit(f"unknown layout {layout}")


def pandas_flow(data, out):
    import pandas as pd
    panel = pandas_load("per-ticker", data, FLOW_FIELDS)
    price, volume = panel["Adj Close"], panel["Volume"]
    benchmark = price.pop(BENCHMARK)
    volume = volume.drop(columns=[BENCHMARK])
    average = volume.rolling(window=WINDOW).mean()
    weights = average.div(average.sum(axis=1), axis=0)
    portfolio = (price.pct_change() * weights.shift(1)).sum(axis=1)[WINDOW:]
    bench_returns = benchmark.pct_change().dropna()[WINDOW - 1:]
    finish(portfolio.index, portfolio.values, bench_returns.values, out,
           lambda path, dates, values: pd.DataFrame({"date": dates.strftime("%Y-%m-%d"), "value": values})
           .to_csv(path, index=False, float_format="%.17g"))


# ---------------------------------------------------------------- polars

def polars_load(layout, data, fields=ALL_FIELDS):
    """Returns {field: DataFrame(Date + one column per ticker)} of `fields` (the other columns are not
    parsed). Wide frames are built with an outer join on Date (`concat(how="align")`), far faster than
    `pivot` in this polars version."""
    import polars as pl
    if layout == "per-ticker":
        return polars_wide(polars_per_ticker_frames(data, fields), fields)
    if layout == "wide":
        return {"Adj Close": pl.read_csv(os.path.join(data, "wide.csv"), try_parse_dates=True).sort("Date")}
    if layout == "multi":
        path = os.path.join(data, "multi.csv")
        usecols, first, second = multi_columns(path, fields)
        names = ["Date"] + [f"{first[k]}|{second[k]}" for k in usecols[1:]]
        df = pl.read_csv(path, skip_rows=3, has_header=False, columns=usecols, try_parse_dates=True)
        df = df.rename(dict(zip(df.columns, names)))
        return {f: df.select(["Date"] + [pl.col(c).alias(c.split("|")[1]) for c in names[1:] if c.startswith(f + "|")])
                .sort("Date") for f in fields}
    if layout in ("long-date", "long-ticker"):
        df = pl.read_csv(os.path.join(data, layout + ".csv"), columns=["Date", "Ticker"] + fields, try_parse_dates=True)
        parts = df.partition_by("Ticker", as_dict=True, include_key=False)
        return polars_wide({key[0]: frame for key, frame in parts.items()}, fields)
    raise SystemExit(f"unknown layout {layout}")


def polars_per_ticker_frames(data, fields):
    """{ticker: DataFrame} of every per-ticker file (`read_csv` file by file, each read with polars'
    threads; `collect_all` over 2,000 `scan_csv` exhausts polars' blocking threads and deadlocks)."""
    import polars as pl
    return {ticker_of(p): pl.read_csv(p, columns=["Date"] + fields, try_parse_dates=True) for p in per_ticker_files(data)}


def polars_wide(frames, fields):
    import polars as pl
    return {f: pl.concat([frame.select("Date", pl.col(f).alias(t)) for t, frame in sorted(frames.items())],
                         how="align").sort("Date") for f in fields}


def polars_flow(data, out):
    import polars as pl
    panel = polars_wide(polars_per_ticker_frames(data, FLOW_FIELDS), FLOW_FIELDS)
    price, volume = panel["Adj Close"], panel["Volume"]
    tickers = [c for c in price.columns if c not in ("Date", BENCHMARK)]
    average = volume.select([pl.col(t).rolling_mean(WINDOW) for t in tickers])
    total = average.select(pl.sum_horizontal(pl.all()).alias("total"))["total"]
    weights = average.select([pl.col(t) / total for t in tickers])
    returns = price.select([pl.col(t).pct_change() for t in tickers])
    lagged = weights.select([pl.col(t).shift(1) for t in tickers])
    portfolio = pl.DataFrame([returns[t] * lagged[t] for t in tickers]).select(
        pl.sum_horizontal(pl.all()).alias("r"))["r"].to_numpy()[WINDOW:]
    dates = price["Date"][WINDOW:]
    bench = price.select(pl.col(BENCHMARK).pct_change())[BENCHMARK].to_numpy()[WINDOW:]
    finish(dates, portfolio, bench, out,
           lambda path, d, values: pl.DataFrame({"date": d.dt.strftime("%Y-%m-%d"), "value": values})
           .write_csv(path, float_precision=None))


# ---------------------------------------------------------------- shared tail (statsmodels)

def finish(dates, portfolio, bench, out, write_series):
    import statsmodels.api as sm
    m1 = sm.OLS(portfolio, sm.add_constant(bench)).fit()
    beta = m1.params[1]
    hedged = portfolio - beta * bench
    m2 = sm.OLS(hedged, sm.add_constant(bench)).fit()
    values, betas = backtest(portfolio, -bench, bench)
    os.makedirs(out, exist_ok=True)
    write_series(os.path.join(out, "portfolio.csv"), dates, portfolio)
    write_series(os.path.join(out, "hedged.csv"), dates, hedged)
    with open(os.path.join(out, "model.json"), "w") as handle:
        json.dump({"params": list(map(float, m1.params)), "bse": list(map(float, m1.bse)),
                   "rsquared": float(m1.rsquared), "summary": str(m1.summary()),
                   "hedged_summary": str(m2.summary())}, handle)
    with open(os.path.join(out, "bt.json"), "w") as handle:
        json.dump({"portfolio_values": list(map(float, values)), "betas": list(map(float, betas))}, handle)


def backtest(long_returns, short_returns, benchmark_returns):
    """The notebook's hedged_portfolio_performance_dynamic_beta."""
    import statsmodels.api as sm
    value = CAPITAL
    values = [value]
    initial = sm.OLS(long_returns[:REBALANCE], sm.add_constant(benchmark_returns[:REBALANCE])).fit().params[1]
    betas = [initial]
    long_ratio, short_ratio = 1 / (1 + initial), initial / (1 + initial)
    long_allocation, short_allocation = value * long_ratio, value * short_ratio
    for i in range(0, len(long_returns), REBALANCE):
        lp, sp = long_returns[i:i + REBALANCE], short_returns[i:i + REBALANCE]
        bp = benchmark_returns[i:i + REBALANCE]
        pp = (lp + sp) / 2
        if len(bp) == REBALANCE:
            beta = sm.OLS(pp, sm.add_constant(bp)).fit().params[1]
            betas.append(beta)
            long_ratio, short_ratio = 1 / (1 + beta), beta / (1 + beta)
        else:
            long_ratio, short_ratio = long_allocation / value, short_allocation / value
        long_allocation *= (1 + (np.prod(1 + lp) - 1)) * (1 - COST)
        short_allocation *= (1 + (np.prod(1 + sp) - 1)) * (1 - COST)
        value = long_allocation + short_allocation
        values.append(value)
        long_allocation, short_allocation = value * long_ratio, value * short_ratio
    return values, betas


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["flow", "load"])
    ap.add_argument("--engine", choices=["pandas", "polars"], required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--out")
    ap.add_argument("--layout", default="per-ticker")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--fields", choices=["all", "price-volume"], default="all")
    a = ap.parse_args()
    if a.mode == "flow":
        (pandas_flow if a.engine == "pandas" else polars_flow)(a.data, a.out or "bench-out")
        return
    engine_load = pandas_load if a.engine == "pandas" else polars_load
    fields = ALL_FIELDS if a.fields == "all" else FLOW_FIELDS
    def load(layout, data):
        return engine_load(layout, data, fields)
    load(a.layout, a.data)  # warm imports
    for _ in range(a.runs):
        start = time.perf_counter()
        load(a.layout, a.data)
        print(f"{time.perf_counter() - start:.6f}", flush=True)


if __name__ == "__main__":
    main()
