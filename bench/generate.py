#!/usr/bin/env python3
"""Generate a large, realistic multi-stage Dockerfile with an exact line count.

Usage: generate.py LINES OUTPUT [--seed=N]

The output is deterministic for a given (LINES, seed): a fixed-seed PRNG picks
among varied stage templates (Go/Node/Python/Java/Rust builders, runtime
images, stages based on earlier stages), each using what real Dockerfiles use:
FROM ... AS sN, ARG/ENV/LABEL, RUN with line continuations,
RUN --mount=type=cache, heredocs (RUN <<EOF, COPY <<EOF), COPY --from=<earlier
stage>, comments and blank lines. Stages are appended while they fit; the last
few lines are padded with single-line LABEL/ENV/comment lines so the file has
exactly LINES lines (newline-terminated).
"""

import random
import sys

BASES = [
    "golang:1.22-bookworm", "golang:1.21-alpine3.19", "node:20-bookworm-slim",
    "node:18-alpine", "python:3.12-slim-bookworm", "python:3.11-alpine",
    "eclipse-temurin:21-jdk-jammy", "maven:3.9-eclipse-temurin-17",
    "rust:1.77-slim-bookworm", "debian:bookworm-slim", "ubuntu:22.04",
    "alpine:3.19", "gcr.io/distroless/static-debian12:nonroot",
    "registry.example.com/platform/base:2024.03@sha256:"
    "4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945",
]
APT_PKGS = [
    "ca-certificates", "curl", "git", "build-essential", "pkg-config",
    "libssl-dev", "unzip", "tzdata", "jq", "openssh-client", "gnupg",
    "libpq-dev", "zlib1g-dev", "xz-utils", "tini",
]
APK_PKGS = ["ca-certificates", "curl", "git", "build-base", "openssl-dev",
            "tzdata", "bash", "jq", "tini", "musl-dev"]
SERVICES = ["api", "worker", "gateway", "billing", "auth", "search", "notifier",
            "scheduler", "ingest", "reports", "frontend", "admin"]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.stages = []  # names of stages emitted so far

    def pick(self, seq):
        return self.r.choice(seq)

    def earlier(self):
        """An earlier stage, biased towards recent ones (as in real files)."""
        if not self.stages:
            return None
        window = self.stages[-12:]
        return self.pick(window)

    def header(self):
        return [
            "# syntax=docker/dockerfile:1.7",
            "# Generated benchmark Dockerfile (bench/generate.py). Deterministic.",
            "ARG REGISTRY=registry.example.com",
            "ARG BUILD_VERSION=0.0.0-dev",
            "ARG TARGETOS=linux",
            "ARG TARGETARCH=amd64",
            "",
        ]

    # ---- stage templates -------------------------------------------------
    def stage_go(self, name, svc):
        base = self.pick(BASES[:2])
        lines = [
            f"# ---- {svc}: Go build ({name}) ----",
            f"FROM --platform=$BUILDPLATFORM {base} AS {name}",
            "ARG TARGETOS",
            "ARG TARGETARCH",
            f"ARG GO_LDFLAGS=\"-s -w -X main.version=${{BUILD_VERSION}}\"",
            f"ENV CGO_ENABLED=0 GOFLAGS=-mod=readonly GOCACHE=/root/.cache/go-build",
            f"WORKDIR /src/{svc}",
            f"COPY {svc}/go.mod {svc}/go.sum ./",
            "RUN --mount=type=cache,target=/go/pkg/mod \\",
            "    --mount=type=cache,target=/root/.cache/go-build \\",
            "    go mod download && go mod verify",
            f"COPY {svc}/ ./",
            "RUN --mount=type=cache,target=/go/pkg/mod \\",
            "    --mount=type=cache,target=/root/.cache/go-build \\",
            "    GOOS=${TARGETOS} GOARCH=${TARGETARCH} \\",
            f"    go build -trimpath -ldflags \"${{GO_LDFLAGS}}\" -o /out/{svc} ./cmd/{svc}",
        ]
        return lines

    def stage_node(self, name, svc):
        base = self.pick(BASES[2:4])
        lines = [
            f"# ---- {svc}: Node build ({name}) ----",
            f"FROM {base} AS {name}",
            "ENV NODE_ENV=production \\",
            "    NPM_CONFIG_UPDATE_NOTIFIER=false \\",
            "    NPM_CONFIG_FUND=false",
            f"WORKDIR /app/{svc}",
            f"COPY --link {svc}/package.json {svc}/package-lock.json ./",
            "RUN --mount=type=cache,target=/root/.npm,sharing=locked \\",
            "    npm ci --omit=dev --no-audit",
            f"COPY --link {svc}/ ./",
            "RUN npm run build \\",
            "    && npm prune --omit=dev \\",
            "    && rm -rf src test *.md",
        ]
        return lines

    def stage_python(self, name, svc):
        base = self.pick(BASES[4:6])
        lines = [
            f"# ---- {svc}: Python wheels ({name}) ----",
            f"FROM {base} AS {name}",
            "ENV PIP_NO_CACHE_DIR=0 PIP_DISABLE_PIP_VERSION_CHECK=1 \\",
            "    PYTHONDONTWRITEBYTECODE=1",
            "WORKDIR /wheels",
            f"COPY {svc}/requirements.txt {svc}/constraints.txt ./",
            "RUN --mount=type=cache,target=/root/.cache/pip \\",
            "    pip wheel --wheel-dir=/wheels \\",
            "        -r requirements.txt -c constraints.txt",
            "RUN <<EOF",
            "set -eux",
            "python -m compileall -q /wheels || true",
            "ls -la /wheels | tee /wheels/MANIFEST",
            "EOF",
        ]
        return lines

    def stage_java(self, name, svc):
        base = self.pick(BASES[6:8])
        lines = [
            f"# ---- {svc}: JVM build ({name}) ----",
            f"FROM {base} AS {name}",
            "ARG MAVEN_OPTS=\"-Xmx1g -XX:+UseParallelGC\"",
            f"WORKDIR /build/{svc}",
            f"COPY {svc}/pom.xml ./",
            "RUN --mount=type=cache,target=/root/.m2,id=m2-cache \\",
            "    mvn -B -q dependency:go-offline",
            f"COPY {svc}/src ./src",
            "RUN --mount=type=cache,target=/root/.m2,id=m2-cache \\",
            "    mvn -B -q -DskipTests package \\",
            f"    && cp target/{svc}-*.jar /build/app.jar",
        ]
        return lines

    def stage_rust(self, name, svc):
        lines = [
            f"# ---- {svc}: Rust build ({name}) ----",
            f"FROM {BASES[8]} AS {name}",
            "RUN apt-get update \\",
            "    && apt-get install -y --no-install-recommends pkg-config libssl-dev \\",
            "    && rm -rf /var/lib/apt/lists/*",
            f"WORKDIR /usr/src/{svc}",
            "COPY Cargo.toml Cargo.lock ./",
            f"COPY crates/{svc} ./crates/{svc}",
            "RUN --mount=type=cache,target=/usr/local/cargo/registry \\",
            "    --mount=type=cache,target=/usr/src/target,sharing=private \\",
            f"    cargo build --release --locked -p {svc} \\",
            f"    && cp /usr/src/target/release/{svc} /usr/local/bin/{svc}",
        ]
        return lines

    def stage_derived(self, name, svc):
        """A stage based on an earlier stage (FROM sK AS sN)."""
        parent = self.earlier()
        lines = [
            f"# ---- {svc}: tests on top of {parent} ({name}) ----",
            f"FROM {parent} AS {name}",
            f"ENV CI=true TEST_REPORT_DIR=/reports/{svc}",
            "RUN mkdir -p \"${TEST_REPORT_DIR}\" \\",
            "    && echo \"running checks for " + svc + "\" \\",
            "    && true",
        ]
        return lines

    def stage_runtime(self, name, svc):
        base = self.pick(BASES[9:])
        alpine = "alpine" in base
        pkgs = self.r.sample(APK_PKGS if alpine else APT_PKGS, 4)
        lines = [
            f"# ---- {svc}: runtime image ({name}) ----",
            f"FROM ${{REGISTRY}}/mirror/{base} AS {name}" if self.r.random() < 0.2
            else f"FROM {base} AS {name}",
            f"ARG BUILD_VERSION",
            f"LABEL org.opencontainers.image.title=\"{svc}\" \\",
            "      org.opencontainers.image.version=\"${BUILD_VERSION}\" \\",
            "      org.opencontainers.image.vendor=\"Example Corp\"",
        ]
        if "distroless" not in base:
            if alpine:
                lines += [
                    "RUN --mount=type=cache,target=/var/cache/apk \\",
                    "    apk add --update " + " ".join(pkgs),
                ]
            else:
                lines += [
                    "RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\",
                    "    --mount=type=cache,target=/var/lib/apt,sharing=locked \\",
                    "    apt-get update \\",
                    "    && apt-get install -y --no-install-recommends \\",
                    "       " + " \\\n       ".join(pkgs) + " \\",
                    "    && rm -rf /var/lib/apt/lists/*",
                ]
            lines += [
                f"RUN groupadd --system {svc} && useradd --system --gid {svc} {svc}"
                if not alpine else f"RUN addgroup -S {svc} && adduser -S -G {svc} {svc}",
            ]
        # heredoc config file
        lines += [
            f"COPY <<EOF /etc/{svc}/config.yaml",
            f"service: {svc}",
            "listen: 0.0.0.0:8080",
            "log_level: ${LOG_LEVEL:-info}",
            "EOF",
        ]
        # copy artifacts from up to three earlier stages
        n = min(len(self.stages), self.r.randint(1, 3))
        for src in self.r.sample(self.stages[-12:], n):
            lines.append(f"COPY --from={src} --chown=65532:65532 /out/ /opt/{svc}/{src}/")
        lines += [
            "# keep the runtime small and unprivileged",
            "USER 65532:65532",
            f"WORKDIR /opt/{svc}",
            "EXPOSE 8080/tcp",
            "HEALTHCHECK --interval=30s --timeout=3s --retries=3 \\",
            "    CMD [\"/opt/" + svc + "/healthcheck\"]",
            f"ENTRYPOINT [\"/opt/{svc}/bin/{svc}\"]",
            "CMD [\"--config\", \"/etc/" + svc + "/config.yaml\"]",
        ]
        return lines

    def stage(self, idx):
        name = f"s{idx}"
        svc = self.pick(SERVICES)
        if not self.stages:
            kinds = [self.stage_go, self.stage_node, self.stage_python,
                     self.stage_java, self.stage_rust]
        else:
            kinds = [self.stage_go, self.stage_node, self.stage_python,
                     self.stage_java, self.stage_rust, self.stage_derived,
                     self.stage_runtime, self.stage_runtime]
        body = self.pick(kinds)(name, svc)
        # a RUN heredoc with a mount in some stages
        if self.r.random() < 0.3:
            body += [
                "RUN --mount=type=cache,target=/tmp/cache <<'SCRIPT'",
                "#!/bin/sh",
                "set -e",
                f"echo \"stage {name} built for {svc}\" > /tmp/cache/{name}.txt",
                "SCRIPT",
            ]
        if self.stages and self.r.random() < 0.4:
            src = self.earlier()
            body.append(f"COPY --from={src} /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/")
        body.append("")
        # some lines are joined with "\n" inside one entry; flatten
        flat = []
        for entry in body:
            flat.extend(entry.split("\n"))
        return name, flat

    def padding(self, i):
        kind = i % 3
        if kind == 0:
            return f"LABEL bench.pad.{i}=\"padding line {i}\""
        if kind == 1:
            return f"ENV BENCH_PAD_{i}=value-{i}"
        return f"# padding comment {i}"


def generate(total, seed):
    g = Gen(seed)
    out = g.header()
    if total < len(out) + 2:
        raise SystemExit("LINES too small")
    idx = 0
    while True:
        state = g.r.getstate()
        name, lines = g.stage(idx)
        if len(out) + len(lines) > total:
            g.r.setstate(state)
            break
        out.extend(lines)
        g.stages.append(name)
        idx += 1
    if not g.stages:
        # guarantee at least one FROM even for tiny sizes
        out.append("FROM alpine:3.19 AS s0")
    i = 0
    while len(out) < total:
        out.append(g.padding(i))
        i += 1
    return out[:total]


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--seed")]
    seed = 20240501
    for a in argv[1:]:
        if a.startswith("--seed="):
            seed = int(a.split("=", 1)[1])
    if len(args) != 2:
        sys.stderr.write(__doc__)
        return 2
    total = int(args[0])
    lines = generate(total, seed)
    with open(args[1], "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
