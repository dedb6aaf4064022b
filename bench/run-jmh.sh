#!/usr/bin/env bash
# Runs the JMH benchmarks of docs/performance.md and saves their results under bench/results/.
# Short but honest runs (the machine's 2 cores are shared): 1 s iterations, 3 warm-up and 5
# measured per fork; the tally comparison uses 2 forks. JMH prints the 99.9 % error of each mean.
#
# usage: bench/run-jmh.sh [tally|parse|interval ...]   (default: all three)
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
RESULTS=$BENCH/results
mkdir -p "$RESULTS"
if [ ! -f "$BENCH/target/benchmarks.jar" ]; then
    (cd "$ROOT" && mvn -B -q install -DskipTests)
    (cd "$BENCH" && mvn -B -q package)
fi
run() { # run NAME CLASS JMH-OPTIONS...
    local name=$1 class=$2
    shift 2
    echo "== $class (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    java -jar "$BENCH/target/benchmarks.jar" "$class" "$@" -rf json -rff "$RESULTS/$name.json" \
        > "$RESULTS/$name.txt" 2>&1
    sed -n '/^Benchmark /,$p' "$RESULTS/$name.txt" | grep -v '^Benchmark result is saved'
    echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS/$name.txt"
}
for what in "${@:-tally parse interval}"; do
    for w in $what; do
        case $w in
            tally) run tally TallyBenchmark -f 2 -wi 3 -i 5 -w 1 -r 1 ;;
            parse) run parse ParseBenchmark -f 1 -wi 3 -i 5 -w 2 -r 2 ;;
            interval) run interval IntervalBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1 ;;
            *) echo "run-jmh.sh: unknown benchmark $w (tally, parse, interval)" >&2; exit 2 ;;
        esac
    done
done
