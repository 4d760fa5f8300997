#!/usr/bin/env bash
# The build history at the size the issue names: 1,000 realistic builds of one Dockerfile (5 stages,
# 30 layers, 4 COPY edges of 50 files, a final image of 2,000 files). Fills a history once (timed as a
# whole), then in RUNS fresh JVMs times opening it and listing every build (target < 200 ms), and
# loading the two newest successful builds; then in RUNS more the window's case (sqlite-jdbc already
# loaded: open + list, the History tab's list, and comparing two builds picked at random, target
# < 100 ms). Prints each run, then medians and p95 (nearest rank).
# Usage: bench/history.sh [RUNS] [BUILDS]
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-11}"
BUILDS="${2:-1000}"
JAR="${STAGECRAFT_JAR:-$REPO/target/stagecraft.jar}"
WORK="$REPO/bench/work"
DATA="$WORK/history-data"
mkdir -p "$WORK/classes"
[[ -f "$JAR" ]] || (cd "$REPO" && mvn -B -q -DskipTests package)
javac -nowarn -cp "$JAR" -d "$WORK/classes" "$REPO/bench/java/HistoryBench.java"
DOCKERFILE="$WORK/history-project/Dockerfile"
rm -rf "$DATA"
t=$(date +%s%N)
java -cp "$JAR:$WORK/classes" HistoryBench fill "$DATA" "$DOCKERFILE" "$BUILDS"
echo "filled $BUILDS builds in $(( ($(date +%s%N) - t) / 1000000 )) ms;" \
  "database $(du -k "$DATA"/history/*.db | awk '{print $1}') KiB"

stat_of() { # $1: key; prints median and p95 of that key over the runs
  grep "^$1 " "$WORK/history-runs.txt" | awk '{print $2}' | sort -n | awk -v key="$1" '
    {a[NR]=$1} END {
      med = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2
      p = int(0.95 * NR); if (p < 0.95 * NR) p++; 
      printf "%-13s median %7.1f ms   p95 %7.1f ms\n", key, med, a[p]
    }'
}
: > "$WORK/history-runs.txt"
for ((i = 1; i <= RUNS; i++)); do
  out=$(java -cp "$JAR:$WORK/classes" HistoryBench read "$DATA" "$DOCKERFILE")
  echo "$out" >> "$WORK/history-runs.txt"
  echo "run $i: $(echo "$out" | tr '\n' ' ')"
done
# The headless commands as the app image (installer/package.sh) starts java: with the start-up archive
# (its class list covers the history command, installer/cds/train.sh) and the same two options.
JSA="$(dirname "$JAR")/stagecraft.jsa"
if [[ -f "$JSA" ]]; then
  for ((i = 1; i <= RUNS; i++)); do
    out=$(java -XX:SharedArchiveFile="$JSA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$JAR:$WORK/classes" \
      HistoryBench read "$DATA" "$DOCKERFILE" | awk '/^open_list_ms|^load2_ms/ {print "archive_" $0}')
    echo "$out" >> "$WORK/history-runs.txt"
    echo "archive run $i: $(echo "$out" | tr '\n' ' ')"
  done
fi
for ((i = 1; i <= RUNS; i++)); do
  out=$(java -cp "$JAR:$WORK/classes" HistoryBench window "$DATA" "$DOCKERFILE")
  echo "$out" >> "$WORK/history-runs.txt"
  echo "window run $i: $(echo "$out" | tr '\n' ' ')"
done
echo "$RUNS fresh JVMs, $BUILDS builds:"
for key in open_ms list_ms open_list_ms load2_ms archive_open_list_ms archive_load2_ms warm_list_ms warm_load2_ms \
    reopen_list_ms preload_ms loaded_open_list_ms panel_list_ms panel_lines_ms compare_ms compare_load_ms warm_compare_ms; do stat_of "$key"; done
echo "(targets: open_list_ms, archive_open_list_ms as the app image starts the CLI, and loaded_open_list_ms as the"
echo " window sees it, < 200 ms; compare_ms < 100 ms)"
