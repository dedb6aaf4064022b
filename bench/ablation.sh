#!/usr/bin/env bash
# Where the report's time goes, by leaving one thing out at a time: the 10 M-row report of
# compare-duckdb.sh (--by week --segment channel --zone Europe/Amsterdam --format json) in full,
# without the trend, without the segment, without the operational columns (a copy of the file whose
# first_response_minutes and resolved_first_contact columns are renamed, so they are not read),
# scores only, and on one thread (--threads 1). Whole-process wall and user CPU time, RUNS runs each
# (default 3), medians. Needs bench/data/r10m.csv (made by compare-duckdb.sh).
#
# usage: bench/ablation.sh [RUNS]
set -euo pipefail
RUNS=${1:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/target/cxmetrics-0.1.0.jar
DATA=$ROOT/bench/data
OUT=$DATA/out
mkdir -p "$OUT"
[ -f "$DATA/r10m.csv" ] || { echo "ablation.sh: run bench/compare-duckdb.sh first (bench/data/r10m.csv)" >&2; exit 2; }
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -Dstyle.color=never package -DskipTests)
if [ ! -f "$DATA/r10m-noops.csv" ] || [ "$DATA/r10m.csv" -nt "$DATA/r10m-noops.csv" ]; then
    { head -1 "$DATA/r10m.csv" | sed 's/first_response_minutes/x_first_response_minutes/; s/resolved_first_contact/x_resolved_first_contact/'
      tail -n +2 "$DATA/r10m.csv"; } > "$DATA/r10m-noops.csv"
fi
Z=(--zone Europe/Amsterdam)
run() { # run NAME FILE ARGS...
    local name=$1 file=$2
    shift 2
    rm -f "$OUT/ablation-$name.times"
    for i in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %U" -a -o "$OUT/ablation-$name.times" java -jar "$JAR" report "$file" "$@" \
            --format json --output "$OUT/ablation.json"
    done
    printf '%-34s %8s %10s\n' "$name" "$(median "$name" 1)" "$(median "$name" 2)"
}
median() {
    awk -v c="$2" '{ print $c }' "$OUT/ablation-$1.times" | sort -g | awk '{ v[NR] = $1 } END {
        if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
echo "machine: $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg); medians of $RUNS runs"
printf '%-34s %8s %10s\n' "variant" "wall (s)" "user (s)"
run "full" "$DATA/r10m.csv" --by week --segment channel "${Z[@]}"
run "no trend (no --by)" "$DATA/r10m.csv" --segment channel "${Z[@]}"
run "no segment" "$DATA/r10m.csv" --by week "${Z[@]}"
run "no operational columns" "$DATA/r10m-noops.csv" --by week --segment channel "${Z[@]}"
run "scores only" "$DATA/r10m-noops.csv" "${Z[@]}"
run "full, --threads 1" "$DATA/r10m.csv" --by week --segment channel "${Z[@]}" --threads 1
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
