package dev.stagecraft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.stage.DockerfileAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build arguments a settings form offers: every ARG of the file, once per name, with its default. */
class DeclaredBuildArgTest {

    private static List<DeclaredBuildArg> of(String text) {
        return DeclaredBuildArg.of(DockerfileAnalyzer.analyze(text));
    }

    @Test
    void globalAndStageArgs_inFileOrder_withTheirDefaults() {
        List<DeclaredBuildArg> args = of("ARG BASE=alpine\nARG TAG=3.20\nFROM ${BASE}:${TAG} AS build\n"
                + "ARG MODE=release\nARG TOKEN\nRUN make\nFROM scratch\nARG MODE=debug\n");
        assertEquals(List.of(
                new DeclaredBuildArg("BASE", "alpine", List.of("global"), 1),
                new DeclaredBuildArg("TAG", "3.20", List.of("global"), 2),
                new DeclaredBuildArg("MODE", "release", List.of("build", "#1"), 4),
                new DeclaredBuildArg("TOKEN", null, List.of("build"), 5)), args);
    }

    @Test
    void stageRedeclaringAGlobal_takesTheGlobalDefault() {
        List<DeclaredBuildArg> args = of("ARG NODE_VERSION=20\nFROM node:${NODE_VERSION} AS app\nARG NODE_VERSION\n");
        assertEquals(List.of(new DeclaredBuildArg("NODE_VERSION", "20", List.of("global", "app"), 1)), args);
    }

    @Test
    void defaults_areExpandedWithEarlierArgs_andUnquoted() {
        List<DeclaredBuildArg> args = of("ARG V=\"1.2\"\nARG IMAGE=app:$V\nFROM alpine\nARG DIR=${HOME}/bin\n");
        assertEquals("1.2", args.get(0).defaultValue());
        assertEquals("app:1.2", args.get(1).defaultValue());
        assertEquals("${HOME}/bin", args.get(2).defaultValue(), "only the build knows HOME: shown as written");
    }

    @Test
    void platformArgs_thatBuildKitSets_areNotOffered() {
        assertEquals(List.of("GOOS"), of("FROM golang\nARG TARGETARCH\nARG GOOS=linux\n").stream().map(DeclaredBuildArg::name).toList());
    }

    @Test
    void noArgs_noneOffered() {
        assertEquals(List.of(), of("FROM alpine\nRUN true\n"));
        assertEquals(List.of(), of(""));
    }
}
