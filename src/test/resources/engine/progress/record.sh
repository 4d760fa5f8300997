#!/usr/bin/env bash
# Records the fixtures of this folder from a real engine: the raw JSON lines of POST /build, with
# BuildKit (version=2) and with the classic builder, as the engine adapter sends them (labels set).
# Needs a running engine and the base image of .ci/engine-up. Removes the images it made.
set -euo pipefail
cd "$(dirname "$0")"
SOCK=/var/run/docker.sock
LABELS='%7B%22helper%22%3A%22progress%22%7D'

build() { # case builder query out
  local tar
  tar=$(mktemp)
  tar -C "$1" -cf "$tar" .
  local version=""
  [ "$2" = buildkit ] && version="version=2&"
  curl -sS --unix-socket "$SOCK" -X POST -H 'Content-Type: application/x-tar' --data-binary @"$tar" \
    "http://localhost/v1.41/build?${version}t=helper-progress-$1:$2&labels=$LABELS$3" >"$4"
  rm -f "$tar"
}

for builder in buildkit classic; do
  build multi "$builder" '&target=final&nocache=1' "multi-$builder.jsonl"
  build multi "$builder" '&target=final' "multi-$builder-cached.jsonl"
  build fail "$builder" '&nocache=1' "fail-$builder.jsonl"
  build onbuild "$builder" '&nocache=1' "onbuild-$builder.jsonl"
done
build multi-named buildkit '&target=final' "multi-named-buildkit.jsonl"
# Without forcerm the classic builder keeps the container of a failed step (and its image).
build fail classic '&nocache=1&forcerm=1' "fail-classic-forcerm.jsonl"

for c in multi multi-named fail onbuild; do
  for b in buildkit classic; do
    docker image rm "helper-progress-$c:$b" >/dev/null 2>&1 || true
  done
done
# What the classic builds left: containers of failed steps, and the images of steps that were not
# cached (a cached step's image may be another build's). Named by the streams, so nothing else goes.
for f in *-classic*.jsonl; do
  jq -j '.stream // empty' "$f" | awk '
    /^Step [0-9]+\/[0-9]+ : / { cached = 0; from = (toupper($4) == "FROM"); next }
    /^ ---> Using cache$/ { cached = 1; next }
    /^ ---> Running in / { print "container " $4; next }
    /^ ---> [0-9a-f]+$/ { if (!cached && !from) print "image " $2 }'
done | tac | while read -r kind id; do
  if [ "$kind" = container ]; then
    docker rm "$id" >/dev/null 2>&1 || true
  elif [ "$(docker image inspect -f '{{len .RepoTags}}' "$id" 2>/dev/null)" = 0 ]; then
    docker image rm "$id" >/dev/null 2>&1 || true
  fi
done
