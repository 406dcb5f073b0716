#!/usr/bin/env python3
"""Scale benchmarks of scripts/bench: hedge against pandas and polars on seeded synthetic universes.

Usage: bench-scale.py flow|layouts --bin DIR [--sizes 50x10,500x25] [--runs N] [--work DIR] [--fields all|price-volume]

  flow     For each size (tickers x years), the whole notebook flow as one process per run —
           hedge (release build) running a script, and scripts/bench-peers.py with pandas and with
           polars — alternating the three, N runs each: median wall time, peak RSS (/usr/bin/time),
           ratios, and the scaling exponent of each tool's time over ticker-days between sizes.
  layouts  For each size and layout (per-ticker files, wide, multi-ticker export, long sorted by
           date, long sorted by ticker), loading alone inside one process (hedge-bench load-files;
           pandas and polars timed inside bench-peers.py, imports excluded, after a warm-up load):
           median MB/s; every field, or (--fields price-volume) price and volume only, the other
           columns skipped. hedge's first load in a fresh process is the main figure (ratios use it);
           its second load in the same process, timed as the peers are, is given beside it.

Before every timed run (of every tool) the files are read once, so that each run finds them in the
page cache. Universes are generated once by `hedge-bench universe` into WORK/u<T>x<Y>-s<SEED> (default WORK is
the repository's ignored .build-bench/) and reused.
"""
import argparse, math, os, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PEERS = os.path.join(HERE, "bench-peers.py")
SEED = 14
GENERATOR_VERSION = 1
LAYOUTS = ["per-ticker", "wide", "multi", "long-date", "long-ticker"]


def universe(bench, work, tickers, years):
    folder = os.path.join(work, f"u{tickers}x{years}-s{SEED}-g{GENERATOR_VERSION}")
    stamp = os.path.join(folder, ".complete")
    if not os.path.exists(stamp):
        print(f"generating {tickers} tickers x {years} years into {folder} ...", flush=True)
        subprocess.run([bench, "universe", "--tickers", str(tickers), "--years", str(years),
                        "--seed", str(SEED), "--out", folder], check=True)
        open(stamp, "w").close()
    return folder


def timed(command, env=None):
    """Runs command under /usr/bin/time; returns (seconds, peak RSS in MiB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        result = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", report.name] + command,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        if result.returncode != 0:
            sys.exit(f"bench: {' '.join(command[:3])}… failed:\n{result.stderr.decode()[-2000:]}")
        seconds, kilobytes = report.read().split()[-2:]
    return float(seconds), int(kilobytes) / 1024


def ensure_peers():
    for module in ("pandas", "polars", "statsmodels"):
        if subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True).returncode != 0:
            subprocess.run([sys.executable, "-m", "pip", "install", "-q", module], check=True)


def flow(args, sizes):
    hedge = os.path.join(args.bin, "hedge")
    rows = []
    for tickers, years in sizes:
        data = universe(os.path.join(args.bin, "hedge-bench"), args.work, tickers, years)
        out = tempfile.mkdtemp(prefix="hedge-bench-flow-")
        script = os.path.join(out, "flow.hedge")
        with open(script, "w") as handle:
            handle.write(f"""load {data}/per-ticker/*.csv as u
weight u by volume window 30 exclude QQQ as portfolio
regress portfolio on u.QQQ as model
hedge portfolio with model as hedged
regress hedged on u.QQQ as hedgedmodel
backtest portfolio vs u.QQQ as bt
export portfolio to {out}/portfolio.csv
export hedged to {out}/hedged.csv
export model to {out}/model.json
export bt to {out}/bt.json
""")
        commands = {
            "hedge": [hedge, "-q", script],
            "pandas": [sys.executable, PEERS, "flow", "--engine", "pandas", "--data", data, "--out", out + "/pandas"],
            "polars": [sys.executable, PEERS, "flow", "--engine", "polars", "--data", data, "--out", out + "/polars"],
        }
        times = {name: [] for name in commands}
        rss = {name: [] for name in commands}
        files = [os.path.join(data, "per-ticker", f) for f in sorted(os.listdir(os.path.join(data, "per-ticker")))]
        for _ in range(args.runs):
            for name, command in commands.items():
                warm(files)
                seconds, peak = timed(command)
                times[name].append(seconds)
                rss[name].append(peak)
        days = sum(1 for _ in open(os.path.join(data, "per-ticker", "QQQ.csv"))) - 1
        megabytes = sum(os.path.getsize(os.path.join(data, "per-ticker", f))
                        for f in os.listdir(os.path.join(data, "per-ticker"))) / 1e6
        held = tickers * days * 8 * 2 / 2**20  # price and volume columns, MiB
        row = {"size": f"{tickers} x {years}", "ticker_days": tickers * days, "mb": megabytes, "held": held}
        for name in commands:
            row[name] = statistics.median(times[name])
            row[name + "_rss"] = max(rss[name])
        rows.append(row)
        subprocess.run(["rm", "-rf", out])
    print(f"\n== flow: load, weight (volume, window 30, excluding QQQ), regress, hedge, regress, backtest, export; "
          f"whole process, median of {args.runs} alternating runs ==")
    print("| universe (tickers x years) | CSV MB | hedge s | pandas s | polars s | pandas / hedge | polars / hedge "
          "| hedge peak RSS MiB (x price+volume) | pandas RSS MiB | polars RSS MiB |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(f"| {r['size']} | {r['mb']:.0f} | {r['hedge']:.3f} | {r['pandas']:.3f} | {r['polars']:.3f} "
              f"| {r['pandas'] / r['hedge']:.1f}x | {r['polars'] / r['hedge']:.1f}x "
              f"| {r['hedge_rss']:.0f} ({r['hedge_rss'] / r['held']:.2f}x of {r['held']:.0f}) "
              f"| {r['pandas_rss']:.0f} | {r['polars_rss']:.0f} |")
    if len(rows) >= 2:
        parts = []
        for name in ("hedge", "pandas", "polars"):
            exponents = [math.log(b[name] / a[name]) / math.log(b["ticker_days"] / a["ticker_days"])
                         for a, b in zip(rows, rows[1:])]
            parts.append(f"{name} " + ", ".join(f"{e:.2f}" for e in exponents))
        print("scaling exponent of time over ticker-days (between consecutive sizes; 1 = linear): " + "; ".join(parts))


def warm(paths):
    """Reads the files once, so that every timed run starts with them in the page cache.

    This VM drops cached file pages between runs now and then; without this, whichever tool ran
    first after that paid for the disk (hedge, in the layouts table: the peers read their files in an
    untimed warm-up load inside their process)."""
    buffer = bytearray(1 << 22)
    for path in paths:
        with open(path, "rb", buffering=0) as handle:
            while handle.readinto(buffer):
                pass


def layouts(args, sizes):
    bench = os.path.join(args.bin, "hedge-bench")
    what = "every field" if args.fields == "all" else "price and volume only (what `load` reads; the other columns skipped)"
    print(f"\n== layouts: loading alone, {what}, in-process (imports excluded), median of {args.runs} runs, MB/s of CSV ==")
    print("hedge: its first load in a fresh process (and its slowest and fastest run), then a second load in the "
          "same process, timed as the peers are (after a warm-up load); the ratios use the first load")
    print("| universe | layout | CSV MB | hedge MB/s | hedge slowest–fastest run | hedge MB/s, second load "
          "| pandas MB/s | polars MB/s | hedge / pandas | hedge / polars |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for tickers, years in sizes:
        data = universe(bench, args.work, tickers, years)
        for layout in LAYOUTS:
            if layout == "per-ticker":
                folder = os.path.join(data, "per-ticker")
                files = [os.path.join(folder, f) for f in sorted(os.listdir(folder))]
            else:
                files = [os.path.join(data, layout + ".csv")]
            megabytes = sum(os.path.getsize(f) for f in files) / 1e6
            hedge_times, second_times, pandas_times, polars_times = [], [], [], []
            for _ in range(args.runs):
                only = [] if args.fields == "all" else ["--fields", "price,volume"]
                warm(files)
                out = subprocess.run([bench, "load-files", "--runs", "2"] + only + files, check=True,
                                     capture_output=True, text=True).stdout.splitlines()
                hedge_times.append(float(out[0].split()[0]))
                second_times.append(float(out[1].split()[0]))
                for engine, sink in (("pandas", pandas_times), ("polars", polars_times)):
                    warm(files)
                    out = subprocess.run([sys.executable, PEERS, "load", "--engine", engine, "--layout", layout,
                                          "--data", data, "--runs", "1", "--fields", args.fields], check=True,
                                         capture_output=True,
                                         text=True).stdout
                    sink.append(float(out.split()[-1]))
            h, h2, p, q = (megabytes / statistics.median(t)
                           for t in (hedge_times, second_times, pandas_times, polars_times))
            spread = f"{megabytes / max(hedge_times):.0f}–{megabytes / min(hedge_times):.0f}"
            print(f"| {tickers} x {years} | {layout} | {megabytes:.0f} | {h:.0f} | {spread} | {h2:.0f} | {p:.0f} | {q:.0f} "
                  f"| {h / p:.1f}x | {h / q:.1f}x |", flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("section", choices=["flow", "layouts"])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--sizes", default="50x10,500x25,2000x25")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default=os.path.join(ROOT, ".build-bench"))
    ap.add_argument("--fields", choices=["all", "price-volume"], default="all",
                    help="layouts: load every field, or price and volume only")
    args = ap.parse_args()
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    os.makedirs(args.work, exist_ok=True)
    ensure_peers()
    (flow if args.section == "flow" else layouts)(args, sizes)


if __name__ == "__main__":
    main()
