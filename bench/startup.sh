#!/usr/bin/env bash
# Start-up of the desktop app as a user feels it: from JVM start to the first analysis on screen.
# Runs the jar N times (default 5) under Xvfb with software rendering and prints each time and
# the median. Needs Debian's xvfb and libgtk-3-0 (apt-get install -y xvfb libgtk-3-0).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${STAGECRAFT_JAR:-$REPO/target/stagecraft.jar}"
RUNS="${1:-5}"
[[ -f "$JAR" ]] || (cd "$REPO" && mvn -B -q -DskipTests package)
command -v Xvfb >/dev/null || { echo "error: Xvfb is missing (apt-get install -y xvfb libgtk-3-0)" >&2; exit 2; }
DISPLAY_NUM=":$((100 + RANDOM % 100))"
Xvfb "$DISPLAY_NUM" -screen 0 1400x900x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
sleep 1
times=()
for ((i = 1; i <= RUNS; i++)); do
  log=$(mktemp)
  DISPLAY="$DISPLAY_NUM" timeout 30 java -Dprism.order=sw -Dstagecraft.timing=true -jar "$JAR" >"$log" 2>/dev/null &
  pid=$!
  for _ in $(seq 1 300); do
    grep -q 'usable window' "$log" && break
    sleep 0.1
  done
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  ms=$(grep -o 'usable window in [0-9]*' "$log" | grep -o '[0-9]*$' || true)
  rm -f "$log"
  echo "run $i: ${ms:-no window} ms"
  [[ -n "$ms" ]] && times+=("$ms")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {if (NR) print "median start-up to a usable window: " a[int((NR+1)/2)] " ms (target < 2000 ms)"}'
