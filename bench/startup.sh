#!/usr/bin/env bash
# Start-up of the desktop app as a user feels it: from JVM start to the first analysis on screen.
# Runs the jar N times (default 5) each way, alternating: as the README runs it (the
# class-data-sharing archive target/stagecraft.jsa, C1 only, serial GC) and as plain `java -jar`;
# under Xvfb with software rendering. Prints each time and the medians. Needs xvfb and libgtk-3-0.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${STAGECRAFT_JAR:-$REPO/target/stagecraft.jar}"
RUNS="${1:-5}"
JSA="${JAR%.jar}.jsa"
[[ -f "$JAR" && -f "$JSA" ]] || (cd "$REPO" && mvn -B -q -DskipTests package)
command -v Xvfb >/dev/null || { echo "error: Xvfb is missing (apt-get install -y xvfb libgtk-3-0)" >&2; exit 2; }
DISPLAY_NUM=":$((100 + RANDOM % 100))"
Xvfb "$DISPLAY_NUM" -screen 0 1400x900x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
sleep 1
cds=()
plain=()
run() {
  local log ms pid
  log=$(mktemp)
  # shellcheck disable=SC2086
  DISPLAY="$DISPLAY_NUM" timeout 30 java $1 -Dprism.order=sw -Dstagecraft.timing=true -jar "$JAR" >"$log" 2>/dev/null &
  pid=$!
  for _ in $(seq 1 300); do
    grep -q 'usable window' "$log" && break
    sleep 0.05
  done
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  ms=$(grep -o 'usable window in [0-9]*' "$log" | grep -o '[0-9]*$' || true)
  rm -f "$log"
  echo "${ms:-}"
}
for ((i = 1; i <= RUNS; i++)); do
  a=$(run "-XX:SharedArchiveFile=$JSA -XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
  b=$(run "")
  echo "run $i: README options ${a:-no window} ms, plain java -jar ${b:-no window} ms"
  [[ -n "$a" ]] && cds+=("$a")
  [[ -n "$b" ]] && plain+=("$b")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "none"}'; }
echo "median start-up to a usable window: $(median "${cds[@]}") ms as the README runs it," \
  "$(median "${plain[@]}") ms plain (target < 2000 ms)"
