package dev.stagecraft.engine.build;

import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.instruction.AddInstruction;
import dev.stagecraft.instruction.CopyInstruction;
import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.instruction.RunInstruction;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.stage.StageEdge;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The images of stages built as their own targets, kept by what went into them, so a rebuild that
 * changed none of a stage's inputs need not build it again just to measure it; and the images each
 * Dockerfile's last build ended with, so an unchanged rebuild need not look for superseded ones.
 *
 * <p>A stage's key covers everything BuildKit's result for it depends on: the builder and the
 * engine, the build arguments, the text before the first FROM (global ARGs), the stage's own text
 * and, through their keys, those of every stage it is built on, copies from or mounts; the image id
 * behind each external image reference (a tag that moved changes the key); and the digest of the
 * context as sent when the stage or one it depends on reads the context. The runner reuses an image
 * only when, in addition, the target's build reported every step of the stage cached (so the
 * engine's cache still holds exactly that result) and the image still exists.
 */
final class StageMemo {
    private static final int KEPT = 256;

    private final Map<String, String> imageByKey = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    });

    private final Map<String, java.util.Set<String>> lastImagesByFile = new java.util.concurrent.ConcurrentHashMap<>();

    /** The images the last build of a Dockerfile (its file label) ended with, or an empty set. */
    java.util.Set<String> lastImages(String fileLabel) {
        return lastImagesByFile.getOrDefault(fileLabel, java.util.Set.of());
    }

    void rememberLastImages(String fileLabel, java.util.Set<String> images) {
        lastImagesByFile.put(fileLabel, java.util.Set.copyOf(images));
    }

    /** The image kept for {@code key}, or null. */
    String image(String key) {
        return imageByKey.get(key);
    }

    void remember(String key, String imageId) {
        imageByKey.put(key, imageId);
    }

    /**
     * The keys of every stage of {@code sent} (the text as sent, stage names generated).
     *
     * @param externalImageId the image id a reference names now (a tag is asked each time)
     */
    static Map<Integer, String> keys(Analysis sent, BuilderKind builder, String engine, Map<String, String> buildArgs,
                                     String contextDigest, UnaryOperator<String> externalImageId) {
        Map<Integer, String> keys = new TreeMap<>();
        Map<Integer, Boolean> readsContext = new TreeMap<>();
        String text = sent.parse().text();
        String prelude = sent.stages().isEmpty() ? text : text.substring(0, sent.stages().get(0).range().start());
        for (Stage s : sent.stages()) {
            // Stages only depend on earlier ones (a forward reference is an error, refused before).
            MessageDigest d = sha256();
            update(d, builder.id(), engine, new TreeMap<>(buildArgs).toString(), prelude,
                    text.substring(s.range().start(), s.range().end()));
            boolean context = readsContext(s);
            for (StageEdge e : sent.graph().needs(s.index())) {
                if (e.fromStage() != null && e.fromStage() < s.index()) {
                    update(d, "stage", keys.get(e.fromStage()));
                    context |= readsContext.get(e.fromStage());
                } else if (e.fromImage() != null) {
                    update(d, "image", e.fromImage(), externalImageId.apply(e.fromImage()));
                }
            }
            if (s.baseStage() == null && !s.scratch()) {
                update(d, "base", s.base(), externalImageId.apply(s.base()));
            }
            if (context) {
                update(d, "context", contextDigest);
            }
            readsContext.put(s.index(), context);
            keys.put(s.index(), HexFormat.of().formatHex(d.digest()));
        }
        return keys;
    }

    /** COPY or ADD without --from read the context; so may a RUN with a mount (a bind of the context). */
    private static boolean readsContext(Stage s) {
        for (Instruction i : s.instructions()) {
            if (i instanceof CopyInstruction || i instanceof AddInstruction) {
                boolean fromStage = i.flags().stream().anyMatch(f -> f.name().equals("from"));
                if (!fromStage) {
                    return true;
                }
            } else if (i instanceof RunInstruction && i.flags().stream().anyMatch(f -> f.name().equals("mount"))) {
                return true;
            }
        }
        return false;
    }

    private static void update(MessageDigest d, String... parts) {
        for (String p : parts) {
            d.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
