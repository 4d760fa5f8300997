#!/usr/bin/env bash
# Edit latency of the desktop window on a 1,000-line Dockerfile: from the text snapshot to
# highlighting, diagnostics and graph laid out on screen, median and 95th percentile over 200 edits
# (after 50 warm-up edits). Runs the real window under Xvfb with software rendering; needs Debian's
# xvfb and libgtk-3-0. Knobs: -Dlines=N -Dedits=N -Dwarmup=N -DrandomPhase=true via BENCH_JAVA_OPTS.
# Beside it, the same measure for a window that does no work: the floor of the 60 Hz frame clock.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${STAGECRAFT_JAR:-$REPO/target/stagecraft.jar}"
WORK="$REPO/bench/work"
[[ -f "$JAR" ]] || (cd "$REPO" && mvn -B -q -DskipTests package)
command -v Xvfb >/dev/null || { echo "error: Xvfb is missing (apt-get install -y xvfb libgtk-3-0)" >&2; exit 2; }
mkdir -p "$WORK/classes"
javac -nowarn -cp "$JAR" -d "$WORK/classes" "$REPO/bench/java/EditLatency.java"
DISPLAY_NUM=":$((100 + RANDOM % 100))"
Xvfb "$DISPLAY_NUM" -screen 0 1400x900x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
sleep 1
# shellcheck disable=SC2086
DISPLAY="$DISPLAY_NUM" java -Dprism.order=sw ${BENCH_JAVA_OPTS:-} -cp "$JAR:$WORK/classes" EditLatency 2>&1 \
  | grep -v -e '^WARNING: Unsupported JavaFX configuration' -e 'PlatformImpl startup$'
