#!/usr/bin/env python3
"""Checks that cxmetrics and DuckDB computed the same numbers (for compare-duckdb.sh).

usage: check_results.py CXMETRICS.json DUCKDB.csv [TOLERANCE]

Compares, per ISO week x channel and for the week totals, channel totals and grand total, the n
and the score of NPS (points), CSAT (% satisfied) and CES (mean): every n must be equal and every
score within TOLERANCE (default 1e-9, absolute). A group or metric with n = 0 on one side must have
n = 0 (or be absent) on the other. Exits 1 and prints the first differences if anything differs.
"""
import csv
import json
import sys

METRICS = ("nps", "csat", "ces")


def cxmetrics_groups(path):
    report = json.load(open(path, encoding="utf-8"))
    groups = {}

    def put(week, channel, metrics):
        groups[(week, channel)] = {m: (metrics[m]["n"], metrics[m]["score"]) for m in METRICS}

    put("*", "*", report["overall"])
    for p in report["trend"]:
        put(p["period"], "*", p["metrics"])
    for s in report["segments"]["channel"]:
        put("*", s["segment"], s["metrics"])
        for p in s["trend"]:
            put(p["period"], s["segment"], p["metrics"])
    return groups


def duckdb_groups(path):
    groups = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            groups[(row["week"], row["channel"])] = {
                m: (int(row[m + "_n"]), float(row[m]) if row[m] != "" else None) for m in METRICS}
    return groups


def main():
    cx = cxmetrics_groups(sys.argv[1])
    dk = duckdb_groups(sys.argv[2])
    tol = float(sys.argv[3]) if len(sys.argv) > 3 else 1e-9
    empty = {m: (0, None) for m in METRICS}
    problems = []
    compared = 0
    worst = 0.0
    for key in sorted(set(cx) | set(dk)):
        a = cx.get(key, empty)
        b = dk.get(key, empty)
        for m in METRICS:
            (na, sa), (nb, sb) = a[m], b[m]
            if na != nb:
                problems.append(f"{key} {m}: n {na} (cxmetrics) vs {nb} (duckdb)")
            elif na > 0:
                if sa is None or sb is None:
                    problems.append(f"{key} {m}: score {sa} (cxmetrics) vs {sb} (duckdb)")
                    continue
                diff = abs(sa - sb)
                worst = max(worst, diff)
                compared += 1
                if not diff <= tol:
                    problems.append(f"{key} {m}: score {sa!r} (cxmetrics) vs {sb!r} (duckdb), |diff| {diff:.3g}")
    if problems:
        print(f"MISMATCH: {len(problems)} differences", *problems[:20], sep="\n  ")
        sys.exit(1)
    weeks = len({w for w, c in cx if w != "*"})
    channels = len({c for w, c in cx if c != "*"})
    print(f"agree: {compared} scores over {weeks} weeks x {channels} channels (+ totals), "
          f"max |diff| {worst:.2g} <= {tol:g}")


if __name__ == "__main__":
    main()
