package dev.stagecraft.ui;

import dev.stagecraft.compare.BuildComparison;
import dev.stagecraft.compare.StageRow;
import dev.stagecraft.context.Sizes;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;

/**
 * A chart of a comparison for a pull request or a slide: per stage and for the final image, a bar
 * for A and one for B on one shared scale, with sizes and the change. Drawn with fixed colours on
 * white rather than the theme's, so an exported picture looks the same whichever theme the window
 * wears.
 */
final class ComparisonChart {
    /** Width of the drawing, in units; the PNG has {@link #PNG_SCALE} pixels per unit. */
    static final int WIDTH = 900;
    /** Pixels per unit in the PNG: sharp in documents and on high-density screens. */
    static final int PNG_SCALE = 2;
    private static final int PAD = 20;
    private static final int TOP = 86;
    private static final int BAR = 16;
    private static final int GROUP = 2 * BAR + 4 + 16;
    private static final int LABEL_WIDTH = 220;
    private static final int BAR_SPACE = 440;
    private static final Color COLOR_A = Color.web("#94a3b8");
    private static final Color COLOR_B = Color.web("#7c3aed");
    private static final Color INK = Color.web("#1e293b");
    private static final Color MUTED = Color.web("#475569");
    private static final Color GOOD = Color.web("#15803d");
    private static final Color BAD = Color.web("#b91c1c");

    private ComparisonChart() {
    }

    /** The drawing's height for {@code c}: a group of two bars per stage row, plus the final image. */
    static int height(BuildComparison c) {
        return TOP + (c.stages().size() + 1) * GROUP + PAD;
    }

    /** The chart as nodes (FX thread). */
    static Pane draw(BuildComparison c) {
        Pane pane = new Pane();
        pane.getStyleClass().add("comparison-chart");
        int height = height(c);
        pane.setMinSize(WIDTH, height);
        pane.setPrefSize(WIDTH, height);
        pane.setMaxSize(WIDTH, height);
        pane.getChildren().add(new Rectangle(WIDTH, height, Color.WHITE));
        long finalA = c.a().report().finalSizeBytes();
        long finalB = c.b().report().finalSizeBytes();
        Text title = text("Final image: " + Sizes.human(finalA) + " \u2192 " + Sizes.human(finalB) + "   "
                + ComparisonTexts.finalChange(c), PAD, PAD + 16, 18, true, color(c.deltaBytes()));
        pane.getChildren().add(title);
        Rectangle swatchA = new Rectangle(PAD, 48, 12, 12);
        swatchA.setFill(COLOR_A);
        pane.getChildren().addAll(swatchA, text("A: " + c.a().label(), PAD + 18, 59, 12, false, INK));
        Rectangle swatchB = new Rectangle(PAD + WIDTH / 2.0, 48, 12, 12);
        swatchB.setFill(COLOR_B);
        pane.getChildren().addAll(swatchB, text("B: " + c.b().label(), PAD + WIDTH / 2.0 + 18, 59, 12, false, INK));

        long max = Math.max(1, Math.max(finalA, finalB));
        for (StageRow r : c.stages()) {
            max = Math.max(max, Math.max(ComparisonTexts.bytes(r.a()), ComparisonTexts.bytes(r.b())));
        }
        double y = TOP;
        for (StageRow r : c.stages()) {
            group(pane, y, "Stage " + ComparisonTexts.stageName(r), ComparisonTexts.bytes(r.a()), ComparisonTexts.size(r.a()),
                    ComparisonTexts.bytes(r.b()), ComparisonTexts.size(r.b()), ComparisonTexts.stageDelta(r),
                    r.oneSide() != null ? MUTED : color(r.sizeDeltaBytes()), max, false);
            y += GROUP;
        }
        group(pane, y, "Final image", finalA, Sizes.human(finalA), finalB, Sizes.human(finalB), ComparisonTexts.delta(c.deltaBytes()),
                color(c.deltaBytes()), max, true);
        return pane;
    }

    private static void group(Pane pane, double y, String label, long bytesA, String sizeA, long bytesB, String sizeB,
                              String change, Color changeColor, long max, boolean bold) {
        Text name = text(label, PAD, y + BAR + 4, 13, bold, INK);
        name.setWrappingWidth(LABEL_WIDTH - 10);
        pane.getChildren().add(name);
        double x = PAD + LABEL_WIDTH;
        double widthA = Math.max(bytesA > 0 ? 1 : 0, BAR_SPACE * (double) bytesA / max);
        double widthB = Math.max(bytesB > 0 ? 1 : 0, BAR_SPACE * (double) bytesB / max);
        Rectangle a = new Rectangle(x, y, widthA, BAR);
        a.setFill(COLOR_A);
        Rectangle b = new Rectangle(x, y + BAR + 4, widthB, BAR);
        b.setFill(COLOR_B);
        pane.getChildren().addAll(a, b, text(sizeA, x + widthA + 6, y + BAR - 3, 11, false, MUTED),
                text(sizeB, x + widthB + 6, y + 2 * BAR + 1, 11, false, MUTED),
                text(change, PAD + LABEL_WIDTH + BAR_SPACE + 90, y + BAR + 4, 13, bold, changeColor));
    }

    private static Color color(long delta) {
        return delta < 0 ? GOOD : delta > 0 ? BAD : MUTED;
    }

    private static Text text(String s, double x, double y, double size, boolean bold, Color fill) {
        Text t = new Text(x, y, s);
        t.setFont(Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
        t.setFill(fill);
        return t;
    }

    /** The chart as a picture, {@link #PNG_SCALE} pixels per unit (FX thread). */
    static WritableImage image(BuildComparison c) {
        Pane pane = draw(c);
        // A scene of its own gives the texts their fonts and the pane its size before the snapshot.
        new Scene(new Group(pane));
        pane.applyCss();
        pane.layout();
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(PNG_SCALE, PNG_SCALE));
        params.setFill(Color.WHITE);
        return pane.snapshot(params, new WritableImage(WIDTH * PNG_SCALE, height(c) * PNG_SCALE));
    }

    /** PNG bytes of a picture taken by {@link #image}; any thread. */
    static byte[] png(WritableImage image) throws IOException {
        BufferedImage pixels = SwingFXUtils.fromFXImage(image, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(pixels, "png", out)) {
            throw new IOException("no PNG encoder available");
        }
        return out.toByteArray();
    }
}
