package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuildSettings;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.stage.DockerfileAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The build settings panel as a user meets it: filled from the Dockerfile, edited, and pressed. */
@ExtendWith(ApplicationExtension.class)
class BuildSettingsPanelTest {
    private static final String PIPELINE = "ARG NODE_VERSION=20\nARG REGISTRY\n"
            + "FROM node:${NODE_VERSION}-alpine AS deps\nARG NPM_FLAGS=--omit=dev\nRUN npm ci $NPM_FLAGS\n"
            + "FROM deps AS builder\nRUN npm run build\n"
            + "FROM node:${NODE_VERSION}-alpine AS production\nARG NODE_VERSION\nCOPY --from=builder /app/dist ./dist\n";

    @TempDir
    static Path folder;

    private BuildSettingsPanel panel;

    @Start
    void start(Stage stage) {
        // Same-thread executors: the context check answers at once, so no test waits for it.
        panel = new BuildSettingsPanel(new BuildSettingsModel(Runnable::run, Runnable::run));
        Scene scene = new Scene(panel, 460, 560);
        scene.getStylesheets().add(StagecraftApp.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    private static <T> T fx(Callable<T> call) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, call);
    }

    /** Clicks into a field, selects everything in it and types over it, as a user would. */
    private static void typeOver(FxRobot robot, String query, String text) {
        robot.clickOn(query).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write(text);
    }

    private void analyse(FxRobot robot, String text) {
        robot.interact(() -> panel.update(DockerfileAnalyzer.analyze(text), folder));
    }

    /** The rows of the arguments table as shown: name, value, default. */
    private static List<String> shownArgs(FxRobot robot) {
        List<String> rows = new ArrayList<>();
        robot.interact(() -> {
            TableView<?> table = robot.lookup("#build-args").queryAs(TableView.class);
            table.layout();
            for (int i = 0; i < table.getItems().size(); i++) {
                BuildSettingsModel.ArgRow row = (BuildSettingsModel.ArgRow) table.getItems().get(i);
                TextField value = robot.lookup("#build-arg-value-" + row.name()).queryAs(TextField.class);
                int index = i;
                String defaults = robot.lookup(".build-arg-default").queryAll().stream()
                        .filter(n -> n instanceof TableCell<?, ?>).map(n -> (TableCell<?, ?>) n)
                        .filter(c -> c.getIndex() == index && c.getItem() != null)
                        .map(c -> c.getText()).findFirst().orElse("?");
                rows.add(row.name() + "=" + value.getText() + " (" + defaults + ")");
            }
        });
        return rows;
    }

    @Test
    void args_arePrefilledWithTheirDefaults_globalAndStageOnes(FxRobot robot) {
        analyse(robot, PIPELINE);
        assertEquals(List.of("NODE_VERSION=20 (20)", "REGISTRY= ((none))", "NPM_FLAGS=--omit=dev (--omit=dev)"), shownArgs(robot));
    }

    @Test
    void withoutArgs_aSentenceSaysSo_andTheTableComesWithTheFirstArg(FxRobot robot) {
        analyse(robot, "FROM scratch AS only\nCOPY a /a\n");
        assertEquals(BuildSettingsPanel.NO_ARGS, robot.lookup("#build-args-none").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#build-args").tryQuery().isEmpty(), "no empty table");
        assertFalse(robot.lookup("#build-args-reset-all").query().isVisible(), "nothing to reset");
        analyse(robot, PIPELINE);
        assertTrue(robot.lookup("#build-args-none").tryQuery().isEmpty());
        assertEquals(3, shownArgs(robot).size());
        assertTrue(robot.lookup("#build-args-reset-all").query().isVisible());
    }

    @Test
    void anEditedArg_survivesReanalysis_andResetGoesBackToTheDefault(FxRobot robot) {
        analyse(robot, PIPELINE);
        typeOver(robot, "#build-arg-value-NODE_VERSION", "22");
        analyse(robot, PIPELINE.replace("ARG NPM_FLAGS=--omit=dev", "ARG NPM_FLAGS=--omit=dev\nARG DEBUG=0"));
        assertEquals(List.of("NODE_VERSION=22 (20)", "REGISTRY= ((none))", "NPM_FLAGS=--omit=dev (--omit=dev)", "DEBUG=0 (0)"),
                shownArgs(robot));
        assertEquals(Map.of("NODE_VERSION", "22"), fx(() -> panel.settingsProperty().get().buildArgs()));

        robot.clickOn("#build-arg-reset-NODE_VERSION");
        assertEquals("NODE_VERSION=20 (20)", shownArgs(robot).get(0));
        assertEquals(Map.of(), fx(() -> panel.settingsProperty().get().buildArgs()), "a default is not sent");
    }

    @Test
    void targetCombo_listsTheStages_andDefaultsToTheLast(FxRobot robot) {
        analyse(robot, PIPELINE);
        @SuppressWarnings("unchecked")
        ComboBox<String> target = robot.lookup("#build-target").queryAs(ComboBox.class);
        assertEquals(List.of("deps", "builder", "production"), target.getItems());
        assertEquals("production", target.getValue());

        analyse(robot, PIPELINE + "FROM production AS debug\n");
        assertEquals("debug", target.getValue(), "the default follows the last stage");

        robot.interact(() -> target.getSelectionModel().select("builder"));
        analyse(robot, PIPELINE + "FROM scratch\n");
        assertEquals(List.of("deps", "builder", "production", "#3"), target.getItems());
        assertEquals("builder", target.getValue(), "a chosen stage stays while the file has it");
        analyse(robot, PIPELINE.replace("AS builder", "AS build").replace("from=builder", "from=build"));
        assertEquals("production", target.getValue(), "a chosen stage that went gives way to the last one");
    }

    @Test
    void buildKit_isDisabledWithAReason_whenTheEngineDoesNotOfferIt(FxRobot robot) {
        analyse(robot, PIPELINE);
        RadioButton buildKit = robot.lookup("#build-builder-buildkit").queryAs(RadioButton.class);
        RadioButton classic = robot.lookup("#build-builder-classic").queryAs(RadioButton.class);
        assertTrue(buildKit.isSelected() && !buildKit.isDisabled());

        robot.interact(() -> panel.buildKitOfferedProperty().set(false));
        assertTrue(buildKit.isDisabled());
        assertTrue(classic.isSelected());
        assertEquals(BuilderKind.CLASSIC, fx(() -> panel.settingsProperty().get().builder()));
        Node holder = robot.lookup("#build-builder-buildkit-holder").query();
        assertEquals(BuildSettingsPanel.BUILDKIT_NOT_OFFERED, fx(() -> holderTip(holder)), "the reason is a tooltip");

        robot.interact(() -> panel.buildKitOfferedProperty().set(true));
        assertTrue(buildKit.isSelected(), "BuildKit again, since the user never chose the classic builder");
    }

    private static String holderTip(Node holder) {
        Object tip = holder.getProperties().get("javafx.scene.control.Tooltip");
        return tip instanceof javafx.scene.control.Tooltip t ? t.getText() : null;
    }

    @Test
    void build_firesWithTheSettingsShown(FxRobot robot) throws Exception {
        Path sub = Files.createDirectories(folder.resolve("app"));
        analyse(robot, PIPELINE);
        List<BuildSettings> fired = new ArrayList<>();
        robot.interact(() -> panel.setOnBuild(fired::add));
        robot.interact(() -> robot.lookup("#build-target").queryAs(ComboBox.class).getSelectionModel().select("builder"));
        typeOver(robot, "#build-arg-value-NPM_FLAGS", "--verbose");
        robot.clickOn("#build-arg-value-REGISTRY").write("registry.local:5000");
        robot.clickOn("#build-no-cache");
        robot.clickOn("#build-builder-classic");
        typeOver(robot, "#build-context-folder", "app");
        robot.clickOn("#build-start");

        Map<String, String> args = new LinkedHashMap<>();
        args.put("REGISTRY", "registry.local:5000");
        args.put("NPM_FLAGS", "--verbose");
        assertEquals(List.of(new BuildSettings(sub, "builder", args, true, BuilderKind.CLASSIC, false)), fired);

        robot.interact(() -> robot.lookup("#build-target").queryAs(ComboBox.class).getSelectionModel().select("production"));
        robot.clickOn("#build-while-typing");
        robot.clickOn("#build-start");
        assertNull(fired.get(1).target(), "the last stage is built without a --target");
        assertTrue(fired.get(1).rebuildWhileTyping());
    }

    @Test
    void cancel_isEnabledOnlyWhileABuildRuns(FxRobot robot) {
        analyse(robot, PIPELINE);
        int[] cancels = {0};
        robot.interact(() -> panel.setOnCancel(() -> cancels[0]++));
        Button cancel = robot.lookup("#build-cancel").queryAs(Button.class);
        assertTrue(cancel.isDisabled());
        robot.interact(() -> panel.buildingProperty().set(true));
        assertFalse(cancel.isDisabled());
        robot.clickOn("#build-cancel");
        assertEquals(1, cancels[0]);
        robot.interact(() -> panel.buildingProperty().set(false));
        assertTrue(cancel.isDisabled());
    }

    @Test
    void aMissingContextFolder_showsAWarning_andBuildWaits(FxRobot robot) {
        analyse(robot, PIPELINE);
        Label warning = robot.lookup("#build-context-warning").queryAs(Label.class);
        Button build = robot.lookup("#build-start").queryAs(Button.class);
        assertFalse(warning.isVisible());
        assertFalse(build.isDisabled());
        robot.interact(() -> robot.lookup("#build-context-folder").queryAs(TextField.class).setText(folder.resolve("nowhere").toString()));
        assertTrue(warning.isVisible());
        assertTrue(warning.getText().contains("does not exist"), warning.getText());
        assertTrue(build.isDisabled());
        robot.interact(() -> panel.model().resetContext());
        assertFalse(warning.isVisible());
        assertEquals(folder.toString(), robot.lookup("#build-context-folder").queryAs(TextField.class).getText());
    }

    @Test
    void browse_putsThePickedFolderInTheField(FxRobot robot) throws Exception {
        Path picked = Files.createDirectories(folder.resolve("picked"));
        analyse(robot, PIPELINE);
        robot.interact(() -> panel.setFolderPicker((owner, near) -> picked));
        robot.clickOn("#build-context-browse");
        assertEquals(picked, fx(() -> panel.settingsProperty().get().contextFolder()));
        analyse(robot, PIPELINE);
        assertEquals(picked, fx(() -> panel.settingsProperty().get().contextFolder()), "a chosen folder outlives re-analysis");
    }

    @Test
    void checkBoxes_startOff(FxRobot robot) {
        analyse(robot, PIPELINE);
        assertFalse(robot.lookup("#build-no-cache").queryAs(CheckBox.class).isSelected());
        assertFalse(robot.lookup("#build-while-typing").queryAs(CheckBox.class).isSelected());
        BuildSettings s = fx(() -> panel.settingsProperty().get());
        assertFalse(s.noCache() || s.rebuildWhileTyping());
        assertEquals(folder, s.contextFolder());
    }
}
