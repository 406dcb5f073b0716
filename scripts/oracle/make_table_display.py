#!/usr/bin/env python3
"""Generate pandas' display of the notebook's per-rebalance table, for HedgeShell's table tests.

Writes (relative to the repository root):
  Tests/HedgeShellTests/Golden/pandas_table_<N>.txt   for N in 3, 60, 61, 115

Each file is exactly what the notebook prints (`print("Portfolio and Beta values at each rebalancing:\\n", df)`
with `pd.options.display.float_format = '{:,.2f}'.format` and pandas' default max_rows 60 / min_rows 10)
for a deterministic table: step k (1-based) has portfolio value 1e6 + 12345.678 * k * (-1)**k and beta
(k - 3) * 0.00299 (so small negative betas print as -0.00 or -0.01). The test builds the same rows.
"""
import os

import pandas as pd

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
OUT = os.path.join(ROOT, "Tests", "HedgeShellTests", "Golden")

pd.options.display.float_format = '{:,.2f}'.format
for n in (3, 60, 61, 115):
    steps = range(1, n + 1)
    df = pd.DataFrame({
        "Rebalancing Step": list(steps),
        "Portfolio Value": [1e6 + 12345.678 * k * (-1) ** k for k in steps],
        "Beta Value": [(k - 3) * 0.00299 for k in steps],
    })
    text = "Portfolio and Beta values at each rebalancing:\n " + str(df) + "\n"
    with open(os.path.join(OUT, f"pandas_table_{n}.txt"), "w") as f:
        f.write(text)
print("wrote pandas_table_{3,60,61,115}.txt to", OUT)
