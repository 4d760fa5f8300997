package dev.stagecraft.engine.measure;

/**
 * The bytes the layers of one Dockerfile line add to its stage's image, as the engine counts them (the
 * sum of the engine's history sizes of the line's entries; several entries only at a FROM line that
 * runs ONBUILD triggers). 0 for a RUN or WORKDIR that changed nothing.
 */
public record LayerSize(int line, long sizeBytes) {
    public LayerSize {
        if (line < 1 || sizeBytes < 0) {
            throw new IllegalArgumentException("line " + line + ", " + sizeBytes + " bytes");
        }
    }
}
