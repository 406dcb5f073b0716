#!/usr/bin/env python3
"""Writes the Yahoo chart-API fixtures the fetch tests serve from a loopback server, and the
yfinance-layout CSVs that the same bars give when yfinance downloads them.

The JSON is in the shape of `GET /v8/finance/chart/SYMBOL?...&events=div,splits&includeAdjustedClose=true`.
The CSVs are what `yf.download(sym, actions=True, auto_adjust=False, multi_level_index=False).to_csv()`
writes: dates converted with pandas in the exchange's time zone, columns in yfinance's order.

Run from the repository root:  python3 scripts/oracle/yahoo_fixtures.py
"""
import json
import os

try:
    import numpy as np
    import pandas as pd
except ImportError:  # pragma: no cover
    os.system("pip install -q numpy pandas")
    import numpy as np
    import pandas as pd

OUT = os.path.join("Tests", "HedgeFetchTests", "Fixtures", "yahoo")

# symbol, exchange time zone, local opening time, first day, business days, start price,
# dividends (index into the days, amount), splits (index, numerator, denominator), null rows
SPECS = [
    ("SYNQ", "America/New_York", "09:30", "2024-01-02", 70, 180.0, [(20, 0.24), (55, 0.25)], [(40, 4, 1)], [33]),
    ("VOD.L", "Europe/London", "08:00", "2024-03-01", 50, 71.5, [(30, 2.1)], [], []),
    ("^GSPC", "America/New_York", "09:30", "2024-01-02", 70, 4700.0, [], [], []),
    ("BRK-B", "America/New_York", "09:30", "2024-01-08", 60, 360.0, [], [], []),
]


def build(symbol, zone, opening, first, count, start, dividends, splits, nulls, seed):
    rng = np.random.default_rng(seed)
    days = pd.bdate_range(first, periods=count)
    local = pd.DatetimeIndex([pd.Timestamp(f"{d.date()} {opening}") for d in days]).tz_localize(zone)
    stamps = np.array([int(t.timestamp()) for t in local])
    close = start * np.exp(np.cumsum(rng.normal(0, 0.015, count)))
    open_ = close * np.exp(rng.normal(0, 0.005, count))
    high = np.maximum(open_, close) * (1 + np.abs(rng.normal(0, 0.004, count)))
    low = np.minimum(open_, close) * (1 - np.abs(rng.normal(0, 0.004, count)))
    volume = rng.integers(1_000_000, 90_000_000, count).astype(float)
    factor = np.ones(count)
    for index, amount in dividends:
        factor[:index] *= 1 - amount / close[index - 1]
    adj = close * factor
    frame = {
        "open": open_.tolist(), "high": high.tolist(), "low": low.tolist(), "close": close.tolist(),
        "volume": [int(v) for v in volume], "adjclose": adj.tolist(),
    }
    for row in nulls:
        for key in frame:
            frame[key][row] = None
    events = {}
    if dividends:
        events["dividends"] = {str(int(stamps[i])): {"amount": a, "date": int(stamps[i])} for i, a in dividends}
    if splits:
        events["splits"] = {str(int(stamps[i])): {"date": int(stamps[i]), "numerator": n, "denominator": d,
                                                  "splitRatio": f"{n}:{d}"} for i, n, d in splits}
    offset = int(local[0].utcoffset().total_seconds())
    chart = {"chart": {"result": [{
        "meta": {"currency": "USD", "symbol": symbol, "exchangeName": "FIX", "instrumentType": "EQUITY",
                 "gmtoffset": offset, "timezone": "FIX", "exchangeTimezoneName": zone,
                 "dataGranularity": "1d", "range": ""},
        "timestamp": [int(s) for s in stamps],
        "events": events,
        "indicators": {"quote": [{k: frame[k] for k in ("open", "high", "low", "close", "volume")}],
                       "adjclose": [{"adjclose": frame["adjclose"]}]},
    }], "error": None}}

    # What yfinance writes for the same bars: the index is the exchange-local date.
    index = pd.to_datetime(stamps, unit="s", utc=True).tz_convert(zone).normalize().tz_localize(None)
    df = pd.DataFrame({
        "Adj Close": frame["adjclose"], "Close": frame["close"], "Dividends": 0.0, "High": frame["high"],
        "Low": frame["low"], "Open": frame["open"], "Stock Splits": 0.0, "Volume": frame["volume"],
    }, index=pd.DatetimeIndex(index, name="Date")).astype(float)
    for i, amount in dividends:
        df.iloc[i, df.columns.get_loc("Dividends")] = amount
    for i, n, d in splits:
        df.iloc[i, df.columns.get_loc("Stock Splits")] = n / d
    df = df.drop(index=df.index[nulls])  # yfinance drops rows without any price
    return chart, df


def main():
    os.makedirs(os.path.join(OUT, "chart"), exist_ok=True)
    os.makedirs(os.path.join(OUT, "csv"), exist_ok=True)
    for seed, spec in enumerate(SPECS):
        chart, df = build(*spec, seed=seed + 12)
        symbol = spec[0]
        with open(os.path.join(OUT, "chart", symbol + ".json"), "w") as f:
            json.dump(chart, f, separators=(",", ":"))
        df.to_csv(os.path.join(OUT, "csv", symbol + ".csv"), date_format="%Y-%m-%d", float_format=lambda x: repr(float(x)))


if __name__ == "__main__":
    main()
