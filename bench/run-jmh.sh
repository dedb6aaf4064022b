#!/usr/bin/env bash
# Runs the JMH benchmarks of docs/performance.md and saves their results under bench/results/.
# Short but honest runs (the machine's 2 cores are shared): 1 s iterations, 3 warm-up and 5
# measured per fork; the tally comparison uses 2 forks. JMH prints the 99.9 % error of each mean.
#
# usage: bench/run-jmh.sh [tally|parse|interval|histogram ...]   (default: tally parse interval)
#
# histogram: HistogramBenchmark (old bucket index against the new one, and the library's addMinutes);
# with BEFORE_JAR=path/to/an/older/cxmetrics.jar it then also runs addMinutes alternately with that jar
# and with this worktree's target/cxmetrics-0.1.0.jar first on the class path (2 rounds), appending to
# results/histogram.txt.
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
            histogram)
                run histogram HistogramBenchmark -f 2 -wi 3 -i 5 -w 1 -r 1
                if [ -n "${BEFORE_JAR:-}" ]; then
                    for round in 1 2; do
                        for side in before after; do
                            jar=$BEFORE_JAR
                            [ "$side" = after ] && jar=$ROOT/target/cxmetrics-0.1.0.jar
                            echo "== addMinutes, library $side ($jar), round $round (load average $(cut -d' ' -f1-3 /proc/loadavg))" \
                                | tee -a "$RESULTS/histogram.txt"
                            java -cp "$jar:$BENCH/target/benchmarks.jar" org.openjdk.jmh.Main 'HistogramBenchmark.addMinutes' \
                                -f 2 -wi 3 -i 5 -w 1 -r 1 2>&1 | grep -E '^(Benchmark |HistogramBenchmark|.*library: )' \
                                | tee -a "$RESULTS/histogram.txt"
                        done
                    done
                fi
                ;;
            *) echo "run-jmh.sh: unknown benchmark $w (tally, parse, interval, histogram)" >&2; exit 2 ;;
        esac
    done
done
