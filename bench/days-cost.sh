#!/usr/bin/env bash
# The cost of the day tallies (ReportTallies.days) in the scan of a 2 M-row export:
# `java -jar JAR report FILE --by month --segment channel` with the jar before them (OLD_JAR), and
# the new jar without and with the day tallies (NEW_JAR; with: EXTRA, default `--calendar`, which
# collects them; the first measurement, bench/results/days-cost.txt, used a temporary switch that
# collected them whenever --by was given), ROUNDS rounds, the three interleaved in rotating order,
# wall and user+sys CPU seconds of each whole process.
# usage: bench/days-cost.sh OLD_JAR NEW_JAR FILE [ROUNDS]   (prints one line per run, then medians)
set -euo pipefail
OLD=$1; NEW=$2; FILE=$3; ROUNDS=${4:-7}; EXTRA=${EXTRA:---calendar}
declare -A WALL CPU
run() { # run NAME EXTRA-REPORT-ARGS JAVA-ARGS...
    local name=$1 extra=$2; shift 2
    local t0 t1 s
    t0=$(date +%s.%N)
    s=$( { /usr/bin/time -f "%U %S" java "$@" report "$FILE" --by month --segment channel $extra > /dev/null; } 2>&1 | tail -1)
    t1=$(date +%s.%N)
    local wall cpu
    wall=$(echo "$t1 - $t0" | bc -l)
    cpu=$(echo "$s" | awk '{print $1 + $2}')
    printf '%s round=%d wall=%.3f cpu=%.3f\n' "$name" "$r" "$wall" "$cpu"
    WALL[$name]+="$wall "
    CPU[$name]+="$cpu "
}
names=(old new-without-days new-with-days)
for r in $(seq 1 "$ROUNDS"); do
    for k in 0 1 2; do
        i=$(( (k + r) % 3 ))
        case ${names[$i]} in
            old) run old "" -jar "$OLD" ;;
            new-without-days) run new-without-days "" -jar "$NEW" ;;
            new-with-days) run new-with-days "$EXTRA" -jar "$NEW" ;;
        esac
    done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
for n in "${names[@]}"; do
    printf 'median %-17s wall=%.3f s cpu=%.3f s\n' "$n" "$(echo "${WALL[$n]}" | median)" "$(echo "${CPU[$n]}" | median)"
done
