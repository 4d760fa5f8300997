#!/usr/bin/env bash
# Records the fixtures of the measure tests from a real engine (made with Docker 20.10.24, API 1.41,
# overlay2): for each case folder and each builder, the history (as GET /images/{id}/history gives
# it, newest first) and the inspect facts (Id, Size, RootFS.Layers) of every stage image, built as
# its own target with two labels, and of the external base; for the edge case, `docker save` of the
# final image, gzipped. Needs the base image of .ci/engine-up. Removes every image it tags.
set -euo pipefail
cd "$(dirname "$0")"
SOCK=/var/run/docker.sock
DOCKER=/usr/bin/docker
LABELS='{"dev.stagecraft.test":"helper-measure","z":"1"}'
PREFIX=helper-measure-rec
made=()
trap 'for i in "${made[@]}"; do "$DOCKER" rmi -f "$i" >/dev/null 2>&1 || true; done' EXIT

api() { curl -sf --unix-socket "$SOCK" "http://localhost/v1.41$1"; }

facts() { # reference -> one JSON object: id, sizeBytes, layers, history (newest first)
  python3 - "$(api "/images/$1/json")" "$(api "/images/$1/history")" <<'PY'
import json, sys
inspect, history = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(json.dumps({"id": inspect["Id"], "sizeBytes": inspect["Size"], "layers": inspect["RootFS"].get("Layers", []),
                  "history": [{"CreatedBy": h["CreatedBy"], "Size": h["Size"], "Comment": h["Comment"]} for h in history]}))
PY
}

build() { # case builder target tag
  local dir=$1 builder=$2 target=$3 tag=$4
  if [ "$builder" = buildkit ]; then
    local q
    q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.urlencode({"version": "2", "t": sys.argv[1], "target": sys.argv[2], "labels": sys.argv[3]}))' "$tag" "$target" "$LABELS")
    local answer
    answer=$(tar -C "$dir" -c --exclude=record.sh . | curl -sf --unix-socket "$SOCK" -X POST \
      -H 'Content-Type: application/x-tar' --data-binary @- "http://localhost/v1.41/build?$q")
    [[ $answer == *'"moby.image.id"'* ]] || { echo "record: BuildKit build of $dir failed: $answer" >&2; exit 1; }
  else
    DOCKER_BUILDKIT=0 "$DOCKER" build -q --target "$target" --label dev.stagecraft.test=helper-measure --label z=1 \
      -t "$tag" "$dir" >/dev/null
  fi
  made+=("$tag")
}

record() { # case external-base targets...
  local dir=$1 external=$2; shift 2
  for builder in buildkit classic; do
    local out="{\"labels\": $LABELS, \"images\": {\"external\": $(facts "$external")"
    local index=0
    for target in "$@"; do
      build "$dir" "$builder" "$target" "$PREFIX-$dir-$builder-$target"
      out+=", \"$index\": $(facts "$PREFIX-$dir-$builder-$target")"
      index=$((index + 1))
    done
    python3 -c 'import json, sys; print(json.dumps(json.loads(sys.argv[1]), indent=1))' "$out}}" >"$dir/$builder.json"
  done
}

record every-kind stagecraft-test/busybox:1 base second
record edge stagecraft-test/busybox:1 builder final
for builder in buildkit classic; do
  "$DOCKER" save "$PREFIX-edge-$builder-final" | gzip -9n >"edge/final-$builder.tar.gz"
done

DOCKER_BUILDKIT=0 "$DOCKER" build -q -t helper-measure-onbuild-base:1 -f onbuild-external/base.Dockerfile onbuild-external >/dev/null
made+=(helper-measure-onbuild-base:1)
record onbuild-external helper-measure-onbuild-base:1 only
