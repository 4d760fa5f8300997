package dev.stagecraft.engine;

/**
 * Told by {@link BuildEngine#watchImageEvents} of everything the engine does to images while the
 * watch lasts, whoever asked for it: removals, tags moved, images pulled, loaded or imported.
 * Calls come on a thread of the engine's, one at a time.
 */
public interface ImageEvents {
    /** The engine now tells of every image event, until {@link #ended()}. */
    void watching();

    /**
     * The engine did {@code action} to the image {@code imageId} (or reference): the engine's own
     * word, such as {@code delete}, {@code tag}, {@code untag}, {@code pull}, {@code load}, {@code save}.
     */
    void happened(String action, String imageId);

    /** The watch ended (closed, or the connection was lost): events are no longer told. */
    void ended();
}
