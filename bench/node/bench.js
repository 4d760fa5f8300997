#!/usr/bin/env node
// dockerfile-ast side of the Stagecraft benchmark (run by bench/compare.sh).
//
// Usage: node bench.js SET=LISTFILE [SET=LISTFILE ...]
//   LISTFILE holds one Dockerfile path per line; SET is a label (dir, 10k, ...).
//
// For each set: read every file into memory, warm up, then time passes (one
// pass = DockerfileParser.parse() of every file in the set, touching the
// result so nothing is skipped) and print ONE JSON line on stdout:
//   {"tool":"dockerfile-ast","set":..,"files":..,"lines":..,"passes":..,
//    "samples":..,"batch":..,"median_ns":..,"min_ns":..,"max_ns":..,
//    "lines_per_sec":..,"sink":..}
// median_ns is the median time of one pass. Passes faster than ~1 ms are timed
// in batches (batch = passes per sample, sized from the warm-up) and divided.
//
// Timing knobs (same names and defaults as bench/java/Bench.java):
//   BENCH_WARMUP_MS (10000)  warm-up duration per set
//   BENCH_MIN_PASSES (20)   timed samples: at least this many ...
//   BENCH_MIN_MS (3000)     ... and at least this long ...
//   BENCH_MAX_MS (30000)    ... but stop after this long once BENCH_CAP_PASSES samples are done
//   BENCH_CAP_PASSES (5)
'use strict';

const fs = require('fs');
const { DockerfileParser } = require('dockerfile-ast');

function envInt(name, dflt) {
  const v = process.env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number.parseInt(v, 10);
  if (!Number.isFinite(n) || n < 0) throw new Error(`bad ${name}: ${v}`);
  return n;
}

const WARMUP_MS = envInt('BENCH_WARMUP_MS', 10000);
const MIN_PASSES = envInt('BENCH_MIN_PASSES', 20);
const MIN_MS = envInt('BENCH_MIN_MS', 3000);
const MAX_MS = envInt('BENCH_MAX_MS', 30000);
const CAP_PASSES = envInt('BENCH_CAP_PASSES', 5);

// Lines as `wc -l` would count them, plus a final line without '\n'.
function countLines(text) {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  if (text.length > 0 && text[text.length - 1] !== '\n') n++;
  return n;
}

// One full parse of one file, with the result consumed.
function analyze(text) {
  const df = DockerfileParser.parse(text);
  let s = df.getInstructions().length;
  for (const from of df.getFROMs()) {
    const image = from.getImageName();
    const stage = from.getBuildStage();
    s += (image === null ? 0 : image.length) + (stage === null ? 0 : stage.length);
  }
  return s;
}

function pass(texts) {
  let s = 0;
  for (let i = 0; i < texts.length; i++) s += analyze(texts[i]);
  return s;
}

function median(sorted) {
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

function runSet(name, listFile) {
  const paths = fs.readFileSync(listFile, 'utf8').split('\n').filter((p) => p.length > 0);
  if (paths.length === 0) throw new Error(`set ${name}: no files in ${listFile}`);
  const texts = paths.map((p) => fs.readFileSync(p, 'utf8'));
  const lines = texts.reduce((acc, t) => acc + countLines(t), 0);

  let sink = 0;
  const now = () => process.hrtime.bigint();

  const warmStart = now();
  const warmEnd = warmStart + BigInt(WARMUP_MS) * 1000000n;
  let warmPasses = 0;
  let t = warmStart;
  do {
    sink += pass(texts);
    warmPasses++;
    t = now();
  } while (t < warmEnd);
  // Very fast passes are timed in batches of >= ~1 ms so timer overhead does not count.
  const batch = Math.max(1, Math.ceil(warmPasses * 1e6 / Math.max(1, Number(t - warmStart))));

  const times = [];
  const start = now();
  for (;;) {
    const t0 = now();
    for (let b = 0; b < batch; b++) sink += pass(texts);
    const t1 = now();
    times.push(Number(t1 - t0) / batch);
    const elapsedMs = Number(t1 - start) / 1e6;
    if (times.length >= MIN_PASSES && elapsedMs >= MIN_MS) break;
    if (times.length >= CAP_PASSES && elapsedMs >= MAX_MS) break;
  }
  times.sort((a, b) => a - b);
  const med = median(times);
  return {
    tool: 'dockerfile-ast',
    set: name,
    files: texts.length,
    lines,
    passes: times.length * batch,
    samples: times.length,
    batch,
    median_ns: Math.round(med),
    min_ns: Math.round(times[0]),
    max_ns: Math.round(times[times.length - 1]),
    lines_per_sec: lines / (med / 1e9),
    sink,
  };
}

function main(argv) {
  if (argv.length === 0) {
    process.stderr.write('usage: node bench.js SET=LISTFILE [SET=LISTFILE ...]\n');
    process.exit(2);
  }
  for (const arg of argv) {
    const eq = arg.indexOf('=');
    if (eq <= 0) throw new Error(`expected SET=LISTFILE, got ${arg}`);
    const res = runSet(arg.slice(0, eq), arg.slice(eq + 1));
    process.stdout.write(JSON.stringify(res) + '\n');
  }
}

main(process.argv.slice(2));
