#!/usr/bin/env bash
# Regenerates installer/cds/classes.lst: the classes (and lambda proxies) the desktop app loads
# from JVM start until its window shows the bundled example, and then those `stagecraft history`
# loads to list a history of 50 builds (sqlite-jdbc and the record readers; made by the history
# benchmark's filler, since recording needs an engine). `mvn package` turns that list into a
# class-data-sharing archive, target/stagecraft.jsa, which the README's run command passes to java
# (-XX:SharedArchiveFile): the JVM then maps those classes instead of loading, verifying and
# linking them one by one. Re-run after changes that load many new classes at start-up; a stale
# list still works (classes it misses load the normal way; entries that no longer exist are skipped).
# Needs Debian's xvfb and libgtk-3-0.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="$REPO/target/stagecraft.jar"
[[ -f "$JAR" ]] || (cd "$REPO" && mvn -B -q -DskipTests package)
command -v Xvfb >/dev/null || { echo "error: Xvfb is missing (apt-get install -y xvfb libgtk-3-0)" >&2; exit 2; }
DISPLAY_NUM=":$((100 + RANDOM % 100))"
Xvfb "$DISPLAY_NUM" -screen 0 1400x900x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
sleep 1
LIST="$(mktemp)"
LOG="$(mktemp)"
DISPLAY="$DISPLAY_NUM" java -XX:DumpLoadedClassList="$LIST" -Dprism.order=sw -Dstagecraft.timing=true -jar "$JAR" >"$LOG" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  grep -q 'usable window' "$LOG" && break
  sleep 0.1
done
sleep 2  # the first pulses after the window shows load a few more classes
kill "$pid" && wait "$pid" 2>/dev/null || true
grep -q 'usable window' "$LOG" || { echo "error: the window never showed" >&2; cat "$LOG" >&2; exit 1; }
# The headless history command: the app image starts it with the same archive.
WORK="$(mktemp -d)"
trap 'kill $XVFB 2>/dev/null || true; rm -rf "$WORK"' EXIT
javac -nowarn -cp "$JAR" -d "$WORK/classes" "$REPO/bench/java/HistoryBench.java"
java -cp "$JAR:$WORK/classes" HistoryBench fill "$WORK/data" "$WORK/project/Dockerfile" 50 2>/dev/null
java -XX:DumpLoadedClassList="$WORK/history.lst" -Dstagecraft.data="$WORK/data" -jar "$JAR" history --format json \
  "$WORK/project/Dockerfile" >/dev/null
grep -q sqlite "$WORK/history.lst" || { echo "error: the history command did not open the history" >&2; exit 1; }
cat "$LIST" "$WORK/history.lst" | awk '/^#/ && NR > 5 {next} !seen[$0]++' > "$REPO/installer/cds/classes.lst"
rm -f "$LIST"
echo "installer/cds/classes.lst: $(wc -l <"$REPO/installer/cds/classes.lst") entries"
