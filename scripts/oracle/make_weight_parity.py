#!/usr/bin/env python3
"""Parity fixtures for days with no weighted constituent (issue 8, defect 1).

Writes small yfinance-style CSV sets under Tests/HedgeCoreTests/Fixtures/parity/<case>/ and runs the
notebook's own code on them (../shared/oracle/seed_reference.py, i.e. pandas + statsmodels) to produce
<case>/reference.json. Cases:
  late_basket          the basket starts after the benchmark (one ticker later than the other)
  benchmark_only_date  two dates present only in the benchmark file (and one missing from one ticker)
  zero_volume          the whole basket trades zero volume for longer than the window (and one ticker alone later)

The reference keeps NaN weights as JSON null and drops the summaries' printed text (it holds the clock).
Usage: scripts/oracle/make_weight_parity.py   (from anywhere; needs ../shared next to the repository)
"""
import json, math, os, subprocess, sys

try:
    import numpy as np, pandas, statsmodels  # noqa: F401
except ImportError:
    subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "numpy", "pandas", "statsmodels"])
    import numpy as np, pandas

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ORACLE = os.path.join(os.path.dirname(REPO), "shared", "oracle", "seed_reference.py")
OUT = os.path.join(REPO, "Tests", "HedgeCoreTests", "Fixtures", "parity")
DAYS = 160
WINDOW = 10
REBALANCE = 20


def business_days(n):
    return [d.strftime("%Y-%m-%d") for d in pandas.bdate_range("2024-01-02", periods=n)]


def random_walk(rng, n, start, vol):
    steps = rng.normal(0.0004, vol, n)
    return [float(np.float32(start * math.exp(s))) for s in np.cumsum(steps)]


def volumes(rng, n, scale):
    return [float(v) for v in (rng.integers(scale // 2, scale * 2, n) // 100 * 100)]


def write_csv(path, dates, prices, vols, keep):
    with open(path, "w") as f:
        f.write("Date,Adj Close,Close,Volume\n")
        for i, d in enumerate(dates):
            if keep(i):
                f.write(f"{d},{prices[i]!r},{prices[i] * 1.01!r},{vols[i]!r}\n")


def make_case(name, build):
    directory = os.path.join(OUT, name)
    os.makedirs(directory, exist_ok=True)
    rng = np.random.default_rng(sum(map(ord, name)))
    dates = business_days(DAYS)
    qqq = random_walk(rng, DAYS, 400, 0.012)
    aaa = random_walk(rng, DAYS, 150, 0.02)
    bbb = random_walk(rng, DAYS, 80, 0.025)
    vq, va, vb = volumes(rng, DAYS, 40_000_000), volumes(rng, DAYS, 60_000_000), volumes(rng, DAYS, 90_000_000)
    build(directory, dates, (qqq, vq), (aaa, va), (bbb, vb))
    subprocess.check_call([sys.executable, ORACLE, ".", "--tickers", "AAA,BBB", "--benchmark", "QQQ",
                           "--start", dates[0], "--window", str(WINDOW), "--rebalance", str(REBALANCE),
                           "--out", "reference.json"], cwd=directory)
    path = os.path.join(directory, "reference.json")
    with open(path) as f:
        ref = json.load(f)

    def clean(value):
        if isinstance(value, float) and math.isnan(value):
            return None
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if k != "summary"}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    ref = clean(ref)
    ref["params"]["data_dir"] = "."
    ref["unweighted_days"] = unweighted_days(directory, dates[0])
    with open(path, "w") as f:
        json.dump(ref, f, indent=1)
        f.write("\n")


def unweighted_days(directory, start):
    """Days of the notebook's portfolio series on which no basket ticker has both a return and a lagged
    weight (its row sum adds nothing and gives 0.0), with the notebook's own expressions."""
    frames = {t: pandas.read_csv(f"{directory}/{t}.csv", parse_dates=["Date"]).set_index("Date") for t in ("AAA", "BBB")}
    price = pandas.DataFrame({t: f["Adj Close"] for t, f in frames.items()}).sort_index()
    volume = pandas.DataFrame({t: f["Volume"] for t, f in frames.items()}).sort_index()
    qqq = pandas.read_csv(f"{directory}/QQQ.csv", parse_dates=["Date"]).set_index("Date")
    index = price.index.union(qqq.index)  # the outer join with the benchmark, as yf.download gives
    price, volume = price.reindex(index), volume.reindex(index)
    price, volume = price[price.index >= start], volume[volume.index >= start]
    avg_volume = volume.rolling(window=WINDOW).mean()
    weights = avg_volume.div(avg_volume.sum(axis=1), axis=0)
    terms = price.pct_change() * weights.shift(1)
    return int((terms.notna().sum(axis=1) == 0)[WINDOW:].sum())


def late_basket(directory, dates, q, a, b):
    write_csv(f"{directory}/QQQ.csv", dates, *q, lambda i: True)
    write_csv(f"{directory}/AAA.csv", dates, *a, lambda i: i >= 25)
    write_csv(f"{directory}/BBB.csv", dates, *b, lambda i: i >= 40)


def benchmark_only_date(directory, dates, q, a, b):
    write_csv(f"{directory}/QQQ.csv", dates, *q, lambda i: True)
    write_csv(f"{directory}/AAA.csv", dates, *a, lambda i: i not in (60, 100, 120))
    write_csv(f"{directory}/BBB.csv", dates, *b, lambda i: i not in (60, 100))


def zero_volume(directory, dates, q, a, b):
    a_vol = [0.0 if 50 <= i < 70 or 100 <= i < 115 else v for i, v in enumerate(a[1])]
    b_vol = [0.0 if 50 <= i < 70 else v for i, v in enumerate(b[1])]
    write_csv(f"{directory}/QQQ.csv", dates, *q, lambda i: True)
    write_csv(f"{directory}/AAA.csv", dates, a[0], a_vol, lambda i: True)
    write_csv(f"{directory}/BBB.csv", dates, b[0], b_vol, lambda i: True)


if __name__ == "__main__":
    for case in (late_basket, benchmark_only_date, zero_volume):
        make_case(case.__name__, case)
        print(f"wrote {os.path.relpath(os.path.join(OUT, case.__name__), REPO)}")
