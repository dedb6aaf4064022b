#!/usr/bin/env python3
"""Draws docs/performance.svg from the saved benchmark results (no plotting library needed).

usage: bench/chart.py COMPARE.txt TALLY.json OUT.svg

COMPARE.txt is the output of bench/compare-duckdb.sh (its median table is read); TALLY.json is
the JMH result of TallyBenchmark (-rf json). Left panel: whole-process wall time, medians, of
cxmetrics and DuckDB on 1 M and 10 M rows. Right panel: tally throughput (G responses/s, mean and
99.9 % error of JMH) of the hand-written loop and TallyAccumulator.addAll.
"""
import json
import re
import sys
from xml.sax.saxutils import escape


def medians(path):
    rows = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^(cxmetrics|duckdb) (1|10) M rows\s+([\d.]+)\s+(\d+)\s*$", line)
        if m:
            rows[(m.group(1), m.group(2))] = (float(m.group(3)), int(m.group(4)))
    return rows


def tally(path):
    out = {}
    for r in json.load(open(path, encoding="utf-8")):
        name = r["benchmark"].rsplit(".", 1)[1]
        dist = r.get("params", {}).get("distribution", "")
        pm = r["primaryMetric"]
        out[(name, dist)] = (pm["score"] / 1e9, pm["scoreError"] / 1e9)
    return out


def bar_panel(x0, title, unit, groups, colors, vmax):
    """groups: [(label, [(series, value, error or None)])]; returns SVG elements."""
    w, h, top, left = 330, 220, 40, 40
    parts = [f'<text x="{x0 + w / 2}" y="20" text-anchor="middle" font-weight="bold">{escape(title)}</text>']
    base = top + h
    parts.append(f'<line x1="{x0 + left}" y1="{base}" x2="{x0 + w}" y2="{base}" stroke="#333"/>')
    for i in range(5):
        v = vmax * i / 4
        y = base - h * i / 4
        parts.append(f'<line x1="{x0 + left}" y1="{y}" x2="{x0 + w}" y2="{y}" stroke="#ddd"/>')
        parts.append(f'<text x="{x0 + left - 4}" y="{y + 4}" text-anchor="end" font-size="10">{v:.3g}</text>')
    parts.append(f'<text x="{x0 + 10}" y="{top + h / 2}" font-size="10" transform="rotate(-90 {x0 + 10} '
                 f'{top + h / 2})" text-anchor="middle">{escape(unit)}</text>')
    slot = (w - left) / len(groups)
    for gi, (label, bars) in enumerate(groups):
        bw = slot * 0.8 / len(bars)
        gx = x0 + left + gi * slot + slot * 0.1
        for bi, (series, value, err) in enumerate(bars):
            bh = h * value / vmax
            bx = gx + bi * bw
            parts.append(f'<rect x="{bx:.1f}" y="{base - bh:.1f}" width="{bw - 2:.1f}" height="{bh:.1f}" '
                         f'fill="{colors[series]}"><title>{escape(series)} {escape(label)}: {value:.3g}</title></rect>')
            parts.append(f'<text x="{bx + (bw - 2) / 2:.1f}" y="{base - bh - 3:.1f}" text-anchor="middle" '
                         f'font-size="9">{value:.3g}</text>')
            if err:
                cx = bx + (bw - 2) / 2
                lo, hi = base - h * max(0, value - err) / vmax, base - h * min(vmax, value + err) / vmax
                parts.append(f'<line x1="{cx:.1f}" y1="{lo:.1f}" x2="{cx:.1f}" y2="{hi:.1f}" stroke="#000"/>')
        parts.append(f'<text x="{gx + slot * 0.4:.1f}" y="{base + 14}" text-anchor="middle" font-size="10">'
                     f'{escape(label)}</text>')
    legend_y = base + 32
    for i, (series, color) in enumerate(colors.items()):
        lx = x0 + left + i * 140
        parts.append(f'<rect x="{lx}" y="{legend_y - 9}" width="10" height="10" fill="{color}"/>')
        parts.append(f'<text x="{lx + 14}" y="{legend_y}" font-size="10">{escape(series)}</text>')
    return parts


def main():
    m = medians(sys.argv[1])
    t = tally(sys.argv[2])
    wall = [("1 M rows", [("cxmetrics", m[("cxmetrics", "1")][0], None), ("DuckDB", m[("duckdb", "1")][0], None)]),
            ("10 M rows", [("cxmetrics", m[("cxmetrics", "10")][0], None),
                           ("DuckDB", m[("duckdb", "10")][0], None)])]
    vmax_wall = max(v for _, bars in wall for _, v, _ in bars) * 1.15
    groups = []
    for label, hand, lib in (("byte[] skewed", "handLoopBytes", "addAllBytes"),
                             ("int[] skewed", "handLoopInts", "addAllInts"),
                             ("byte[] uniform", "handLoopBytes", "addAllBytes")):
        dist = label.split()[1]
        groups.append((label, [("hand loop", t[(hand, dist)][0], t[(hand, dist)][1]),
                               ("TallyAccumulator.addAll", t[(lib, dist)][0], t[(lib, dist)][1])]))
    vmax_tally = max(v + e for _, bars in groups for _, v, e in bars) * 1.1
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="720" height="310" font-family="sans-serif" '
             'font-size="12">', '<rect width="100%" height="100%" fill="white"/>']
    parts += bar_panel(0, "report vs DuckDB, wall time (median)", "seconds", wall,
                       {"cxmetrics": "#1f77b4", "DuckDB": "#ff7f0e"}, vmax_wall)
    parts += bar_panel(370, "tally, one core (JMH, 99.9 % error)", "G responses / s", groups,
                       {"hand loop": "#7f7f7f", "TallyAccumulator.addAll": "#2ca02c"}, vmax_tally)
    parts.append("</svg>")
    with open(sys.argv[3], "w", encoding="utf-8") as f:
        f.write("\n".join(parts) + "\n")


if __name__ == "__main__":
    main()
