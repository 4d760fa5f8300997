package dev.stagecraft.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.instruction.InstructionKind;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.AnalysisOptions;
import dev.stagecraft.stage.DockerfileAnalyzer;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExplainerTest {
    private static final String GO = "# syntax=docker/dockerfile:1\n"
            + "ARG GO_VERSION=1.22\n"
            + "FROM golang:${GO_VERSION} AS build\n"
            + "WORKDIR /src\n"
            + "RUN --mount=type=cache,target=/root/.cache/go-build go build -o /app/server .\n"
            + "\n"
            + "# the tests\n"
            + "FROM build AS test\n"
            + "RUN go test ./...\n"
            + "\n"
            + "FROM scratch AS release\n"
            + "COPY --from=build /app/server /server\n"
            + "ENTRYPOINT [\"/server\"]\n";

    /** One Dockerfile using all 18 instructions, one stage each kind can live in. */
    private static final String EVERY_KIND = "ARG BASE=alpine:3.20\n"
            + "FROM ${BASE} AS tools\n"
            + "ARG BASE\n"
            + "RUN apk add curl\n"
            + "CMD [\"sh\"]\n"
            + "LABEL org.example.team=web\n"
            + "MAINTAINER someone@example.com\n"
            + "EXPOSE 8080/tcp\n"
            + "ENV MODE=prod\n"
            + "ADD https://example.com/a.tgz /opt/\n"
            + "COPY app.conf /etc/app.conf\n"
            + "ENTRYPOINT [\"/bin/app\"]\n"
            + "VOLUME /data\n"
            + "USER app\n"
            + "WORKDIR /srv\n"
            + "ONBUILD COPY . /srv\n"
            + "STOPSIGNAL SIGINT\n"
            + "HEALTHCHECK CMD curl -f http://localhost/\n"
            + "SHELL [\"/bin/bash\", \"-c\"]\n";

    private static Analysis analyze(String text) {
        return DockerfileAnalyzer.analyze(text, AnalysisOptions.defaults());
    }

    private static Analysis analyze(String text, String target) {
        return DockerfileAnalyzer.analyze(text, AnalysisOptions.defaults().withTarget(target));
    }

    private static Explanation at(Analysis analysis, String text, String marker, int delta) {
        int offset = text.indexOf(marker);
        assertTrue(offset >= 0, marker);
        return Explainer.explain(analysis, offset + delta);
    }

    @Test
    void everyInstructionKindHasItsOwnExplanation() {
        Analysis analysis = analyze(EVERY_KIND);
        Set<InstructionKind> seen = EnumSet.noneOf(InstructionKind.class);
        for (Instruction i : analysis.instructions()) {
            Explanation e = Explainer.explain(analysis, i.keywordRange().start());
            seen.add(i.kind());
            String keyword = i.kind().keyword();
            assertTrue(e.title().contains(keyword) || e.title().contains("ARG") || e.title().contains("stage"), e.title());
            assertFalse(e.paragraphs().isEmpty(), keyword);
            // The first paragraph is the kind's own text, which names the instruction it explains.
            assertTrue(e.text().contains(keyword), keyword + ": " + e.text());
            assertFalse(e.text().matches("(?s).*\\{[a-z]+\\}.*"), "no unfilled fact: " + e.text());
        }
        assertEquals(EnumSet.allOf(InstructionKind.class), seen, "the sample uses every kind");
    }

    @Test
    void everyInstructionKindHasATextInTheResource() {
        ExplanationTexts texts = ExplanationTexts.get();
        for (InstructionKind kind : InstructionKind.values()) {
            boolean has = switch (kind) {
                case FROM -> texts.has("from.named") && texts.has("from.unnamed");
                case RUN -> texts.has("RUN.shell") && texts.has("RUN.exec");
                case COPY -> texts.has("COPY.context") && texts.has("COPY.stage") && texts.has("COPY.image");
                case HEALTHCHECK -> texts.has("HEALTHCHECK") && texts.has("HEALTHCHECK.none");
                default -> texts.has(kind.keyword());
            };
            assertTrue(has, kind.keyword());
        }
    }

    @Test
    void copyFromAStageNamesTheSourceStageAndThePaths() {
        Analysis analysis = analyze(GO);
        Explanation e = at(analysis, GO, "COPY --from=build", 0);
        assertEquals("COPY in stage `release`", e.title());
        String text = e.text();
        assertTrue(text.contains("copies `/app/server` from stage `build` into this stage at `/server`"), text);
        assertTrue(text.contains("stage `release`, which ships in the final image"), text);
        assertTrue(text.contains("multi-stage split"), "why the split helps: " + text);
    }

    @Test
    void fromOnAnExternalImageInABuilderStageExplainsTheSplit() {
        Analysis analysis = analyze(GO);
        Explanation e = at(analysis, GO, "FROM golang", 2);
        assertEquals("FROM: stage `build`", e.title());
        String text = e.text();
        assertTrue(text.contains("AS build"), text);
        assertTrue(text.contains("the image `golang:1.22`"), "the expanded base image: " + text);
        assertTrue(text.contains("builder stage: files are copied out of it by stage `release`"), text);
        assertTrue(text.contains("left behind"), text);
    }

    @Test
    void fromScratchAndFromAnEarlierStageSaySo() {
        Analysis analysis = analyze(GO);
        String scratch = at(analysis, GO, "FROM scratch", 0).text();
        assertTrue(scratch.contains("empty filesystem"), scratch);
        assertTrue(scratch.contains("This is the final stage"), scratch);
        String test = at(analysis, GO, "FROM build AS test", 0).text();
        assertTrue(test.contains("starts where stage `build` ended"), test);
        assertTrue(test.contains("BuildKit skips it"), "test isn't needed by release: " + test);
        assertTrue(test.contains("`docker build --target test`"), test);
    }

    @Test
    void runInALeftBehindStageOnlyProducesFiles() {
        Analysis analysis = analyze(GO);
        Explanation e = at(analysis, GO, "RUN --mount", 0);
        String text = e.text();
        assertTrue(text.contains("Stage `build` is left behind, so this runs only to produce files for later stages"), text);
        assertTrue(text.contains("--mount=type=cache keeps `/root/.cache/go-build`"), text);
    }

    @Test
    void changingTheTargetChangesWhatShips() {
        Analysis analysis = analyze(GO, "test");
        String build = at(analysis, GO, "RUN --mount", 0).text();
        assertTrue(build.contains("ships in the final image"), "test is built FROM build: " + build);
        String fromBuild = at(analysis, GO, "FROM golang", 0).text();
        assertTrue(fromBuild.contains("The final stage `test` is built FROM this one"), fromBuild);
        String release = at(analysis, GO, "COPY --from=build", 0).text();
        assertTrue(release.contains("isn't needed for the target `test`"), release);
    }

    @Test
    void anUnknownTargetLeavesTheFateOpenInsteadOfGuessing() {
        Analysis analysis = analyze(GO, "nope");
        String stage = at(analysis, GO, "FROM golang", 0).text();
        assertTrue(stage.contains("no valid target"), stage);
        String run = at(analysis, GO, "RUN go test", 0).text();
        assertTrue(run.contains("With no valid target it can't be said whether stage `test` ships"), run);
    }

    @Test
    void unnamedStagesAreReferredToByNumber() {
        String text = "FROM alpine\nRUN make\nFROM scratch\nCOPY --from=0 /out /out\n";
        Analysis analysis = analyze(text);
        Explanation from = at(analysis, text, "FROM alpine", 0);
        assertEquals("FROM: stage #0", from.title());
        assertTrue(from.text().contains("only refer to it by number (`--from=0`)"), from.text());
        String copy = at(analysis, text, "COPY", 0).text();
        assertTrue(copy.contains("from stage #0 into this stage"), copy);
    }

    @Test
    void blankLineOrCommentInsideAStageExplainsTheStage() {
        Analysis analysis = analyze(GO);
        Explanation blank = at(analysis, GO, "go build -o /app/server .\n\n", "go build -o /app/server .\n".length());
        assertEquals("Stage `build`", blank.title());
        Explanation comment = at(analysis, GO, "# the tests", 3);
        assertEquals("Stage `build`", comment.title(), "a comment belongs to the stage above it until the next FROM");
        assertTrue(blank.text().contains("builder stage"), blank.text());
    }

    @Test
    void beforeTheFirstFromExplainsGlobalScope() {
        Analysis analysis = analyze(GO);
        Explanation directive = Explainer.explain(analysis, 3);
        assertEquals("Before the first FROM", directive.title());
        Explanation arg = at(analysis, GO, "ARG GO_VERSION", 0);
        assertEquals("Global ARG `GO_VERSION`", arg.title());
        assertTrue(arg.text().contains("FROM lines can use it"), arg.text());
        assertTrue(arg.text().contains("`ARG GO_VERSION` again"), arg.text());
    }

    @Test
    void aStageArgWithoutValueBringsInTheGlobalOne() {
        Analysis analysis = analyze(EVERY_KIND);
        String text = at(analysis, EVERY_KIND, "ARG BASE\n", 0).text();
        assertTrue(text.contains("`ARG BASE` brings in the global ARG"), text);
    }

    @Test
    void copyFromAnImageAndABindMountFromAStage() {
        String text = "FROM alpine AS assets\nRUN echo hi > /hi\n\nFROM busybox\n"
                + "COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx.conf\n"
                + "RUN --mount=type=bind,from=assets,source=/hi,target=/mnt/hi cat /mnt/hi\n";
        Analysis analysis = analyze(text);
        String image = at(analysis, text, "COPY --from=nginx", 0).text();
        assertTrue(image.contains("straight out of the image `nginx:1.27`"), image);
        String mount = at(analysis, text, "RUN --mount", 0).text();
        assertTrue(mount.contains("makes `/hi` from stage `assets` visible at `/mnt/hi`"), mount);
        String assets = at(analysis, text, "FROM alpine", 0).text();
        assertTrue(assets.contains("It is built because it is needed by stage #1"), assets);
    }

    @Test
    void hereDocumentsAreExplained() {
        String text = "FROM alpine\nRUN <<EOF\napk add curl\necho done\nEOF\nCOPY <<CONF /etc/app.conf\nkey=value\nCONF\n";
        Analysis analysis = analyze(text);
        String run = at(analysis, text, "echo done", 0).text();
        assertTrue(run.contains("<<EOF and EOF are a here-document"), "caret inside the body: " + run);
        String copy = at(analysis, text, "COPY <<CONF", 0).text();
        assertTrue(copy.contains("The here-document <<CONF becomes a file"), copy);
    }

    @Test
    void noStagesAndEmptyTextStillExplainSomething() {
        Explanation empty = Explainer.explain(analyze(""), 0);
        assertEquals("No stages yet", empty.title());
        Explanation junk = Explainer.explain(analyze("RUN echo\n"), 2);
        assertTrue(junk.text().contains("can't come before the first FROM"), junk.text());
        Explanation far = Explainer.explain(analyze(GO), 1_000_000);
        assertEquals("Stage `release`", far.title());
    }

    @Test
    void factsArePlacedOnceAndBracesInFactsAreLeftAlone() {
        assertEquals("copies ${X} {y} to /a", ExplanationTexts.fill("k", "copies {a} {b} to {c}",
                Map.of("a", "${X}", "b", "{y}", "c", "/a")));
        assertEquals("FROM node:${VERSION}", ExplanationTexts.fill("k", "FROM node:${VERSION}", Map.of()));
        assertThrows(IllegalStateException.class, () -> ExplanationTexts.fill("k", "needs {x}", Map.of()));
        assertThrows(IllegalStateException.class, () -> ExplanationTexts.get().text("no.such.text"));
    }
}
