package dev.stagecraft.stage;

/**
 * What becomes of a stage when the target is built: it ships (it is the target or the target is
 * built FROM it), it is built and left behind (only what later stages copy out of it survives), or
 * BuildKit skips it because the target doesn't need it.
 */
public enum StageFate {
    SHIPS("ships in the final image"),
    LEFT_BEHIND("left behind (build only)"),
    SKIPPED("not built for this target");

    private final String label;

    StageFate(String label) {
        this.label = label;
    }

    /** A few words for a card or a drawing. */
    public String label() {
        return label;
    }
}
