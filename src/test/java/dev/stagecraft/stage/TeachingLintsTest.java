package dev.stagecraft.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.syntax.Severity;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TeachingLintsTest {

    @ParameterizedTest
    @CsvSource({"golang:1.22,true", "golang:1.22-alpine,true", "node:20,true", "node:20-alpine,false",
        "node:20-slim,false", "python:3.12,true", "python:3.12-slim,false", "maven:3.9-eclipse-temurin-21,true",
        "mcr.microsoft.com/dotnet/sdk:8.0,true", "nginx:1.27-alpine,false", "openjdk:17-jre,false", "scratch,false",
        "gcr.io/distroless/static-debian12,false"})
    void knowsToolchainImages(String image, boolean toolchain) {
        assertEquals(toolchain, TeachingLints.isToolchain(image), image);
    }

    private static String notes(String dockerfile) {
        return DockerfileAnalyzer.analyze(dockerfile).diagnostics().stream().filter(d -> d.severity() == Severity.INFO)
                .map(d -> d.id() + " " + d.position()).collect(Collectors.joining("; "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "FROM golang:1.22 AS b\\nRUN go build -o /out/app\\nFROM scratch\\nCOPY --from=b /out/app /app|''",
        "FROM golang:1.22 AS b\\nRUN go build\\nFROM alpine\\nCOPY --from=b / /|copy-whole-stage 4:15",
        "FROM golang:1.22 AS b\\nRUN go build -o /out/app\\nFROM golang:1.22\\nCOPY --from=b /out/app /app|toolchain-final-image 3:6",
        "FROM node:20 AS b\\nRUN npm run build\\nFROM nginx\\nCOPY dist/ /usr/share/nginx/html|context-build-output 4:6",
        "FROM alpine AS b\\nRUN echo hi > /x\\nFROM alpine\\nUSER app\\nCOPY --from=b /x /x|copy-without-chown 5:1",
        "FROM alpine AS b\\nRUN echo hi > /x\\nFROM alpine\\nUSER app\\nCOPY --from=b --chown=app /x /x|''",
        "FROM alpine AS b\\nRUN echo hi > /x\\nFROM alpine\\nUSER root\\nCOPY --from=b /x /x|''",
    })
    void teachesTheClassicMistakes(String dockerfile, String expected) {
        assertEquals(expected.equals("''") ? "" : expected, notes(dockerfile.replace("\\n", "\n")));
    }

}
