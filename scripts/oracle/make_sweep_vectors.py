#!/usr/bin/env python3
"""Generate reference vectors for the sweep grammar, the robustness rule and walk-forward folds
(issue 11), written from the issue's specification:

  * range START..END step STEP: values start + i*step for i = 0, 1, ... while <= end, computed in exact
    decimal arithmetic (Python's decimal module) and then converted to the nearest double;
  * neighbour median: median (numpy) of the finite metric values of the cells one index away in exactly
    one parameter; isolated peak: best - around > 0.5 * (best - median of all finite cells), edge > 0;
  * walk-forward folds: train on N rows, test the next M (fewer at the end), move by M.

Writes Tests/HedgeCoreTests/Fixtures/sweep/sweep_vectors.json. Requires numpy. CI does not run this
script; the JSON is committed. NaN is written as null.
"""
import itertools
import json
import math
import os
from decimal import Decimal

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "HedgeCoreTests", "Fixtures", "sweep")


def num(x):
    x = float(x)
    return x if math.isfinite(x) else None


def decimal_range(start, end, step):
    s, e, d = Decimal(start), Decimal(end), Decimal(step)
    out, i = [], 0
    while s + i * d <= e:
        out.append(float(s + i * d))
        i += 1
    return out


RANGES = [("0", "0.3", "0.1"), ("5", "60", "5"), ("0", "0.001", "0.0001"), ("0.25", "2", "0.25"),
          ("0", "1", "0.07"), ("1", "2", "0.1"), ("-0.05", "0.05", "0.01"), ("0", "0.01", "0.0005"),
          ("20", "250", "10"), ("0.001", "0.0101", "0.0003"), ("0.1", "0.7", "0.1"), ("1e-4", "1e-3", "1e-4")]


def robustness_case(name, shape, values, higher=True):
    arr = np.array(values, dtype=float).reshape(shape)
    sign = 1.0 if higher else -1.0
    medians = []
    for idx in itertools.product(*[range(n) for n in shape]):
        nb = []
        for a in range(len(shape)):
            for delta in (-1, 1):
                j = list(idx)
                j[a] += delta
                if 0 <= j[a] < shape[a]:
                    v = arr[tuple(j)]
                    if np.isfinite(v):
                        nb.append(v)
        medians.append(np.median(nb) if nb else float("nan"))
    flat = arr.reshape(-1)
    finite = np.isfinite(flat)
    oriented = np.where(finite, sign * flat, -np.inf)
    best = int(np.argmax(oriented))  # first maximum in C (row-major) order
    typical = float(np.median(flat[finite]))
    around = medians[best]
    edge = sign * (flat[best] - typical)
    lost = sign * (flat[best] - around)
    isolated = bool(np.isfinite(around) and edge > 0 and lost > 0.5 * edge)
    return {"name": name, "shape": list(shape), "higherIsBetter": higher, "values": [num(v) for v in flat],
            "neighbourMedians": [num(m) for m in medians], "bestIndex": best, "typical": typical,
            "isolated": isolated}


def robustness_cases():
    rng = np.random.default_rng(11)
    cases = []
    plateau = [[0.2, 0.3, 0.35, 0.3], [0.3, 0.9, 1.0, 0.95], [0.3, 0.95, 0.98, 0.9]]
    cases.append(robustness_case("plateau", (3, 4), sum(plateau, [])))
    spike = np.full((5, 6), 0.4) + rng.normal(0, 0.02, (5, 6))
    spike[2, 3] = 1.5
    cases.append(robustness_case("spike", (5, 6), spike.reshape(-1).tolist()))
    with_nan = rng.normal(0.5, 0.3, (4, 7))
    with_nan[1, 2] = np.nan
    with_nan[3, 6] = np.nan
    with_nan[0, 0] = np.nan
    cases.append(robustness_case("random-nan", (4, 7), with_nan.reshape(-1).tolist()))
    cases.append(robustness_case("three-d", (3, 4, 2), rng.normal(0, 1, 24).tolist()))
    cases.append(robustness_case("one-d-ramp5", (5,), [0, 1, 2, 3, 4]))
    cases.append(robustness_case("one-d-ramp4", (4,), [0, 1, 2, 3]))
    cases.append(robustness_case("lower-better", (3, 3), [0.2, 0.15, 0.3, 0.25, 0.05, 0.22, 0.3, 0.21, 0.28], higher=False))
    cases.append(robustness_case("flat", (2, 3), [1, 1, 1, 1, 1, 1]))
    cases.append(robustness_case("ties", (2, 2), [1, 2, 2, 0]))
    return cases


def folds(n_rows, start, train, test):
    out, a = [], start
    while a + train < start + n_rows:
        t0 = a + train
        out.append([a, t0, t0, min(t0 + test, start + n_rows)])
        a += test
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    data = {
        "ranges": [{"start": s, "end": e, "step": d, "values": decimal_range(s, e, d)} for s, e, d in RANGES],
        "robustness": robustness_cases(),
        "folds": [{"start": st, "rows": n, "train": tr, "test": te, "folds": folds(n, st, tr, te)}
                  for st, n, tr, te in [(0, 100, 30, 10), (60, 1000, 252, 63), (5, 50, 20, 7), (0, 31, 30, 5),
                                        (10, 200, 1, 1), (0, 40, 10, 100)]],
    }
    with open(os.path.join(OUT, "sweep_vectors.json"), "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
