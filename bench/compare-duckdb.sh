#!/usr/bin/env bash
# Peer comparison of issue 6: `cxmetrics report FILE --by week --segment channel --zone
# Europe/Amsterdam --format json` against DuckDB (duckdb_jdbc 1.4.2.0, threads = 2) computing the
# same numbers, on the 10 M-row export of GenResponses (--seed 7). Whole-process wall time and peak
# RSS of both, measured with /usr/bin/time -v, the two sides alternating RUNS times; every week x
# channel NPS, CSAT % and CES mean (and the totals) must agree to 1e-9.
#
# Also: the 1 M-row file (time linear in rows, RSS flat) and the startup on the bundled example.
#
# usage: bench/compare-duckdb.sh [RUNS]       (RUNS >= 3, default 3)
# env:   GEN=path/to/GenResponses.java   ZONE=Europe/Amsterdam   DUCKDB_THREADS=2
#
# The last line is the ratio of the medians: `duckdb/cxmetrics = X.Y` (> 1: cxmetrics is faster).
set -euo pipefail

RUNS=${1:-3}
if [ "$RUNS" -lt 3 ]; then
    echo "compare-duckdb.sh: RUNS must be at least 3, got $RUNS" >&2
    exit 2
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/bench
DATA=$BENCH/data
OUT=$BENCH/data/out
ZONE=${ZONE:-Europe/Amsterdam}
DUCKDB_THREADS=${DUCKDB_THREADS:-2}
CX_JAR=$ROOT/target/cxmetrics-0.1.0.jar
BENCH_JAR=$BENCH/target/benchmarks.jar
EXAMPLE=$ROOT/docs/examples/responses.csv
mkdir -p "$DATA" "$OUT"

# --- build what is missing or stale -----------------------------------------------------------
stale() { # stale JAR DIR...: the jar is missing or a file under DIR is newer
    local jar=$1
    shift
    [ ! -f "$jar" ] || [ -n "$(find "$@" -newer "$jar" -type f -print -quit)" ]
}
if stale "$CX_JAR" "$ROOT/src/main" "$ROOT/pom.xml"; then
    echo "building cxmetrics ..." >&2
    (cd "$ROOT" && mvn -B -q -Dstyle.color=never install -DskipTests)
fi
if stale "$BENCH_JAR" "$BENCH/src" "$BENCH/pom.xml" "$CX_JAR"; then
    echo "building the benchmarks ..." >&2
    (cd "$BENCH" && mvn -B -q -Dstyle.color=never package)
fi

# --- data -------------------------------------------------------------------------------------
if [ -z "${GEN:-}" ]; then
    for candidate in "$ROOT/../shared/bench/GenResponses.java" "$ROOT/../../shared/bench/GenResponses.java"; do
        if [ -f "$candidate" ]; then GEN=$candidate; break; fi
    done
fi
generate() { # generate ROWS FILE
    if [ ! -f "$2" ]; then
        if [ -z "${GEN:-}" ] || [ ! -f "$GEN" ]; then
            echo "compare-duckdb.sh: GenResponses.java not found; set GEN=path/to/GenResponses.java" >&2
            exit 2
        fi
        echo "generating $2 ($1 rows) ..." >&2
        java "$GEN" --rows "$1" --seed 7 --out "$2.tmp"
        mv "$2.tmp" "$2"
    fi
}
generate 1000000 "$DATA/r1m.csv"
generate 10000000 "$DATA/r10m.csv"

# --- measuring --------------------------------------------------------------------------------
# timed NAME OUTFILE CMD...: runs CMD under /usr/bin/time -v, appends "seconds kbytes" to
# $OUT/NAME.times
timed() {
    local name=$1 log=$OUT/$1.time.log
    shift
    /usr/bin/time -v -o "$log" "$@"
    awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
        /Maximum resident set size/ { rss = $2 }
        END { printf "%.3f %d\n", s, rss }' "$log" >> "$OUT/$name.times"
}
cx() { # cx NAME FILE
    timed "$1" java -jar "$CX_JAR" report "$2" --by week --segment channel --zone "$ZONE" --format json \
        --output "$OUT/$1.json"
}
duck() { # duck NAME FILE
    timed "$1" java -cp "$BENCH_JAR" io.github.cxmetrics.bench.DuckDbReport "$2" "$OUT/$1.csv" "$ZONE" \
        "$DUCKDB_THREADS"
}
median() { # median NAME COLUMN(1 = seconds, 2 = kbytes)
    awk -v c="$2" '{ print $c }' "$OUT/$1.times" | sort -g | awk '{ v[NR] = $1 } END {
        if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
peak() { # peak NAME: the largest max RSS, in MB
    awk '$2 > m { m = $2 } END { printf "%.0f\n", m / 1024 }' "$OUT/$1.times"
}
rm -f "$OUT"/*.times

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
    "$(java -version 2>&1 | head -1), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "startup: bundled example ($RUNS runs)"
for i in $(seq "$RUNS"); do
    cx startup "$EXAMPLE"
done

echo "1 M rows: cxmetrics and duckdb alternately ($RUNS runs each)"
for i in $(seq "$RUNS"); do
    cx cx1m "$DATA/r1m.csv"
    duck duck1m "$DATA/r1m.csv"
    echo "  run $i: cxmetrics $(tail -1 "$OUT/cx1m.times" | cut -d' ' -f1) s," \
        "duckdb $(tail -1 "$OUT/duck1m.times" | cut -d' ' -f1) s;" \
        "$(python3 "$BENCH/check_results.py" "$OUT/cx1m.json" "$OUT/duck1m.csv")"
done

echo "10 M rows: cxmetrics and duckdb alternately ($RUNS runs each)"
for i in $(seq "$RUNS"); do
    cx cx10m "$DATA/r10m.csv"
    duck duck10m "$DATA/r10m.csv"
    echo "  run $i: cxmetrics $(tail -1 "$OUT/cx10m.times" | cut -d' ' -f1) s," \
        "duckdb $(tail -1 "$OUT/duck10m.times" | cut -d' ' -f1) s;" \
        "$(python3 "$BENCH/check_results.py" "$OUT/cx10m.json" "$OUT/duck10m.csv")"
done

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "all runs (seconds, max RSS kB):"
for name in startup cx1m duck1m cx10m duck10m; do
    echo "  $name: $(tr '\n' ';' < "$OUT/$name.times" | sed 's/;$//; s/;/; /g')"
done
echo
printf '%-32s %12s %14s\n' "median of $RUNS" "wall (s)" "peak RSS (MB)"
printf '%-32s %12s %14s\n' "startup, bundled example" "$(median startup 1)" "$(peak startup)"
printf '%-32s %12s %14s\n' "cxmetrics 1 M rows" "$(median cx1m 1)" "$(peak cx1m)"
printf '%-32s %12s %14s\n' "duckdb 1 M rows" "$(median duck1m 1)" "$(peak duck1m)"
printf '%-32s %12s %14s\n' "cxmetrics 10 M rows" "$(median cx10m 1)" "$(peak cx10m)"
printf '%-32s %12s %14s\n' "duckdb 10 M rows" "$(median duck10m 1)" "$(peak duck10m)"
echo
awk -v a="$(median cx10m 1)" -v b="$(median cx1m 1)" \
    'BEGIN { printf "linearity: cxmetrics 10 M / 1 M = %.1f (target <= 11)\n", a / b }'
awk -v a="$(peak cx10m)" -v b="$(peak cx1m)" \
    'BEGIN { printf "RSS: cxmetrics 10 M / 1 M = %.2f (%d MB vs %d MB; target <= 300 MB and flat)\n", a / b, a, b }'
awk -v s="$(median startup 1)" 'BEGIN { printf "startup: %.2f s (target < 0.5 s)\n", s }'
awk -v d="$(median duck10m 1)" -v c="$(median cx10m 1)" 'BEGIN { printf "duckdb/cxmetrics = %.1f\n", d / c }'
