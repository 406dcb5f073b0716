#!/usr/bin/env python3
"""Reference vectors for Rolling.mean: pandas `Series.rolling(window).mean()` on long series.

Writes Tests/HedgeCoreTests/Fixtures/rolling/rolling_mean.json (relative to the repository root):
  {"pandas": VERSION, "cases": [{"name", "values", "inf_at", "windows": {W: expected}}]}
`values` holds null for NaN; the positions in `inf_at` hold +inf and those in `neg_inf_at` -inf. Expected means are null where pandas gives NaN. CI does not run this script.
"""
import json, math, os, subprocess, sys

try:
    import numpy as np, pandas as pd
except ImportError:
    subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "numpy", "pandas"])
    import numpy as np, pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "HedgeCoreTests", "Fixtures", "rolling")
N = 1500
WINDOWS = [1, 3, 30, 250]


def short(x):
    """Three significant digits, so the inputs stay small in the fixture."""
    return float(f"{x:.3g}")


def cases():
    rng = np.random.default_rng(20240514)
    # Volumes: integers up to 5e8, zero stretches, NaN gaps (missing days) and a run of equal values.
    v = [float(int(x) // 100 * 100) for x in rng.integers(1_000_000, 500_000_000, N)]
    for i in range(200, 240): v[i] = 0.0
    for i in (90, 91, 500, 1100): v[i] = math.nan
    for i in range(700, 760): v[i] = 123_456_700.0
    yield "volume", v, [], []
    # Large magnitudes: 1e12..1e17 next to small ones, where an uncompensated running sum drifts.
    big = [short(10 ** rng.uniform(12, 17)) if rng.random() < 0.3 else short(rng.uniform(0, 10)) for _ in range(N)]
    for i in range(400, 420): big[i] = math.nan
    big[1000] = math.nan
    yield "large", big, [], []
    # Mixed signs, equal runs, infinities (pandas treats them as NaN), a negative-only stretch.
    m = [short(rng.normal(0, 1) * 10.0 ** int(rng.integers(-6, 9))) for _ in range(N)]
    for i in range(300, 340): m[i] = -abs(m[i]) if m[i] != 0 else -1.0
    for i in range(600, 650): m[i] = 2.5
    for i in range(900, 905): m[i] = math.nan
    yield "mixed", m, [77, 1200], [1300]


def main():
    os.makedirs(OUT, exist_ok=True)
    out = {"pandas": pd.__version__, "cases": []}
    for name, values, inf_at, neg_inf_at in cases():
        full = list(values)
        for i in inf_at: full[i] = math.inf
        for i in neg_inf_at: full[i] = -math.inf
        s = pd.Series(full, dtype="float64")
        expected = {}
        for w in WINDOWS:
            expected[str(w)] = [None if math.isnan(x) else float(x) for x in s.rolling(window=w).mean()]
        out["cases"].append({
            "name": name,
            "values": [None if (isinstance(x, float) and math.isnan(x)) else x for x in values],
            "inf_at": inf_at, "neg_inf_at": neg_inf_at, "windows": expected,
        })
    path = os.path.join(OUT, "rolling_mean.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {os.path.relpath(path, ROOT)} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
