#!/usr/bin/env bash
# Stagecraft's build (sizes and edge files included, in one warm JVM as the window runs it) against
# the engine's own build of the same Dockerfile and context, warm cache and no cache, both builders:
#   BuildKit: one raw POST /build?version=2 of the target (curl, context tar made beforehand);
#   classic:  DOCKER_BUILDKIT=0 docker build.
# BuildBench runs the engine's build before or after each of its own, alternately, in the same minute.
# Prints medians and their ratio (Stagecraft / engine), and the median of the ratios of each pair
# of neighbouring runs. Needs a running engine with the busybox base
# image (.ci/engine-up starts both). Usage: bench/build.sh [RUNS] [DOCKERFILE]
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-21}"
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

reference() { # $1: buildkit|classic, $2: warm|nocache; prints the engine's own build command, one word a line
  if [[ "$1" == buildkit ]]; then
    local q="version=2&dockerfile=$(basename "$DOCKERFILE")&t=stagecraft-bench-ref:bk"
    [[ "$2" == nocache ]] && q="$q&nocache=1"
    printf '%s\n' curl -sf --unix-socket "$SOCK" -X POST -H 'Content-Type: application/x-tar' \
      --data-binary "@$TAR" "http://localhost/build?$q"
  else
    printf '%s\n' env DOCKER_BUILDKIT=0 "$DOCKER" build -q -t stagecraft-bench-ref:classic -f "$DOCKERFILE"
    [[ "$2" == nocache ]] && echo --no-cache
    echo "$CONTEXT"
  fi
}

echo "Dockerfile: $DOCKERFILE ($RUNS timed runs each, after one untimed; engine and Stagecraft alternate)"
printf '%-9s %-8s %12s %12s %8s %12s\n' builder cache engine_ms stagecraft_ms ratio paired_ratio
for builder in buildkit classic; do
  for mode in warm nocache; do
    mapfile -t command < <(reference "$builder" "$mode")
    java -cp "$JAR:$WORK/classes" BuildBench "$DOCKERFILE" "$builder" "$mode" "$RUNS" -- "${command[@]}" \
      2>/dev/null > "$WORK/build-bench.out"
    e=$(awk '/^engine/ {print $2}' "$WORK/build-bench.out" | median)
    s=$(awk '/^ms/ {print $2}' "$WORK/build-bench.out" | median)
    # Each Stagecraft build over the engine build next to it, then the median of those ratios.
    p=$(paste <(awk '/^ms/ {print $2}' "$WORK/build-bench.out") <(awk '/^engine/ {print $2}' "$WORK/build-bench.out") \
        | awk '{printf "%.4f\n", $1 / $2}' | median)
    printf '%-9s %-8s %12s %12s %8.2f %12.2f\n' "$builder" "$mode" "$e" "$s" "$(echo "$s / $e" | bc -l)" "$p"
  done
done
"$DOCKER" rmi stagecraft-bench-ref:bk stagecraft-bench-ref:classic >/dev/null 2>&1 || true
ids=$("$DOCKER" images -q --filter label=dev.stagecraft.bench=true | sort -u)
[[ -z "$ids" ]] || "$DOCKER" rmi -f $ids >/dev/null 2>&1 || true
