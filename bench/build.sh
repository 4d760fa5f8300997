#!/usr/bin/env bash
# Stagecraft's build (sizes and edge files included, in one warm JVM as the window runs it) against
# the engine's own build of the same Dockerfile and context, warm cache and no cache, both builders:
#   BuildKit: one raw POST /build?version=2 of the target (curl, context tar made beforehand);
#   classic:  DOCKER_BUILDKIT=0 docker build.
# Prints medians and ratios (Stagecraft / engine). Needs a running engine with the busybox base
# image (.ci/engine-up starts both). Usage: bench/build.sh [RUNS] [DOCKERFILE]
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-7}"
DOCKERFILE="$(cd "$(dirname "${2:-$REPO/bench/build5/Dockerfile}")" && pwd)/$(basename "${2:-Dockerfile}")"
CONTEXT="$(dirname "$DOCKERFILE")"
JAR="${STAGECRAFT_JAR:-$REPO/target/stagecraft.jar}"
WORK="$REPO/bench/work"
SOCK=/var/run/docker.sock
DOCKER=/usr/bin/docker
[[ -x "$DOCKER" ]] || DOCKER=docker
mkdir -p "$WORK/classes"
[[ -f "$JAR" ]] || (cd "$REPO" && mvn -B -q -DskipTests package)
javac -nowarn -cp "$JAR" -d "$WORK/classes" "$REPO/bench/java/BuildBench.java"
TAR="$WORK/build-context.tar"
tar -C "$CONTEXT" -cf "$TAR" .

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

engine_buildkit() { # $1: warm|nocache
  local q="version=2&dockerfile=$(basename "$DOCKERFILE")&t=stagecraft-bench-ref:bk"
  [[ "$1" == nocache ]] && q="$q&nocache=1"
  curl -sf --unix-socket "$SOCK" -X POST -H 'Content-Type: application/x-tar' --data-binary @"$TAR" \
    "http://localhost/build?$q" > "$WORK/engine-build.log"
  grep -q '"error"' "$WORK/engine-build.log" && { echo "engine build failed" >&2; exit 1; } || true
}
engine_classic() {
  local flags=(-q -t stagecraft-bench-ref:classic -f "$DOCKERFILE")
  [[ "$1" == nocache ]] && flags+=(--no-cache)
  DOCKER_BUILDKIT=0 "$DOCKER" build "${flags[@]}" "$CONTEXT" > /dev/null
}

echo "Dockerfile: $DOCKERFILE ($RUNS timed runs each, after one untimed)"
printf '%-9s %-8s %12s %12s %8s\n' builder cache engine_ms stagecraft_ms ratio
for builder in buildkit classic; do
  for mode in warm nocache; do
    "engine_$builder" "$mode"
    times=()
    for ((i = 0; i < RUNS; i++)); do
      t=$(date +%s%N); "engine_$builder" "$mode"; times+=("$(ms_since "$t")")
    done
    e=$(printf '%s\n' "${times[@]}" | median)
    s=$(java -cp "$JAR:$WORK/classes" BuildBench "$DOCKERFILE" "$builder" "$mode" "$RUNS" 2>/dev/null \
        | awk '/^ms/ {print $2}' | median)
    printf '%-9s %-8s %12s %12s %8.2f\n' "$builder" "$mode" "$e" "$s" "$(echo "$s / $e" | bc -l)"
  done
done
"$DOCKER" rmi stagecraft-bench-ref:bk stagecraft-bench-ref:classic >/dev/null 2>&1 || true
ids=$("$DOCKER" images -q --filter label=dev.stagecraft.bench=true | sort -u)
[[ -z "$ids" ]] || "$DOCKER" rmi -f $ids >/dev/null 2>&1 || true
