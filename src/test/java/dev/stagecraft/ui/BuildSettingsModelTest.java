package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.stage.DockerfileAnalyzer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings' memory across analyses and engine changes, without a window (same-thread executors). */
class BuildSettingsModelTest {
    @TempDir
    Path folder;

    private final BuildSettingsModel model = new BuildSettingsModel(Runnable::run, Runnable::run);

    private void analyse(String text) {
        model.update(DockerfileAnalyzer.analyze(text), folder);
    }

    @Test
    void anArgRemovedWhileTyping_getsItsValueBackWhenTypedAgain() {
        analyse("FROM alpine\nARG MODE=release\n");
        model.setArgValue(model.args().get(0), "debug");
        analyse("FROM alpine\nARG MO\n");
        assertEquals(Map.of(), model.settingsProperty().get().buildArgs(), "an argument the file no longer declares is not sent");
        analyse("FROM alpine\nARG MODE=release\n");
        assertEquals("debug", model.args().get(0).valueProperty().get());
        assertEquals(Map.of("MODE", "debug"), model.settingsProperty().get().buildArgs());
    }

    @Test
    void anEmptyValueTyped_isSentAsEmpty_untilReset() {
        analyse("FROM alpine\nARG PROXY=http://proxy:3128\n");
        model.setArgValue(model.args().get(0), "");
        assertEquals(Map.of("PROXY", ""), model.settingsProperty().get().buildArgs());
        model.resetAllArgs();
        assertEquals(Map.of(), model.settingsProperty().get().buildArgs());
        assertEquals("http://proxy:3128", model.args().get(0).valueProperty().get());
    }

    @Test
    void classicChosenByTheUser_staysWhenBuildKitComesBack() {
        analyse("FROM alpine\n");
        model.builderProperty().set(BuilderKind.CLASSIC);
        model.buildKitOfferedProperty().set(false);
        model.buildKitOfferedProperty().set(true);
        assertEquals(BuilderKind.CLASSIC, model.settingsProperty().get().builder());
    }

    @Test
    void noStage_orNoFolder_meansNoBuild() {
        assertNull(model.settingsProperty().get(), "before the first analysis");
        analyse("");
        assertNull(model.settingsProperty().get(), "a file without FROM cannot be built");
        model.update(DockerfileAnalyzer.analyze("FROM alpine\n"), null);
        assertNull(model.settingsProperty().get());
        assertTrue(model.contextWarningProperty().get().startsWith("Save the Dockerfile"), model.contextWarningProperty().get());
        analyse("FROM alpine\n");
        assertNotNull(model.settingsProperty().get());
        assertNull(model.contextWarningProperty().get());
    }

    @Test
    void theDefaultContext_followsTheDockerfile_untilTheUserTypesOne() {
        analyse("FROM alpine\n");
        assertEquals(folder, model.settingsProperty().get().contextFolder());
        model.contextTextProperty().set(folder.getParent().toString());
        analyse("FROM alpine\n");
        assertEquals(folder.getParent(), model.settingsProperty().get().contextFolder());
        model.contextTextProperty().set("  ");
        assertEquals(folder, model.settingsProperty().get().contextFolder(), "blank means the Dockerfile's folder");
    }
}
