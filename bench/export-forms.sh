#!/usr/bin/env bash
# Issue 14's speed goal: the report of one 2 M-row export in the forms real exports come in, side by
# side. `plain` is GenResponses' file (--rows 2000000 --seed 7, UTF-8, no quotes); `quoted` the same
# rows with every field quoted; `strings` with the text fields quoted (as R's write.csv); `cp1252` the
# rows with French channel names in windows-1252; `accents` that text in UTF-8 (ExportCopies.java makes
# the copies). Goals: quoted <= 1.25 x plain, cp1252 <= 1.5 x
# plain, the same numbers.
#
# 1. JMH (ExportFormsBenchmark: Report.generate in process, all cores, encoding detected), one run
#    of each form after the other (the order reversed in every other of JMH_ROUNDS runs, default 1).
# 2. The same in one process with the forms interleaved (ExportFormsTiming: every round runs each
#    form once, in rotating order; 6 rounds of warm-up, 14 counted): on a machine shared with other
#    work, the median of the rounds' ratios is the steadier number.
# 3. Whole processes, as a user runs them: `java -jar … report FILE --by week --segment channel
#    --zone Europe/Amsterdam --format json`, wall and user CPU time, ROUNDS rounds alternating the
#    forms, and with BEFORE_JAR=path/to/an/older/cxmetrics.jar alternating with that library too;
#    the JSON of every form must equal plain's (quoted, strings) or accents' (cp1252) but for the file
#    name, encoding and the note on it, or the script stops.
# Results: bench/results/export-forms.txt (and .json per JMH run).
#
# usage: bench/export-forms.sh [ROUNDS]     (default 2)
# env:   GEN=path/to/GenResponses.java   BEFORE_JAR=path/to/older/cxmetrics-0.1.0.jar
set -euo pipefail
ROUNDS=${1:-2}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/bench
DATA=$BENCH/data
OUT=$DATA/out
RESULTS=$BENCH/results
CX_JAR=$ROOT/target/cxmetrics-0.1.0.jar
BENCH_JAR=$BENCH/target/benchmarks.jar
TXT=$RESULTS/export-forms.txt
FORMS=(plain quoted strings cp1252 accents)
mkdir -p "$DATA" "$OUT" "$RESULTS"

stale() { # stale JAR DIR...: the jar is missing or a file under DIR is newer
    local jar=$1
    shift
    [ ! -f "$jar" ] || [ -n "$(find "$@" -newer "$jar" -type f -print -quit)" ]
}
if stale "$CX_JAR" "$ROOT/src/main" "$ROOT/pom.xml"; then
    (cd "$ROOT" && mvn -B -q -Dstyle.color=never install -DskipTests)
fi
if stale "$BENCH_JAR" "$BENCH/src" "$BENCH/pom.xml" "$CX_JAR"; then
    (cd "$BENCH" && mvn -B -q -Dstyle.color=never package)
fi

if [ ! -f "$DATA/r2m.csv" ]; then
    if [ -z "${GEN:-}" ]; then
        for candidate in "$ROOT/../shared/bench/GenResponses.java" "$ROOT/../../shared/bench/GenResponses.java"; do
            if [ -f "$candidate" ]; then GEN=$candidate; break; fi
        done
    fi
    [ -n "${GEN:-}" ] && [ -f "$GEN" ] || { echo "export-forms.sh: set GEN=path/to/GenResponses.java" >&2; exit 2; }
    java "$GEN" --rows 2000000 --seed 7 --out "$DATA/r2m.csv.tmp" && mv "$DATA/r2m.csv.tmp" "$DATA/r2m.csv"
fi
java "$BENCH/src/main/java/io/github/cxmetrics/bench/ExportCopies.java" "$DATA/r2m.csv"
file() { # file FORM
    if [ "$1" = plain ]; then echo "$DATA/r2m.csv"; else echo "$DATA/r2m-$1.csv"; fi
}

{
    echo "# bench/export-forms.sh $ROUNDS on $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
    for f in "${FORMS[@]}"; do echo "# $f: $(file "$f") ($(stat -c %s "$(file "$f")") bytes)"; done
} > "$TXT"

jmh() { # jmh LABEL JAR FORMS
    local label=$1 jar=$2 forms=$3
    echo "== JMH $label, forms $forms (load average $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$TXT"
    java -cp "$jar:$BENCH_JAR" org.openjdk.jmh.Main ExportFormsBenchmark -p form="$forms" \
        -p export="$DATA/r2m.csv" -f 1 -wi 3 -i 4 -w 3 -r 3 -rf json -rff "$RESULTS/export-forms-$label.json" 2>&1 \
        | grep -E '^(Benchmark|ExportFormsBenchmark)' | tee -a "$TXT"
}
for round in $(seq "${JMH_ROUNDS:-1}"); do
    order=plain,quoted,strings,cp1252,accents
    [ $((round % 2)) -eq 0 ] && order=accents,cp1252,strings,quoted,plain
    jmh "$round" "$CX_JAR" "$order"
done

echo "== interleaved in one process, ms per report (load average $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$TXT"
java -cp "$CX_JAR:$BENCH_JAR" io.github.cxmetrics.bench.ExportFormsTiming "$DATA/r2m.csv" 6 14 | tee -a "$TXT"

echo "== whole process: wall s, user s (load average $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$TXT"
sides=(after)
[ -n "${BEFORE_JAR:-}" ] && sides+=(before)
comparable() { # comparable JSON: without the lines that name the file and its encoding
    grep -v -E '^    "(file|encoding)":' "$1" | sed '/^    "notes": \[/,/^    \],/d'
}
for round in $(seq "$ROUNDS"); do
    for side in "${sides[@]}"; do
        jar=$CX_JAR
        [ "$side" = before ] && jar=$BEFORE_JAR
        for f in "${FORMS[@]}"; do
            /usr/bin/time -f "%e %U" -o "$OUT/forms.time" java -jar "$jar" report "$(file "$f")" --by week \
                --segment channel --zone Europe/Amsterdam --format json --output "$OUT/forms-$side-$f.json"
            echo "$side $f round $round: $(cat "$OUT/forms.time")" | tee -a "$TXT"
        done
        for q in quoted strings; do
            cmp <(comparable "$OUT/forms-$side-plain.json") <(comparable "$OUT/forms-$side-$q.json") \
                || { echo "export-forms.sh: $q gives other numbers than plain ($side)" | tee -a "$TXT"; exit 1; }
        done
        cmp <(comparable "$OUT/forms-$side-accents.json") <(comparable "$OUT/forms-$side-cp1252.json") \
            || { echo "export-forms.sh: cp1252 gives other numbers than accents ($side)" | tee -a "$TXT"; exit 1; }
    done
done
echo "identical results: quoted = strings = plain, cp1252 = accents (but for file name and encoding)" | tee -a "$TXT"
echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$TXT"
