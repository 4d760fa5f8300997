package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.DockerfileAnalyzer;
import dev.stagecraft.syntax.Token;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The model re-analyses the text after a quiet period, delivers on the FX thread only the result of
 * the latest text, and what it derives (the highlighting, whose tokens it finds with those of the
 * previous text) is that of an analysis done afresh.
 */
@ExtendWith(ApplicationExtension.class)
class DocumentViewModelTest {
    private static final String TEXT = """
            # syntax=docker/dockerfile:1
            ARG GO_VERSION=1.22
            FROM golang:${GO_VERSION} AS build
            WORKDIR /src
            COPY . .
            RUN --mount=type=cache,target=/root/.cache go build -o /out/app ./cmd/app
            FROM scratch
            COPY --from=build /out/app /app
            ENTRYPOINT ["/app"]
            """;

    /** Results as they reach the FX thread, and a latch counted down by each. */
    private static final class Delivered {
        final List<DocumentViewModel.Result<StyleSpans<Collection<String>>>> results = new ArrayList<>();
        CountDownLatch next = new CountDownLatch(1);
    }

    private static Delivered follow(DocumentViewModel<StyleSpans<Collection<String>>> model) throws InterruptedException {
        Delivered delivered = new Delivered();
        CountDownLatch listening = new CountDownLatch(1);
        Platform.runLater(() -> {
            model.resultProperty().addListener((obs, old, now) -> {
                delivered.results.add(now);
                delivered.next.countDown();
            });
            listening.countDown();
        });
        listening.await(5, TimeUnit.SECONDS);
        return delivered;
    }

    private static void typed(DocumentViewModel<?> model, String... texts) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            for (String t : texts) {
                model.textChanged(t);
            }
            done.countDown();
        });
        done.await(5, TimeUnit.SECONDS);
    }

    @Test
    void theHighlightingIsThatOfTheWholeAnalysisOfTheLatestText() throws InterruptedException {
        try (DocumentViewModel<StyleSpans<Collection<String>>> model = new DocumentViewModel<>(50, Highlighting::of)) {
            Delivered delivered = follow(model);
            String last = TEXT.replace("AS build", "AS builder").replace("--from=build", "--from=buildr");
            typed(model, TEXT, TEXT + "RUN echo half-typed", last);
            delivered.next.await(10, TimeUnit.SECONDS);
            // Nothing typed before the quiet period ended is analysed: one result, for the last text.
            Thread.sleep(300);
            assertEquals(1, delivered.results.size(), "results delivered");
            DocumentViewModel.Result<StyleSpans<Collection<String>>> result = delivered.results.get(0);
            assertEquals(last, result.text());
            Analysis whole = DockerfileAnalyzer.analyze(last);
            assertEquals(Highlighting.of(whole), result.extra());
            List<Token> tokens = whole.parse().tokens();
            assertEquals(tokens, result.analysis().parse().tokens());
            assertEquals(whole.diagnostics(), result.analysis().diagnostics(), "the typo in --from=buildr is reported");
        }
    }

    @Test
    void aModelClosedDuringItsQuietPeriodDeliversNothing() throws InterruptedException {
        DocumentViewModel<StyleSpans<Collection<String>>> model = new DocumentViewModel<>(100, Highlighting::of);
        Delivered delivered = follow(model);
        typed(model, TEXT);
        model.close();
        Thread.sleep(400);
        assertNull(model.resultProperty().get());
        assertEquals(0, delivered.results.size());
    }
}
