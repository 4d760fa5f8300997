#!/usr/bin/env bash
# Before and after for the history benchmark: two jars (A, B) each fill a history of BUILDS builds in its
# own record layout, then RUNS rounds each run one fresh JVM of A, one of B, and one of B on A's history
# (a history written by the older jar, as users upgrading have), interleaved so that the load of a shared
# machine falls on all three alike; "read" rounds first, then "window" rounds (see history.sh). Prints
# the median, min and max of each figure per side, and the load average before and after.
# Usage: bench/history-ab.sh JAR_A JAR_B [RUNS] [BUILDS]
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR_A="$1"
JAR_B="$2"
RUNS="${3:-9}"
BUILDS="${4:-1000}"
WORK="$REPO/bench/work/history-ab"
rm -rf "$WORK"
mkdir -p "$WORK/classes"
javac -nowarn -cp "$JAR_B" -d "$WORK/classes" "$REPO/bench/java/HistoryBench.java"
DOCKERFILE="$REPO/bench/work/history-project/Dockerfile"
run() { # $1: jar, $2: data folder, $3: mode
  java -cp "$1:$WORK/classes" HistoryBench "$3" "$2" "$DOCKERFILE"
}
java -cp "$JAR_A:$WORK/classes" HistoryBench fill "$WORK/data-a" "$DOCKERFILE" "$BUILDS" 2>/dev/null
java -cp "$JAR_B:$WORK/classes" HistoryBench fill "$WORK/data-b" "$DOCKERFILE" "$BUILDS" 2>/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for mode in read window; do
  for ((i = 1; i <= RUNS; i++)); do
    run "$JAR_A" "$WORK/data-a" "$mode" >> "$WORK/A.txt"
    run "$JAR_B" "$WORK/data-b" "$mode" >> "$WORK/B.txt"
    cp -r "$WORK/data-a" "$WORK/data-a-copy"
    run "$JAR_B" "$WORK/data-a-copy" "$mode" >> "$WORK/B-on-A.txt"
    rm -rf "$WORK/data-a-copy"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for side in A B B-on-A; do
  echo "== $side ($RUNS fresh JVMs per mode, $BUILDS builds)"
  for key in open_list_ms open_ms list_ms load2_ms loaded_open_list_ms panel_lines_ms compare_ms compare_load_ms warm_compare_ms; do
    grep "^$key " "$WORK/$side.txt" | awk '{print $2}' | sort -n | awk -v k="$key" '{a[NR]=$1} END {
      printf "%-20s median %7.1f ms  min %7.1f  max %7.1f\n", k, (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2, a[1], a[NR]}'
  done
done
